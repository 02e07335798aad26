import { useEffect, useState } from 'react';
import type { UpdateState } from '../../../../common/desktop-types.js';
import { useCalls } from '../../store/client-context.js';
import { updateCalls } from './update-calls.js';

/**
 * The update banner: "Downloading 42 %" → "Listsmith 1.3.0 is ready — Restart to update".
 * Presentational (`UpdateBanner` takes the shell's update state as props); `UpdateBannerFromCore`
 * wires it to the contract's `update.state` event and `update.getState` / `update.install`. Only
 * the Electron shell answers those; in the browser build the call fails and nothing is shown.
 */
export interface UpdateBannerProps {
  state: UpdateState | null;
  onRestart: () => void;
  onDismiss?: () => void;
}

export function UpdateBanner({ state, onRestart, onDismiss }: UpdateBannerProps) {
  if (!state) return null;
  if (state.status === 'downloading' || state.status === 'available') {
    const percent = state.status === 'downloading' ? Math.round(state.percent) : 0;
    return (
      <div className="update-banner" role="status" aria-live="polite" data-testid="update-banner" data-update-status={state.status}>
        <span className="update-banner-text">
          Downloading Listsmith {state.version}
          {state.status === 'downloading' ? ` — ${percent} %` : '…'}
        </span>
        <progress className="update-banner-progress" max={100} value={percent} aria-label="Update download progress" />
      </div>
    );
  }
  if (state.status === 'ready') {
    return (
      <div className="update-banner update-banner-ready" role="status" aria-live="polite" data-testid="update-banner" data-update-status="ready">
        <span className="update-banner-text">Listsmith {state.version} is ready. Your catalog is saved; restarting takes a few seconds.</span>
        <button type="button" className="update-banner-restart" data-testid="update-restart" onClick={onRestart}>
          Restart to update
        </button>
        {onDismiss && (
          <button type="button" className="icon-button" aria-label="Later" onClick={onDismiss}>
            ×
          </button>
        )}
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="update-banner update-banner-error" role="status" data-testid="update-banner" data-update-status="error">
        <span className="update-banner-text">Could not check for updates: {state.message}</span>
        {onDismiss && (
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        )}
      </div>
    );
  }
  return null; // idle, checking, disabled: nothing to say
}

/** Wiring through the typed contract client. */
export function UpdateBannerFromCore() {
  const calls = useCalls(updateCalls);
  const [state, setState] = useState<UpdateState | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    const unsubscribe = calls.onState(setState);
    calls.state().then(
      (value) => setState((current) => current ?? value),
      () => undefined, // no updater here (browser build): nothing to show
    );
    return unsubscribe;
  }, [calls]);
  const key = state && 'version' in state ? `${state.status}:${state.version}` : (state?.status ?? '');
  return (
    <UpdateBanner
      state={dismissed === key ? null : state}
      onRestart={() => void calls.install().catch(() => undefined)}
      onDismiss={() => setDismissed(key)}
    />
  );
}
