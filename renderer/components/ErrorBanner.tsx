// Every failed API call's message, each in a dismissable alert, so a failure is never a blank screen.
import { useShallow } from 'zustand/react/shallow';
import { useErrorStore } from '../stores/useErrorStore';

export function ErrorBanner() {
  const { errors, dismissError } = useErrorStore(useShallow((s) => ({ errors: s.errors, dismissError: s.dismissError })));
  if (errors.length === 0) return null;
  return (
    <div className="errors">
      {errors.map((error) => (
        <div key={error.id} role="alert" className="error">
          <span className="error-message">{error.message}</span>
          <button type="button" className="link-button" aria-label={`Dismiss the error: ${error.message}`} onClick={() => dismissError(error.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
