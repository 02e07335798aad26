import { useEffect, useState } from 'react';
import { formatCount, formatInteger } from '../../format.js';
import { useCalls } from '../../store/client-context.js';
import { indexingCalls, type IndexingProgress } from './indexing-calls.js';
import { useApp } from '../../store/context.js';
import { selectionCount } from '../grid/selection.js';

/** "3 selected" / "All 9,139 matching selected", with a way to clear it. */
function SelectionStatus() {
  const all = useApp((s) => s.selection.kind === 'all');
  const count = useApp((s) => selectionCount(s.selection, s.view?.total ?? 0));
  const resolving = useApp((s) => s.selectingRange);
  const clearSelection = useApp((s) => s.clearSelection);
  if (resolving) {
    return (
      <span className="selection-status" data-testid="selection-count" data-count="">
        <span className="spinner" aria-hidden="true" /> Selecting…
      </span>
    );
  }
  if (count === 0) return null;
  return (
    <span className="selection-status" data-testid="selection-count" data-count={count} data-all={all}>
      <strong>{all ? `All ${formatCount(count, 'matching listing', 'matching listings')} selected` : `${formatInteger(count)} selected`}</strong>
      <button type="button" className="link-button" data-testid="selection-clear" onClick={clearSelection}>
        Clear
      </button>
    </span>
  );
}

/** The last short message (undo/redo done, a selection that could not be made…). */
function Notice() {
  const notice = useApp((s) => s.notice);
  const dismissNotice = useApp((s) => s.dismissNotice);
  return (
    <span className="notice-slot" role="status" aria-live="polite">
      {notice !== null && (
        <span className={`notice notice-${notice.tone}`} data-testid="status-notice">
          {notice.text}
          <button type="button" className="icon-button notice-close" aria-label="Dismiss" onClick={dismissNotice}>
            ×
          </button>
        </span>
      )}
    </span>
  );
}

/**
 * A large import's second phase (core/catalog/index-backlog.ts): the listings are in the grid,
 * their search entries and scores follow. While it runs the bar says how far it is, and a search
 * says how many listings it may still miss, rather than missing them silently.
 */
function IndexingStatus() {
  const indexing = useCalls(indexingCalls);
  const [progress, setProgress] = useState<IndexingProgress>(null);
  const searching = useApp((s) => s.view?.notIndexed !== undefined);
  const notIndexedAtOpen = useApp((s) => s.view?.notIndexed ?? 0);
  useEffect(() => indexing.follow(setProgress), [indexing]);
  const waiting = progress === null ? notIndexedAtOpen : progress.total - progress.done;
  if (progress === null && !searching) return null;
  const percent = progress === null ? null : Math.floor((progress.done / Math.max(1, progress.total)) * 100);
  return (
    <span className="muted" role="status" data-testid="indexing-status" data-waiting={waiting}>
      {percent !== null && <span className="spinner" aria-hidden="true" />}
      {percent !== null && `Indexing ${percent} % — `}
      {searching && waiting > 0 ? `this search may miss ${formatCount(waiting, 'new listing', 'new listings')} not indexed yet` : 'search may miss new listings'}
    </span>
  );
}

function CoreOpening() {
  const opening = useApp((s) => s.coreOpening);
  if (!opening) return null;
  return (
    <span className="muted" role="status" data-testid="core-opening">
      Opening the catalog… The first start after an update can take a minute for a large catalog.
    </span>
  );
}

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
      {selectedIndex !== null && <span data-testid="selected-row">Row {formatInteger(selectedIndex + 1)}</span>}
      <SelectionStatus />
      <Notice />
      <span className="toolbar-spacer" />
      <IndexingStatus />
      {!connection.everOpened && connection.state !== 'open' && connection.retryAt !== null && (
        <span className="muted">Is `npm run web` still running? If you restarted it, open the new address it printed.</span>
      )}
      <CoreOpening />
      <ConnectionStatus />
      {appInfo !== null && (
        <span className="muted" title={appInfo.databasePath}>
          {appInfo.name} {appInfo.version}
        </span>
      )}
    </footer>
  );
}
