import { useApp } from '../../store/context.js';

/**
 * The banner of a lost connection (web transport): says what happened, that Listsmith reconnects by
 * itself, and that editing is paused — what the seller typed stays in its field and nothing is
 * saved until the core answers again (store: `offline`; writes fail at once meanwhile).
 */
export function ConnectionBanner() {
  const offline = useApp((s) => s.offline);
  const state = useApp((s) => s.connection.state);
  if (!offline) return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner" data-state={state}>
      <span className="spinner" aria-hidden="true" />
      <span>
        <strong>Lost the connection to your catalog.</strong> {state === 'open' ? 'Reconnected, waiting for Listsmith to answer…' : 'Reconnecting by itself…'}{' '}
        Editing is paused until it answers: what you typed stays in its field, and nothing is saved meanwhile.
      </span>
    </div>
  );
}
