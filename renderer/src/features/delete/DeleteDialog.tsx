import { useEffect, useState } from 'react';
import type { Scope } from '../../../../common/contract.js';
import type { DeletePreview } from '../../../../common/edit-types.js';
import { formatCount, formatInteger } from '../../format.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { deleteCalls } from './delete-calls.js';
import { useAppStore } from '../../store/context.js';
import { Modal } from '../../ui/Modal.js';
import { defaultScopeChoice, ScopeChooser, useScopeOptions, type ScopeChoice } from '../grid/ScopeChooser.js';
import { ErrorCallout } from '../../ui/ErrorCallout.js';
import './delete.css';

type Phase = 'checking' | 'ready' | 'deleting';

/** Titles named in the confirmation; the count covers the rest. */
const NAMED = 3;
/** From this many listings on, say that it takes a moment and that a backup comes first. */
const LARGE = 10_000;
const UNDO_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';

/**
 * "Delete listings": the selected listings, or everything matching the search and filters (the
 * whole catalog when nothing filters it — how a seller removes the demo catalog). The core counts
 * what is there (`listings.deletePreview`); the confirmation states that count, names the first
 * listings and says that it can be undone. One undoable change in the core (`listings.delete`).
 */
export function DeleteDialog({ onClose }: { onClose: () => void }) {
  const calls = useCalls(deleteCalls);
  const store = useAppStore();
  const scopes = useScopeOptions();
  const [choice, setChoice] = useState<ScopeChoice>(() => defaultScopeChoice(scopes));
  const [answer, setAnswer] = useState<{ scope: Scope; preview: DeletePreview | null; error: string | null } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const scope: Scope | null = choice === 'selection' ? scopes.selectionScope : scopes.queryScope;

  // The count for the scope chosen now; an answer for an earlier choice is not shown.
  useEffect(() => {
    if (scope === null) return;
    let current = true;
    calls.preview(scope).then(
      (preview) => current && setAnswer({ scope, preview, error: null }),
      (err: unknown) => current && setAnswer({ scope, preview: null, error: errorMessage(err).message }),
    );
    return () => {
      current = false;
    };
  }, [calls, scope]);
  const fresh = answer !== null && answer.scope === scope;
  const preview = fresh ? answer.preview : null;
  const phase: Phase = deleting ? 'deleting' : fresh ? 'ready' : 'checking';
  const error = deleteError ?? (fresh ? answer.error : null);

  const remove = async () => {
    if (scope === null || preview === null) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      const result = await calls.remove(scope);
      store.getState().listingsDeleted(scope, result);
      onClose();
    } catch (err) {
      setDeleteError(errorMessage(err).message);
      setDeleting(false);
    }
  };

  const count = preview?.listings ?? 0;
  const wholeCatalog = choice === 'query' && !scopes.filtered;
  const footer = (
    <>
      <button type="button" className="btn" data-testid="delete-cancel" onClick={onClose} disabled={deleting}>
        Cancel
      </button>
      <button type="button" className="btn btn-danger" data-testid="delete-confirm" onClick={() => void remove()} disabled={phase !== 'ready' || count === 0}>
        {deleting ? 'Deleting…' : preview === null ? 'Delete' : `Delete ${formatCount(count, 'listing', 'listings')}`}
      </button>
    </>
  );

  return (
    <Modal
      titleId="delete-title"
      title="Delete listings"
      subtitle={<span className="muted">You can undo this.</span>}
      onClose={() => {
        if (!deleting) onClose();
      }}
      footer={footer}
      testId="delete-dialog"
      busy={phase !== 'ready'}
    >
      <div className="wizard delete" data-phase={phase}>
        <ScopeChooser
          name="delete"
          legend="Delete"
          scopes={scopes}
          choice={choice}
          onChoose={(next) => {
            if (deleting) return;
            setChoice(next);
            setDeleteError(null);
          }}
          disabled={deleting}
        />
        {preview !== null && (
          <div className="callout callout-warn delete-summary" role="status" data-testid="delete-summary" data-count={count}>
            {count === 0 ? (
              'None of these listings is in the catalog any more: nothing to delete.'
            ) : (
              <>
                <p>
                  <strong>{formatCount(count, 'listing', 'listings')}</strong> will be deleted{wholeCatalog ? ' — the whole catalog' : ''}: <Named preview={preview} />.
                </p>
                <p>
                  You can undo this with <kbd>{UNDO_KEYS}</kbd> or the Undo button in the toolbar: the listings come back as they were, with their variants, history and
                  proposals.
                  {wholeCatalog && ' This is also how to remove the demo catalog before importing your own listings.'}
                </p>
                {count >= LARGE && <p className="muted">Deleting this many takes a moment; Listsmith backs up the catalog first.</p>}
              </>
            )}
          </div>
        )}
        {phase === 'checking' && (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Counting the listings…
          </p>
        )}
        {deleting && (
          <div className="callout" role="status" data-testid="delete-running">
            <span className="spinner" aria-hidden="true" /> Deleting {formatCount(count, 'listing', 'listings')}… this runs as one change: all or nothing.
          </div>
        )}
        <ErrorCallout message={error} testId="delete-error" />
      </div>
    </Modal>
  );
}

/** “Oak board”, “Linen apron” and 10 more. */
function Named({ preview }: { preview: DeletePreview }) {
  const named = preview.samples.slice(0, NAMED);
  const more = preview.listings - named.length;
  return (
    <>
      {named.map((sample, index) => (
        <span key={sample.id}>
          {index > 0 && (index === named.length - 1 && more === 0 ? ' and ' : ', ')}“<span className="delete-title">{sample.title}</span>”
        </span>
      ))}
      {more > 0 && ` and ${formatInteger(more)} more`}
    </>
  );
}

export default DeleteDialog;
