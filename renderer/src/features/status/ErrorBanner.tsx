import { useApp } from '../../store/context.js';

/** The failed calls the status slice keeps (`errors`), newest last, each dismissable. */
export function ErrorBanner() {
  const errors = useApp((s) => s.errors);
  const dismissError = useApp((s) => s.dismissError);
  if (errors.length === 0) return null;
  return (
    <div className="banners" data-testid="error-banner">
      {errors.map((e) => (
        <div key={e.id} className="banner banner-error" role="alert" data-error-code={e.code}>
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <span className="banner-text">
            {e.message}
            {e.count > 1 && <span className="banner-count"> ×{e.count}</span>}
          </span>
          <button type="button" className="icon-button" aria-label="Dismiss" data-testid="error-dismiss" onClick={() => dismissError(e.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
