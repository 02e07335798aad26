import { useEffect, useState } from 'react';

/**
 * The update banner: "Downloading 42 %" → "Listsmith 1.3.0 is ready — Restart to update".
 * Presentational: it takes the shell's update state as props (the shape of core/update's
 * UpdateState, mirrored here because the renderer may import only common/) so it is wired through
 * the store later. `UpdateBannerFromBridge` is a ready-made wiring to the Electron bridge that works
 * once the contract lists `update.state` / `update.getState` / `update.install`; in the browser
 * harness (no bridge) it renders nothing.
 */
export type UpdateBannerState =
  | { status: 'disabled'; reason: string }
  | { status: 'idle'; lastCheckedAt?: number }
  | { status: 'checking' }
  | { status: 'available'; version: string }
  | { status: 'downloading'; version: string; percent: number; bytesPerSecond?: number }
  | { status: 'ready'; version: string }
  | { status: 'error'; message: string };

export interface UpdateBannerProps {
  state: UpdateBannerState | null;
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

type LooseBridge = {
  on: Record<string, ((listener: (payload: unknown) => void) => () => void) | undefined>;
  invoke: Record<string, ((input: unknown) => Promise<{ ok: boolean; value?: unknown }>) | undefined>;
};

function bridge(): LooseBridge | null {
  return ((window as unknown as { listsmith?: LooseBridge }).listsmith ?? null) as LooseBridge | null;
}

/** Wiring through the preload bridge (Electron only). */
export function UpdateBannerFromBridge() {
  const [state, setState] = useState<UpdateBannerState | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    const b = bridge();
    if (!b) return;
    const unsubscribe = b.on['update.state']?.((payload) => setState(payload as UpdateBannerState));
    void b.invoke['update.getState']?.({}).then((envelope) => {
      if (envelope.ok) setState((current) => current ?? (envelope.value as UpdateBannerState));
    });
    return unsubscribe;
  }, []);
  const key = state && 'version' in state ? `${state.status}:${state.version}` : (state?.status ?? '');
  return (
    <UpdateBanner
      state={dismissed === key ? null : state}
      onRestart={() => void bridge()?.invoke['update.install']?.({})}
      onDismiss={() => setDismissed(key)}
    />
  );
}
