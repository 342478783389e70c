// Every failed API call's message, each in a dismissable alert, so a failure is never a blank screen; a cancel as a neutral notice.
import { useShallow } from 'zustand/react/shallow';
import { useErrorStore } from '../stores/useErrorStore';

export function ErrorBanner() {
  const { errors, dismissError } = useErrorStore(useShallow((s) => ({ errors: s.errors, dismissError: s.dismissError })));
  if (errors.length === 0) return null;
  return (
    <div className="errors">
      {errors.map((error) => (
        // A notice is news the user caused (a cancel): read out politely, not as an alert, and not in red.
        <div key={error.id} role={error.tone === 'notice' ? 'status' : 'alert'} className={error.tone === 'notice' ? 'notice' : 'error'}>
          <span className="error-message">{error.message}</span>
          <button type="button" className="link-button" aria-label={`Dismiss the ${error.tone === 'notice' ? 'notice' : 'error'}: ${error.message}`} onClick={() => dismissError(error.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
