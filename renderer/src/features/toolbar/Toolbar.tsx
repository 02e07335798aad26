import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { LISTING_STATUSES, MARKETPLACES, MARKETPLACE_LABELS, STATUS_LABELS } from '../../../../common/listing.js';
import { formatCount, formatInteger, parseRowNumber } from '../../format.js';
import { useApp, useAppStore } from '../../store/context.js';
import { historyKey, isTextEditingTarget, type HistoryAction } from '../history/history-slice.js';
import { importIdOf, maxScoreOf, parseMaxScore } from '../grid/query.js';
import { useScopeAction } from '../grid/use-scope-action.js';
import { DeleteButton } from '../delete/DeleteButton.js';
import { ImportExportButtons } from './ImportExportButtons.js';
import { OptimizeButtons } from '../optimize/OptimizeButtons.js';
import { Modal } from '../../ui/Modal.js';
import { OverflowMenu, type OverflowEntry } from '../../ui/OverflowMenu.js';
import { fittingItemCount } from './toolbar-fit.js';
import { preloadTools, ToolDialogs, ToolsMenu, TOOL_ITEMS, type Tool } from './ToolsMenu.js';
import { isActive, useJobs, useJobsStore } from '../jobs/jobs-store.js';
import { preloadOn } from '../../ui/preload-on.js';

/** The bulk edit dialog loads when first opened (or hovered): it is not needed to browse the catalog. */
const loadBulkEdit = () => import('../edit/BulkEditDialog.js');
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

function GoToRow({ idPrefix = 'goto', onDone, autoFocus = false }: { idPrefix?: string; onDone?: () => void; autoFocus?: boolean }) {
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
    onDone?.();
  };
  return (
    <form className="goto" onSubmit={submit} data-testid={`${idPrefix}-form`}>
      <label htmlFor={`${idPrefix}-row`} className="goto-label">
        Go to row
      </label>
      <input
        id={`${idPrefix}-row`}
        className={`input goto-input${invalid ? ' invalid' : ''}`}
        inputMode="numeric"
        placeholder={total > 0 ? `1–${formatInteger(total)}` : '—'}
        aria-invalid={invalid}
        data-testid={`${idPrefix}-input`}
        // The Go to row dialog exists only to type a row number: the native dialog focuses the
        // element carrying the autofocus attribute when it opens (React's autoFocus sets none).
        ref={autoFocus ? (el) => el?.setAttribute('autofocus', '') : undefined}
        value={text}
        disabled={total === 0}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="btn" data-testid={`${idPrefix}-button`} disabled={total === 0}>
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

/** What each history button says, and its shortcut (shown in its title, declared for assistive tech). */
const HISTORY_BUTTONS = {
  undo: { verb: 'Undo', keys: IS_MAC ? '⌘Z' : 'Ctrl+Z', ariaKeys: IS_MAC ? 'Meta+Z' : 'Control+Z', flip: false },
  redo: { verb: 'Redo', keys: IS_MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z', ariaKeys: IS_MAC ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y', flip: true },
} as const;

function HistoryButton(props: { action: HistoryAction; entry: { summary: string } | null; busy: HistoryAction | null; offline: boolean; onClick: () => void }) {
  const { action, entry, busy, offline, onClick } = props;
  const { verb, keys, ariaKeys, flip } = HISTORY_BUTTONS[action];
  return (
    <button
      type="button"
      className="btn btn-history"
      data-testid={`${action}-button`}
      disabled={entry === null || busy !== null || offline}
      aria-keyshortcuts={ariaKeys}
      title={entry === null ? `Nothing to ${action}` : `${verb} ${entry.summary} (${keys})`}
      onClick={onClick}
    >
      {busy === action ? <span className="spinner" aria-hidden="true" /> : <HistoryIcon flip={flip} />}
      <span className="history-verb">{verb}</span>
      {entry !== null && <span className="history-summary">{entry.summary}</span>}
    </button>
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
  const offline = useApp((s) => s.offline);
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

  return (
    <div className="history-buttons" role="group" aria-label="History">
      <HistoryButton action="undo" entry={undoState?.undo ?? null} busy={busy} offline={offline} onClick={() => void store.getState().undo('button')} />
      <HistoryButton action="redo" entry={undoState?.redo ?? null} busy={busy} offline={offline} onClick={() => void store.getState().redo('button')} />
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
  const { selected, disabled } = useScopeAction();
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="bulk-edit-button"
        disabled={disabled}
        title={selected > 0 ? `Edit the ${selected === 1 ? 'selected listing' : `${formatInteger(selected)} selected listings at once`}` : 'Edit many listings at once: the selection or everything matching the search and filters'}
        {...preloadOn(loadBulkEdit)}
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

/** The toolbar's items that give way, in order, to the More menu when the window is narrow (from the end). */
const ITEM_KEYS = ['history', 'bulk', 'delete', 'optimize', 'io', 'goto', 'tools'] as const;
type ItemKey = (typeof ITEM_KEYS)[number];

/**
 * Measures the toolbar and says how many of its items fit (the rest go to More): on every resize of
 * the toolbar or of an item (an undo summary appears, "Importing 45 %"). Items that do not fit stay
 * mounted, hidden, so their own dialogs and file input keep working and their widths stay known.
 */
function useFittingItems(): {
  bar: React.RefObject<HTMLElement | null>;
  fixed: React.RefObject<HTMLDivElement | null>;
  item: (key: ItemKey) => (el: HTMLDivElement | null) => void;
  more: React.RefObject<HTMLDivElement | null>;
  fitting: number;
} {
  const bar = useRef<HTMLElement>(null);
  const fixed = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLDivElement>(null);
  const items = useRef(new Map<ItemKey, HTMLDivElement>());
  const [fitting, setFitting] = useState<number>(ITEM_KEYS.length);
  const measure = useCallback(() => {
    const el = bar.current;
    if (el === null || fixed.current === null) return;
    const style = getComputedStyle(el);
    const gap = parseFloat(style.columnGap) || 0;
    const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // The fixed part at its narrowest: the search box gives way down to its min-width first.
    const parts = [...fixed.current.children] as HTMLElement[];
    const fixedGap = parseFloat(getComputedStyle(fixed.current).columnGap) || 0;
    let fixedWidth = fixedGap * Math.max(0, parts.length - 1);
    for (const part of parts) fixedWidth += part.classList.contains('search') ? parseFloat(getComputedStyle(part).minWidth) || part.offsetWidth : part.offsetWidth;
    const available = inner - fixedWidth - gap;
    const widths = ITEM_KEYS.map((key) => items.current.get(key)?.offsetWidth ?? 0);
    const moreWidth = more.current?.querySelector<HTMLElement>('.toolbar-more')?.offsetWidth ?? 80;
    const next = fittingItemCount(available, widths, gap, moreWidth);
    setFitting((prev) => (prev === next ? prev : next));
  }, []);
  const observer = useRef<ResizeObserver | null>(null);
  useLayoutEffect(() => {
    const ro = new ResizeObserver(measure);
    observer.current = ro;
    for (const el of [bar.current, fixed.current, more.current, ...items.current.values()]) if (el) ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [measure]);
  const item = useCallback(
    (key: ItemKey) => (el: HTMLDivElement | null) => {
      const before = items.current.get(key);
      if (before !== undefined && before !== el) observer.current?.unobserve(before);
      if (el === null) items.current.delete(key);
      else {
        items.current.set(key, el);
        observer.current?.observe(el);
      }
    },
    [],
  );
  return { bar, fixed, item, more, fitting };
}

/** "Go to row" in a small dialog, for when the toolbar has no room for its box. */
function GoToRowDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal titleId="goto-dialog-title" title="Go to row" onClose={onClose} testId="goto-dialog">
      <GoToRow idPrefix="goto-dialog" onDone={onClose} autoFocus />
    </Modal>
  );
}

/** The More menu's items for the toolbar items that do not fit, doing what their buttons do. */
function useOverflowEntries(hidden: ReadonlySet<ItemKey>, importInput: React.RefObject<HTMLInputElement | null>, openTool: (tool: Tool) => void, openGoTo: () => void): OverflowEntry[] {
  const undo = useApp((s) => s.undoState?.undo ?? null);
  const redo = useApp((s) => s.undoState?.redo ?? null);
  const historyBusy = useApp((s) => s.historyBusy !== null);
  const total = useApp((s) => s.view?.total ?? 0);
  const offline = useApp((s) => s.offline);
  const importBusy = useApp((s) => s.importWizard.step === 'running' || s.importWizard.step === 'starting' || (s.importWizard.step === 'report' && !s.importWizard.open));
  const activeJobs = useJobs((s) => s.jobs.filter((j) => isActive(j.state)).length);
  const app = useAppStore();
  const jobs = useJobsStore();
  const entries: OverflowEntry[] = [];
  const add = (key: ItemKey, ...list: OverflowEntry[]) => {
    if (hidden.has(key)) entries.push(...list);
  };
  add(
    'history',
    { key: 'undo', label: undo === null ? 'Undo' : `Undo ${undo.summary}`, disabled: undo === null || historyBusy || offline, testId: 'more-undo', onSelect: () => void app.getState().undo('button') },
    { key: 'redo', label: redo === null ? 'Redo' : `Redo ${redo.summary}`, disabled: redo === null || historyBusy || offline, testId: 'more-redo', onSelect: () => void app.getState().redo('button') },
  );
  add('bulk', { key: 'bulk', label: 'Bulk edit…', disabled: total === 0 || offline, testId: 'more-bulk-edit', onSelect: () => app.getState().openBulkEdit() });
  add('delete', { key: 'delete', label: 'Delete…', disabled: total === 0 || offline, testId: 'more-delete', onSelect: () => app.getState().openDelete() });
  add(
    'optimize',
    { key: 'optimize', label: 'Optimize…', disabled: total === 0 || offline, testId: 'more-optimize', onSelect: () => jobs.getState().setOptimizeOpen(true) },
    { key: 'jobs', label: activeJobs > 0 ? `Jobs (${formatInteger(activeJobs)} running or queued)` : 'Jobs', testId: 'more-jobs', onSelect: () => jobs.getState().setPanelOpen(true) },
  );
  add(
    'io',
    importBusy
      ? { key: 'import', label: 'Import progress…', testId: 'more-import', onSelect: () => app.getState().reopenImport() }
      : { key: 'import', label: 'Import…', disabled: offline, testId: 'more-import', onSelect: () => importInput.current?.click() },
    { key: 'export', label: 'Export…', testId: 'more-export', onSelect: () => app.getState().openExport() },
  );
  add('goto', { key: 'goto', label: 'Go to row…', disabled: total === 0, testId: 'more-goto', onSelect: openGoTo });
  add('tools', ...TOOL_ITEMS.map((t) => ({ key: t.tool, label: t.label, hint: t.hint, testId: `more-${t.testId}`, onSelect: () => openTool(t.tool) })));
  return entries;
}

/**
 * The toolbar: brand, search and count, then the actions. From the desktop's minimum window (800
 * px) up, the actions that do not fit collapse — last first — into a More menu, so every control
 * stays reachable by mouse and keyboard at any width.
 */
export function Toolbar() {
  const { bar, fixed, item, more, fitting } = useFittingItems();
  const hidden = new Set(ITEM_KEYS.slice(fitting));
  const importInput = useRef<HTMLInputElement>(null);
  const [tool, setTool] = useState<Tool | null>(null);
  const [goToOpen, setGoToOpen] = useState(false);
  const entries = useOverflowEntries(hidden, importInput, setTool, () => setGoToOpen(true));
  const slot = (key: ItemKey, children: React.ReactNode) => (
    // Hidden with visibility (not display, inert or aria-hidden): it leaves the tab order and the
    // accessibility tree while a dialog inside (Bulk edit, Delete, Optimize) still shows, see styles.css.
    <div ref={item(key)} className="toolbar-item" data-item={key} data-overflowed={hidden.has(key)}>
      {children}
    </div>
  );
  return (
    <header ref={bar} className="toolbar" role="toolbar" aria-label="Catalog" data-testid="toolbar" data-fitting={fitting}>
      <div ref={fixed} className="toolbar-fixed">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          <span className="brand-name">Listsmith</span>
        </div>
        <SearchBox />
        <TotalCount />
      </div>
      <div className="toolbar-spacer" />
      {slot('history', <UndoRedoButtons />)}
      {slot('bulk', <BulkEditButton />)}
      {slot('delete', <DeleteButton />)}
      {slot('optimize', <OptimizeButtons />)}
      {slot('io', <ImportExportButtons input={importInput} />)}
      {slot('goto', <GoToRow />)}
      {slot('tools', <ToolsMenu onTool={setTool} />)}
      <div ref={more} className="toolbar-more-slot" onPointerEnter={preloadTools}>
        <OverflowMenu entries={entries} hidden={entries.length === 0} />
      </div>
      <ToolDialogs tool={tool} onTool={setTool} />
      {goToOpen && <GoToRowDialog onClose={() => setGoToOpen(false)} />}
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

/** A filter group of on/off chips, one a value, each with its count in the catalog. */
function ChoiceChips<T extends string>(props: {
  name: string;
  testId: string;
  values: readonly T[];
  labels: Readonly<Record<T, string>>;
  chosen: readonly T[] | undefined;
  counts: Partial<Record<T, number>> | undefined;
  onToggle: (value: T) => void;
}) {
  const { name, testId, values, labels, chosen, counts, onToggle } = props;
  return (
    <div className="chip-group" role="group" aria-label={`${name} filter`} data-testid={testId}>
      <span className="chip-group-label">{name}</span>
      {values.map((value) => {
        const on = chosen?.includes(value) ?? false;
        const n = counts?.[value];
        return (
          <button key={value} type="button" className={`chip${on ? ' on' : ''}`} aria-pressed={on} data-testid={`${testId}-${value}`} onClick={() => onToggle(value)}>
            {labels[value]}
            {n !== undefined && <span className="chip-count">{formatInteger(n)}</span>}
          </button>
        );
      })}
    </div>
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
      <ChoiceChips
        name="Marketplace"
        testId="filter-marketplace"
        values={MARKETPLACES}
        labels={MARKETPLACE_LABELS}
        chosen={marketplaces}
        counts={stats?.byMarketplace}
        onToggle={toggleMarketplace}
      />
      <ChoiceChips name="Status" testId="filter-status" values={LISTING_STATUSES} labels={STATUS_LABELS} chosen={statuses} counts={stats?.byStatus} onToggle={toggleStatus} />
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
