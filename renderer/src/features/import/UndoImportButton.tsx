import type { ImportReport } from '../../../../common/import-types.js';
import { formatCount } from '../../format.js';
import { useApp } from '../../store/context.js';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The import report's "Undo this import": removes the listings the import created and puts back
 * the ones it changed, as one step of the catalog's history. History is undone newest first, so
 * this is offered while the import is the newest change; otherwise the button says why not. The
 * core checks it again (`history.undo` with the import's change set) and never undoes another change.
 */
export function UndoImportButton({ report }: { report: ImportReport }) {
  const undoState = useApp((s) => s.undoState);
  const busy = useApp((s) => s.historyBusy);
  const undoChangeSet = useApp((s) => s.undoChangeSet);
  const changeSetId = report.changeSetId;
  if (report.cancelled || changeSetId === null) return null;

  const undone = undoState?.redo?.id === changeSetId;
  const newest = undoState?.undo?.id === changeSetId;
  const what = [report.imported > 0 ? `removes the ${formatCount(report.imported, 'new listing', 'new listings')}` : null, report.updated > 0 ? `puts back the ${formatCount(report.updated, 'changed listing', 'changed listings')} as they were` : null]
    .filter((part) => part !== null)
    .join(' and ');
  let note: string | null = null;
  if (undone) note = `Undone. Redo (${IS_MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z'}) brings it back.`;
  else if (!newest && undoState !== null) note = `Changes were made after this import: undo goes back one change at a time, newest first (${IS_MAC ? '⌘Z' : 'Ctrl+Z'}).`;
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="report-undo-import"
        data-state={undone ? 'undone' : newest ? 'ready' : 'blocked'}
        disabled={!newest || busy !== null}
        title={newest ? `Undo this import: ${what}.` : (note ?? undefined)}
        onClick={() => void undoChangeSet(changeSetId)}
      >
        {busy === 'undo' && newest ? 'Undoing…' : undone ? 'Import undone' : 'Undo this import'}
      </button>
      {note !== null && (
        <span className="foot-note muted" data-testid="report-undo-note">
          {note}
        </span>
      )}
    </>
  );
}
