// Catches a screen that fails to render, so the header, tabs and the error message stay instead of a blank page.
import { Component, type ReactNode } from 'react';

interface Props {
  /** A new screen gets a fresh try. */
  screen: string;
  children: ReactNode;
}

interface State {
  failed: { screen: string; message: string } | null;
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { failed: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: { screen: '', message: error instanceof Error ? error.message : String(error) } };
  }

  override componentDidCatch(): void {
    this.setState((state) => (state.failed ? { failed: { ...state.failed, screen: this.props.screen } } : state));
  }

  override render(): ReactNode {
    const { failed } = this.state;
    if (failed && (failed.screen === '' || failed.screen === this.props.screen)) {
      return (
        <div role="alert" className="error">
          <span className="error-message">This screen could not be shown: {failed.message}. Choose another tab, or reopen the investigation.</span>
        </div>
      );
    }
    return this.props.children;
  }
}
