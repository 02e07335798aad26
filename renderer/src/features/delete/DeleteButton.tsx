import { lazy, Suspense } from 'react';
import { formatInteger } from '../../format.js';
import { useApp } from '../../store/context.js';
import { useScopeAction } from '../grid/use-scope-action.js';
import './delete.css';
import { preloadOn } from '../../ui/preload-on.js';

/** The confirmation loads when first opened (or hovered): browsing the catalog does not need it. */
const loadDeleteDialog = () => import('./DeleteDialog.js');
const DeleteDialog = lazy(loadDeleteDialog);

/**
 * Toolbar "Delete…" (a bin): opens the confirmation for the selected listings or everything
 * matching the search and filters — also how the demo catalog is removed. The Delete key on the
 * grid's selection opens the same dialog (store: openDelete).
 */
export function DeleteButton() {
  const open = useApp((s) => s.deleteOpen);
  const openDelete = useApp((s) => s.openDelete);
  const closeDelete = useApp((s) => s.closeDelete);
  const { selected, disabled } = useScopeAction();
  const title =
    selected > 0
      ? `Delete the ${selected === 1 ? 'selected listing' : `${formatInteger(selected)} selected listings`} (Delete key) — you can undo it`
      : 'Delete listings: the selection, or everything matching the search and filters (e.g. the whole demo catalog) — you can undo it';
  return (
    <>
      <button
        type="button"
        className="btn btn-delete"
        data-testid="delete-button"
        aria-label="Delete listings…"
        aria-keyshortcuts="Delete"
        title={title}
        disabled={disabled}
        {...preloadOn(loadDeleteDialog)}
        onClick={openDelete}
      >
        <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.5 6.5v5M9.5 6.5v5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <Suspense fallback={null}>
          <DeleteDialog onClose={closeDelete} />
        </Suspense>
      )}
    </>
  );
}
