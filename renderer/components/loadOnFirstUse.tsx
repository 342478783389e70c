// A component whose code loads when it is first drawn, like React.lazy but without Suspense: React holds a boundary's content back for up to 300 ms after a lazy load resolves (its reveal throttle), longer than a screen takes to draw.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export type LoadedOnFirstUse<P> = ComponentType<P> & {
  /** Starts loading the code (a tab about to be shown); the same promise every time. */
  preload(): Promise<ComponentType<P>>;
};

export function loadOnFirstUse<P extends object>(load: () => Promise<ComponentType<P>>, placeholder: ReactNode): LoadedOnFirstUse<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    // A failed load (the app updated under an open window, a file gone) is tried again on the next use.
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  function Shown(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (component) return;
      let current = true;
      preload().then(
        (c) => current && setComponent(() => c),
        (e: unknown) => current && setError(e),
      );
      return () => {
        current = false;
      };
    }, [component]);
    // Thrown while drawing, the failure reaches the screen's error boundary like any other.
    if (error) throw error instanceof Error ? error : new Error(String(error));
    const Component = component;
    return Component ? <Component {...props} /> : placeholder;
  }
  return Object.assign(Shown, { preload });
}
