import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { LISTING_STATUSES, MARKETPLACES, MARKETPLACE_LABELS, STATUS_LABELS } from '../../../common/listing.js';
import { formatCount, formatInteger, parseRowNumber } from '../format.js';
import { useApp, useAppStore } from '../store/context.js';
import { historyKey, isTextEditingTarget } from '../store/history.js';
import { importIdOf, maxScoreOf, parseMaxScore } from '../store/query.js';
import { selectionCount } from '../store/selection.js';
import { DeleteButton } from './DeleteButton.js';
import { ImportExportButtons } from './ImportExportButtons.js';
import { OptimizeButtons } from './OptimizeButtons.js';
import { ToolsMenu } from './ToolsMenu.js';

/** The bulk edit dialog loads when first opened (or hovered): it is not needed to browse the catalog. */
const loadBulkEdit = () => import('./BulkEditDialog.js');
const BulkEditDialog = lazy(loadBulkEdit);
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const SEARCH_DEBOUNCE_MS = 200;

function SearchBox() {
  const setSearch = useApp((s) => s.setSearch);
  const committed = useApp((s) => s.query.search ?? '');
  const [text, setText] = useState(committed);
  const [lastCommitted, setLastCommitted] = useState(committed);
  // Follow outside changes (e.g. "Clear search and filters").
  if (committed !== lastCommitted) {
    setLastCommitted(committed);
    if (committed !== text) setText(committed);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSearch(value), SEARCH_DEBOUNCE_MS);
  };
  return (
    <div className="search">
      <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        className="input search-input"
        placeholder="Search titles, SKUs, tags…"
        aria-label="Search listings"
        data-testid="search-input"
        value={text}
        maxLength={500}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            clearTimeout(timer.current);
            setSearch(text);
          } else if (e.key === 'Escape' && text !== '') {
            clearTimeout(timer.current);
            setText('');
            setSearch('');
          }
        }}
      />
    </div>
  );
}

function GoToRow() {
  const total = useApp((s) => s.view?.total ?? 0);
  const goToRow = useApp((s) => s.goToRow);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const index = parseRowNumber(text, total);
    if (index === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    goToRow(index, 'start');
  };
  return (
    <form className="goto" onSubmit={submit} data-testid="goto-form">
      <label htmlFor="goto-row" className="goto-label">
        Go to row
      </label>
      <input
        id="goto-row"
        className={`input goto-input${invalid ? ' invalid' : ''}`}
        inputMode="numeric"
        placeholder={total > 0 ? `1–${formatInteger(total)}` : '—'}
        aria-invalid={invalid}
        data-testid="goto-input"
        value={text}
        disabled={total === 0}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="btn" data-testid="goto-button" disabled={total === 0}>
        Go
      </button>
    </form>
  );
}

function TotalCount() {
  const total = useApp((s) => s.view?.total ?? null);
  const opening = useApp((s) => s.viewState === 'opening');
  return (
    <div className="total" data-testid="total-count" data-total={total ?? ''} aria-live="polite">
      {total === null ? 'Loading…' : formatCount(total, 'listing', 'listings')}
      {opening && <span className="spinner" aria-label="Updating" />}
    </div>
  );
}

/**
 * Undo / Redo of catalog changes, with what they would undo ("Undo Price +10 % on 9,139 listings").
 * Also owns the keyboard shortcuts: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y — except in text
 * fields (their own text undo applies) and while a dialog is open.
 */
function UndoRedoButtons() {
  const undoState = useApp((s) => s.undoState);
  const busy = useApp((s) => s.historyBusy);
  const store = useAppStore();

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const action = historyKey(e, IS_MAC);
      if (action === null || isTextEditingTarget(e.target)) return;
      if (document.querySelector('dialog[open]') !== null) return;
      e.preventDefault();
      void store.getState()[action]('keyboard');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const undo = undoState?.undo ?? null;
  const redo = undoState?.redo ?? null;
  const undoKeys = IS_MAC ? '⌘Z' : 'Ctrl+Z';
  const redoKeys = IS_MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z';
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button
        type="button"
        className="btn btn-history"
        data-testid="undo-button"
        disabled={undo === null || busy !== null}
        aria-keyshortcuts={IS_MAC ? 'Meta+Z' : 'Control+Z'}
        title={undo === null ? 'Nothing to undo' : `Undo ${undo.summary} (${undoKeys})`}
        onClick={() => void store.getState().undo('button')}
      >
        {busy === 'undo' ? <span className="spinner" aria-hidden="true" /> : <HistoryIcon flip={false} />}
        <span className="history-verb">Undo</span>
        {undo !== null && <span className="history-summary">{undo.summary}</span>}
      </button>
      <button
        type="button"
        className="btn btn-history"
        data-testid="redo-button"
        disabled={redo === null || busy !== null}
        aria-keyshortcuts={IS_MAC ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
        title={redo === null ? 'Nothing to redo' : `Redo ${redo.summary} (${redoKeys})`}
        onClick={() => void store.getState().redo('button')}
      >
        {busy === 'redo' ? <span className="spinner" aria-hidden="true" /> : <HistoryIcon flip={true} />}
        <span className="history-verb">Redo</span>
        {redo !== null && <span className="history-summary">{redo.summary}</span>}
      </button>
    </div>
  );
}

function HistoryIcon({ flip }: { flip: boolean }) {
  return (
    <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true" style={flip ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5.5 4 2.5 7l3 3M3 7h6.5a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** "Bulk edit…": opens the dialog for the selection or everything matching the search and filters. */
function BulkEditButton() {
  const open = useApp((s) => s.bulkEditOpen);
  const openBulkEdit = useApp((s) => s.openBulkEdit);
  const closeBulkEdit = useApp((s) => s.closeBulkEdit);
  const total = useApp((s) => s.view?.total ?? 0);
  const selected = useApp((s) => selectionCount(s.selection, s.view?.total ?? 0));
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="bulk-edit-button"
        disabled={total === 0}
        title={selected > 0 ? `Edit the ${selected === 1 ? 'selected listing' : `${formatInteger(selected)} selected listings at once`}` : 'Edit many listings at once: the selection or everything matching the search and filters'}
        onPointerEnter={() => void loadBulkEdit()}
        onFocus={() => void loadBulkEdit()}
        onClick={openBulkEdit}
      >
        <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 4h7M2.5 8h5M2.5 12h4M11 13.5l3-3-1.5-1.5-3 3-.5 2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Bulk edit…
      </button>
      {open && (
        <Suspense fallback={null}>
          <BulkEditDialog onClose={closeBulkEdit} />
        </Suspense>
      )}
    </>
  );
}

export function Toolbar() {
  return (
    <header className="toolbar" role="toolbar" aria-label="Catalog">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          L
        </span>
        Listsmith
      </div>
      <SearchBox />
      <TotalCount />
      <div className="toolbar-spacer" />
      <UndoRedoButtons />
      <BulkEditButton />
      <DeleteButton />
      <OptimizeButtons />
      <ImportExportButtons />
      <GoToRow />
      <ToolsMenu />
    </header>
  );
}

/** "Score ≤ N": typed, applied after a short pause, on Enter or when leaving the box. */
function MaxScoreFilter() {
  const committed = useApp((s) => maxScoreOf(s.query.filter));
  const setMaxScore = useApp((s) => s.setMaxScore);
  const committedText = committed === undefined ? '' : String(committed);
  const [text, setText] = useState(committedText);
  const [lastCommitted, setLastCommitted] = useState(committedText);
  const [invalid, setInvalid] = useState(false);
  if (committedText !== lastCommitted) {
    setLastCommitted(committedText);
    setText(committedText);
    setInvalid(false);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const apply = (value: string) => {
    clearTimeout(timer.current);
    const parsed = parseMaxScore(value);
    if (parsed === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setMaxScore(parsed);
  };
  return (
    <label className={`chip score-filter${committed !== undefined ? ' on' : ''}`} title="Only listings whose quality score is at most this (0–100)">
      Score ≤
      <input
        type="text"
        inputMode="numeric"
        className={`score-filter-input${invalid ? ' invalid' : ''}`}
        aria-label="Score at most"
        aria-invalid={invalid}
        data-testid="filter-max-score"
        placeholder="any"
        maxLength={3}
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => apply(value), 500);
        }}
        onBlur={() => apply(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(text);
          else if (e.key === 'Escape' && text !== '') {
            setText('');
            apply('');
          }
        }}
      />
    </label>
  );
}

export function FilterBar() {
  const marketplaces = useApp((s) => s.query.filter.marketplaces);
  const statuses = useApp((s) => s.query.filter.statuses);
  const stats = useApp((s) => s.stats);
  const toggleMarketplace = useApp((s) => s.toggleMarketplace);
  const toggleStatus = useApp((s) => s.toggleStatus);
  const clearFilters = useApp((s) => s.clearFilters);
  const importId = useApp((s) => importIdOf(s.query.filter));
  const importLabel = useApp((s) => s.importLabel);
  const hasErrors = useApp((s) => s.query.filter.hasErrors === true);
  const maxScore = useApp((s) => maxScoreOf(s.query.filter));
  const setHasErrors = useApp((s) => s.setHasErrors);
  const hasProposals = useApp((s) => s.query.filter.hasProposals === true);
  const setHasProposals = useApp((s) => s.setHasProposals);
  const any = (marketplaces?.length ?? 0) > 0 || (statuses?.length ?? 0) > 0 || importId !== undefined || hasErrors || hasProposals || maxScore !== undefined;
  return (
    <div className="filterbar">
      {importId !== undefined && (
        <div className="chip-group" role="group" aria-label="Import filter">
          <span className="chip-group-label">Import</span>
          <button
            type="button"
            className="chip on"
            data-testid="filter-import"
            data-import-id={importId}
            title="Showing only the listings this import created or updated. Click to show all listings."
            onClick={clearFilters}
          >
            {importLabel ?? `Import #${importId}`}
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">(remove this filter)</span>
          </button>
        </div>
      )}
      <div className="chip-group" role="group" aria-label="Marketplace filter" data-testid="filter-marketplace">
        <span className="chip-group-label">Marketplace</span>
        {MARKETPLACES.map((m) => {
          const on = marketplaces?.includes(m) ?? false;
          const n = stats?.byMarketplace[m];
          return (
            <button
              key={m}
              type="button"
              className={`chip${on ? ' on' : ''}`}
              aria-pressed={on}
              data-testid={`filter-marketplace-${m}`}
              onClick={() => toggleMarketplace(m)}
            >
              {MARKETPLACE_LABELS[m]}
              {n !== undefined && <span className="chip-count">{formatInteger(n)}</span>}
            </button>
          );
        })}
      </div>
      <div className="chip-group" role="group" aria-label="Status filter" data-testid="filter-status">
        <span className="chip-group-label">Status</span>
        {LISTING_STATUSES.map((st) => {
          const on = statuses?.includes(st) ?? false;
          const n = stats?.byStatus[st];
          return (
            <button
              key={st}
              type="button"
              className={`chip${on ? ' on' : ''}`}
              aria-pressed={on}
              data-testid={`filter-status-${st}`}
              onClick={() => toggleStatus(st)}
            >
              {STATUS_LABELS[st]}
              {n !== undefined && <span className="chip-count">{formatInteger(n)}</span>}
            </button>
          );
        })}
      </div>
      <div className="chip-group" role="group" aria-label="Quality filter" data-testid="filter-quality">
        <span className="chip-group-label">Quality</span>
        <button
          type="button"
          className={`chip${hasErrors ? ' on' : ''}`}
          aria-pressed={hasErrors}
          data-testid="filter-has-errors"
          title="Only listings that break a rule of their marketplace (it would reject or suppress them)"
          onClick={() => setHasErrors(!hasErrors)}
        >
          Has errors
        </button>
        <button
          type="button"
          className={`chip${hasProposals ? ' on' : ''}`}
          aria-pressed={hasProposals}
          data-testid="filter-has-proposals"
          title="Only listings with optimizer proposals waiting for review"
          onClick={() => setHasProposals(!hasProposals)}
        >
          Has proposals
        </button>
        <MaxScoreFilter />
      </div>
      {any && (
        <button type="button" className="link-button" onClick={clearFilters} data-testid="filter-clear">
          Clear filters
        </button>
      )}
    </div>
  );
}
