import { useCallback, useEffect, useRef, useState } from 'react';
import { EDITABLE_FIELDS, type ChangeSetKind, type RevisionAuthor, type RevisionEntry } from '../../../../common/edit-types.js';
import { fieldTitle } from '../../../../common/edit/field-labels.js';
import { STATUS_LABELS, type Listing, type ListingStatus } from '../../../../common/listing.js';
import { descriptionToText, formatDateTime, formatInteger, formatPrice } from '../../format.js';
import { useCalls } from '../../store/client-context.js';
import { historyCalls } from './history-calls.js';
import { errorMessage } from '../../store/error-message.js';
import { Modal } from '../../ui/Modal.js';
import { CHANGE_SET_STATE_LABELS } from './change-set-state.js';
import './history.css';

/* The detail pane's History tab: every revision of the listing, newest first — who made it
 * (you, an import, the optimizer, AI), when, the action it was part of and whether that action was
 * undone, and each field's before → after. Any revision can be reverted (a new, undoable change). */

export const AUTHOR_LABELS: Record<RevisionAuthor, string> = { user: 'You', import: 'Import', optimizer: 'Optimizer', ai: 'AI' };
export const KIND_LABELS: Record<ChangeSetKind, string> = { edit: 'Edit', bulk: 'Bulk edit', revert: 'Revert', import: 'Import', proposal: 'Suggestion', delete: 'Delete' };

/** Fields in the order a revision lists them: the editor's order, variants last. */
const FIELD_ORDER: readonly string[] = [...EDITABLE_FIELDS, 'variants'];

/** Long text is cut here; "Show all" expands it. */
export const TRUNCATE_AT = 160;
const HISTORY_LIMIT = 200;
const REFRESH_DEBOUNCE_MS = 300;

function fieldOrder(field: string): number {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** A revision value as text (null/empty → null: shown as "empty"). */
export function valueText(field: string, value: unknown, currency: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field === 'priceMinor' && typeof value === 'number') return formatPrice(value, currency);
  if (field === 'quantity' && typeof value === 'number') return formatInteger(value);
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value as ListingStatus] ?? value;
  if (field === 'description' && typeof value === 'string') return descriptionToText(value) || value;
  if (field === 'variants' && Array.isArray(value)) return `${formatInteger(value.length)} ${value.length === 1 ? 'variant' : 'variants'}`;
  if (isStringList(value)) return value.length === 0 ? null : value.join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? null : entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ');
  }
  return String(value);
}

function Value({ text, testId }: { text: string | null; testId: string }) {
  const [expanded, setExpanded] = useState(false);
  if (text === null) {
    return (
      <span className="rev-value rev-empty" data-testid={testId}>
        empty
      </span>
    );
  }
  const long = text.length > TRUNCATE_AT;
  return (
    <span className="rev-value" data-testid={testId}>
      <span className="rev-text">{long && !expanded ? `${text.slice(0, TRUNCATE_AT).trimEnd()}…` : text}</span>
      {long && (
        <button type="button" className="link-button rev-expand" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : `Show all (${formatInteger(text.length)} characters)`}
        </button>
      )}
    </span>
  );
}

/** Lists: what was added and removed rather than two long lists. */
function ListChange({ before, after }: { before: string[]; after: string[] }) {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const reordered = added.length === 0 && removed.length === 0;
  return (
    <span className="rev-list">
      {added.map((x, i) => (
        <span key={`a${i}-${x}`} className="rev-chip rev-added" title={x}>
          <span className="visually-hidden">added </span>+ {x}
        </span>
      ))}
      {removed.map((x, i) => (
        <span key={`r${i}-${x}`} className="rev-chip rev-removed" title={x}>
          <span className="visually-hidden">removed </span>− {x}
        </span>
      ))}
      {reordered && <span className="muted">reordered</span>}
    </span>
  );
}

/** "title", "title and price", "title, price and tags". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function currencyOf(entry: RevisionEntry, side: 'before' | 'after', fallback: string): string {
  const c = entry.changes.currency?.[side];
  return typeof c === 'string' ? c : fallback;
}

function RevisionItem({ entry, listing, onRevert }: { entry: RevisionEntry; listing: Listing; onRevert: (entry: RevisionEntry) => void }) {
  const fields = Object.keys(entry.changes).sort((a, b) => fieldOrder(a) - fieldOrder(b));
  const set = entry.changeSet;
  const state = set?.state ?? 'applied';
  const revertable = fields.some((f) => f !== 'variants');
  return (
    <li className={`revision revision-${state}`} data-testid="revision" data-revision-id={entry.id} data-state={state} data-fields={fields.join(',')}>
      <div className="revision-head">
        <span className={`rev-author author-${entry.author}`}>{AUTHOR_LABELS[entry.author] ?? entry.author}</span>
        {set !== null && <span className="rev-kind">{KIND_LABELS[set.kind] ?? set.kind}</span>}
        {state !== 'applied' && (
          <span className={`rev-state state-${state}`} title={CHANGE_SET_STATE_LABELS[state].hint}>
            {CHANGE_SET_STATE_LABELS[state].label}
          </span>
        )}
        <time className="rev-time muted" dateTime={new Date(entry.createdAt).toISOString()}>
          {formatDateTime(entry.createdAt)}
        </time>
      </div>
      {set !== null && set.summary !== '' && (
        <p className="rev-summary">
          {set.summary}
          {set.listingCount > 1 && <span className="muted"> · {formatInteger(set.listingCount)} listings in this change</span>}
        </p>
      )}
      <dl className="rev-fields">
        {fields.map((field) => {
          const change = entry.changes[field as keyof typeof entry.changes];
          if (change === undefined) return null;
          const lists = isStringList(change.before ?? []) && isStringList(change.after ?? []) && ['tags', 'materials', 'images'].includes(field);
          return (
            <div key={field} className="rev-field" data-field={field}>
              <dt>{fieldTitle(field) ?? field}</dt>
              <dd>
                {lists ? (
                  <ListChange before={(change.before ?? []) as string[]} after={(change.after ?? []) as string[]} />
                ) : (
                  <>
                    <Value text={valueText(field, change.before, currencyOf(entry, 'before', listing.currency))} testId="rev-before" />
                    <span className="rev-arrow" aria-label="changed to">
                      →
                    </span>
                    <Value text={valueText(field, change.after, currencyOf(entry, 'after', listing.currency))} testId="rev-after" />
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <div className="revision-actions">
        <button
          type="button"
          className="btn btn-small"
          disabled={!revertable || state === 'undone'}
          title={!revertable ? 'Only variants changed here; they cannot be reverted from the history.' : state === 'undone' ? 'This change was undone already.' : undefined}
          aria-label={`Revert changes of ${formatDateTime(entry.createdAt)}`}
          onClick={() => onRevert(entry)}
        >
          Revert…
        </button>
      </div>
    </li>
  );
}

function RevertDialog({
  entry,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  entry: RevisionEntry;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const fields = Object.keys(entry.changes)
    .filter((f) => f !== 'variants')
    .sort((a, b) => fieldOrder(a) - fieldOrder(b))
    .map((f) => (fieldTitle(f) ?? f).toLowerCase());
  const when = formatDateTime(entry.createdAt);
  const whose =
    entry.author === 'user'
      ? `your change of ${when}`
      : entry.author === 'import'
        ? `the import of ${when}`
        : entry.author === 'optimizer'
          ? `the optimizer’s change of ${when}`
          : `the AI suggestion applied ${when}`;
  return (
    <Modal
      titleId="revert-title"
      title="Revert this change?"
      testId="revert-dialog"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={onConfirm} disabled={busy} data-testid="revert-confirm">
            {busy ? 'Reverting…' : 'Revert'}
          </button>
        </>
      }
    >
      <p>
        The {listText(fields)} of this listing {fields.length === 1 && !fields[0]?.endsWith('s') ? 'goes' : 'go'} back to what{' '}
        {fields.length === 1 && !fields[0]?.endsWith('s') ? 'it was' : 'they were'} before {whose}.
      </p>
      <p className="muted">This is saved as a new change: you can undo it, and it appears in the history.</p>
      {error !== null && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}

/** The History tab. `onReverted` receives the listing as saved by the revert. */
export function HistoryList({ listing, onReverted }: { listing: Listing; onReverted: (listing: Listing) => void }) {
  const calls = useCalls(historyCalls);
  const [entries, setEntries] = useState<RevisionEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reverting, setReverting] = useState<RevisionEntry | null>(null);
  const [revertBusy, setRevertBusy] = useState(false);
  const [revertError, setRevertError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const generation = useRef(0);
  const id = listing.id;

  const load = useCallback(() => {
    const g = ++generation.current;
    calls.revisions(id, HISTORY_LIMIT).then(
      (result) => {
        if (g !== generation.current) return;
        setEntries(result.revisions);
        setError(null);
      },
      (err: unknown) => {
        if (g !== generation.current) return;
        setError(errorMessage(err).message);
      },
    );
  }, [calls, id]);

  // Load on open, when the listing changes (a save, an undo) and after any catalog change.
  useEffect(() => {
    load();
  }, [load, listing.updatedAt]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = calls.onCatalogChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(load, REFRESH_DEBOUNCE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [calls, load]);
  const confirmRevert = () => {
    if (reverting === null) return;
    setRevertBusy(true);
    setRevertError(null);
    calls.revert(reverting.id).then(
      (outcome) => {
        setRevertBusy(false);
        setReverting(null);
        setNotice(outcome.changeSet === null ? 'Nothing to revert: those fields already have their earlier values.' : `Reverted. ${outcome.changeSet.summary}`);
        onReverted(outcome.listing);
        load();
      },
      (err: unknown) => {
        setRevertBusy(false);
        setRevertError(errorMessage(err).message);
      },
    );
  };

  return (
    <div className="history" data-testid="history" aria-busy={entries === null && error === null}>
      {notice !== null && (
        <p className="callout callout-ok history-notice" role="status" data-testid="history-notice">
          {notice}
        </p>
      )}
      {error !== null && (
        <p className="callout callout-error" role="alert">
          Could not load the history: {error}{' '}
          <button type="button" className="link-button" onClick={load}>
            Try again
          </button>
        </p>
      )}
      {entries === null && error === null && (
        <div className="detail-skeleton" data-state="loading">
          <span className="skeleton-bar" />
          <span className="skeleton-bar short" />
        </div>
      )}
      {entries !== null && entries.length === 0 && <p className="muted">No changes yet. Edits, imports, bulk edits and reverts of this listing will appear here.</p>}
      {entries !== null && entries.length > 0 && (
        <ol className="revisions" aria-label="Revisions, newest first">
          {entries.map((entry) => (
            <RevisionItem
              key={entry.id}
              entry={entry}
              listing={listing}
              onRevert={(e) => {
                setRevertError(null);
                setReverting(e);
              }}
            />
          ))}
        </ol>
      )}
      {entries !== null && entries.length >= HISTORY_LIMIT && <p className="muted">Showing the latest {HISTORY_LIMIT} revisions.</p>}
      {reverting !== null && (
        <RevertDialog
          entry={reverting}
          busy={revertBusy}
          error={revertError}
          onConfirm={confirmRevert}
          onClose={() => {
            if (!revertBusy) setReverting(null);
          }}
        />
      )}
    </div>
  );
}
