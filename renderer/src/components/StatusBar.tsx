import { formatInteger } from '../format.js';
import { useApp } from '../store/context.js';

function ConnectionStatus() {
  const connection = useApp((s) => s.connection);
  const kind = useApp((s) => s.transportKind);
  if (kind === 'electron') return null;
  let text: string;
  if (connection.state === 'open') text = 'Connected';
  else if (connection.state === 'connecting') text = 'Connecting…';
  else if (connection.retryAt !== null) text = 'Disconnected — retrying…';
  else text = 'Disconnected';
  return (
    <span className={`conn conn-${connection.state}`} data-testid="connection-status" data-state={connection.state}>
      <span className="conn-dot" aria-hidden="true" />
      {text}
    </span>
  );
}

export function StatusBar() {
  const total = useApp((s) => s.view?.total ?? 0);
  const visible = useApp((s) => s.visible);
  const selectedIndex = useApp((s) => s.selectedIndex);
  const appInfo = useApp((s) => s.appInfo);
  const connection = useApp((s) => s.connection);
  return (
    <footer className="statusbar">
      {total > 0 && (
        <span data-testid="visible-range">
          Rows {formatInteger(Math.min(visible.first + 1, total))}–{formatInteger(Math.min(visible.last + 1, total))} of {formatInteger(total)}
        </span>
      )}
      {selectedIndex !== null && <span data-testid="selected-row">Row {formatInteger(selectedIndex + 1)} selected</span>}
      <span className="toolbar-spacer" />
      {!connection.everOpened && connection.state !== 'open' && connection.retryAt !== null && (
        <span className="muted">Is `npm run web` still running? If you restarted it, open the new address it printed.</span>
      )}
      <ConnectionStatus />
      {appInfo !== null && (
        <span className="muted" title={appInfo.databasePath}>
          {appInfo.name} {appInfo.version}
        </span>
      )}
    </footer>
  );
}
