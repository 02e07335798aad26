import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { MARKETPLACE_LABELS } from '../../../../common/listing.js';
import { checkInline, type InlineEdit } from './inline-edit.js';
import { useApp } from '../../store/context.js';
import { OFFLINE_REASON } from '../connection/offline.js';
import { FieldCounter } from '../../ui/FieldCounter.js';
import { FieldIssues } from '../../ui/FieldIssues.js';

const PANEL_MIN_WIDTH = 400;
const GAP = 4;

/**
 * A grid cell edited in place: the input sits in the cell; under it (above it near the bottom of
 * the window) a panel shows the live character counter against the marketplace's limit and the
 * marketplace rules' issues for what is typed, the core's message when a save fails, and the keys.
 * Enter saves (`listing.update`, with the row's updatedAt so a listing changed elsewhere is never
 * overwritten), Esc cancels; leaving the field saves a change (or closes when nothing changed).
 */
export function InlineEditor({ edit, onDone }: { edit: InlineEdit; onDone: () => void }) {
  const setText = useApp((s) => s.setInlineText);
  const commit = useApp((s) => s.commitInlineEdit);
  const cancel = useApp((s) => s.cancelInlineEdit);
  const offline = useApp((s) => s.offline);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const check = useMemo(
    () => checkInline({ field: edit.field, text: edit.text, currency: edit.currency, marketplace: edit.marketplace }),
    [edit.field, edit.text, edit.currency, edit.marketplace],
  );
  const base = `inline-${edit.id}-${edit.field}`;
  const label = edit.field === 'title' ? 'Title' : 'Price';
  const over = check.limit?.max != null && check.count !== null && check.count > check.limit.max;
  const hasErrors = check.issues.some((i) => i.severity === 'error');

  // Focus on open (and after the row scrolls back into view); select the text only when untouched.
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (input === null) return;
    input.focus({ preventScroll: true });
    if (input.value === edit.original) input.select();
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Puts the panel under the input (above when there is no room), hidden while the cell is scrolled away. */
  const place = useCallback(() => {
    const input = inputRef.current;
    const panel = panelRef.current;
    if (input === null || panel === null) return;
    const r = input.getBoundingClientRect();
    const scroller = input.closest('.grid-scroll')?.getBoundingClientRect();
    // Hidden while the cell is scrolled away, or the catalog is behind another view (inert).
    const hidden = (scroller !== undefined && (r.bottom <= scroller.top || r.top >= scroller.bottom)) || input.closest('[inert]') !== null;
    panel.style.visibility = hidden ? 'hidden' : 'visible';
    const width = Math.min(Math.max(r.width, PANEL_MIN_WIDTH), window.innerWidth - 16);
    const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
    const height = panel.offsetHeight;
    const below = r.bottom + GAP;
    const top = below + height > window.innerHeight - 8 && r.top - GAP - height > 8 ? r.top - GAP - height : below;
    panel.style.left = `${left}px`;
    panel.style.top = `${top}px`;
    panel.style.width = `${width}px`;
  }, []);

  useLayoutEffect(place);
  useEffect(() => {
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    const inert = new MutationObserver(place);
    inert.observe(document.body, { attributes: true, attributeFilter: ['inert'], subtree: true });
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      inert.disconnect();
    };
  }, [place]);

  const save = () => {
    void commit().then((saved) => {
      if (saved) onDone();
      else inputRef.current?.focus();
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed here are the input's own: never the grid's navigation or shortcuts.
    e.stopPropagation();
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
      onDone();
    }
  };

  const describedBy = [`${base}-counter`, `${base}-issues`, `${base}-error`, `${base}-keys`].join(' ');
  const invalid = edit.error !== null || check.problem !== null || over || hasErrors;

  return (
    <>
      <input
        ref={inputRef}
        className={`inline-input${invalid ? ' invalid' : ''}${edit.field === 'price' ? ' num' : ''}`}
        data-testid={`inline-editor-${edit.field}`}
        aria-label={`Edit ${label.toLowerCase()}`}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        inputMode={edit.field === 'price' ? 'decimal' : undefined}
        value={edit.text}
        readOnly={edit.saving}
        disabled={offline}
        title={offline ? OFFLINE_REASON : undefined}
        spellCheck={edit.field === 'title'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onMouseDown={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
        onBlur={() => {
          if (edit.saving || offline) return;
          if (edit.text === edit.original) cancel();
          else void commit();
        }}
      />
      {createPortal(
        <div
          ref={panelRef}
          className="inline-panel"
          data-testid="inline-editor-panel"
          data-field={edit.field}
          onMouseDown={(e) => e.preventDefault() /* keep the focus in the input */}
        >
          <div className="inline-panel-head">
            {edit.field === 'title' && check.count !== null ? (
              <>
                <FieldCounter id={`${base}-counter`} count={check.count} limit={check.limit} testId="inline-editor-counter" />
                <span className="muted">{MARKETPLACE_LABELS[edit.marketplace]} title</span>
              </>
            ) : (
              <span id={`${base}-counter`} className="muted">
                Price in {edit.currency}
              </span>
            )}
            <span className="toolbar-spacer" />
            {edit.saving ? (
              <span className="muted" role="status">
                <span className="spinner" aria-hidden="true" /> Saving…
              </span>
            ) : (
              <span id={`${base}-keys`} className="inline-keys muted">
                <kbd>Enter</kbd> save · <kbd>Esc</kbd> cancel
              </span>
            )}
          </div>
          {offline && (
            <p className="inline-error" role="status" data-testid="inline-editor-offline">
              {OFFLINE_REASON}
            </p>
          )}
          {edit.error !== null && (
            <p id={`${base}-error`} className="inline-error" role="alert" data-testid="inline-editor-error">
              {edit.error}
            </p>
          )}
          {check.problem !== null && edit.error === null && (
            <p id={`${base}-error`} className="inline-error" role="alert">
              {check.problem}
            </p>
          )}
          {check.issues.length > 0 ? (
            <FieldIssues id={`${base}-issues`} issues={check.issues} testId="inline-editor-issues" />
          ) : (
            <p id={`${base}-issues`} className="inline-clean muted" data-testid="inline-editor-issues">
              {check.problem === null ? `No ${MARKETPLACE_LABELS[edit.marketplace]} rule issues for this ${label.toLowerCase()}.` : ''}
            </p>
          )}
        </div>,
        document.body,
      )}
    </>
  );
}
