import { useVirtualizer } from '@tanstack/react-virtual';
import { createPortal } from 'react-dom';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { GridSort } from '../../../../common/grid.js';
import { MARKETPLACE_LABELS, STATUS_LABELS, type GridRow } from '../../../../common/listing.js';
import { InlineEditor } from '../edit/InlineEditor.js';
import { formatDateTime, formatInteger, formatPrice } from '../../format.js';
import { useApp } from '../../store/context.js';
import type { InlineEdit, InlineField } from '../edit/inline-edit.js';
import { headerState, isSelected } from './selection.js';
import { COLUMNS, scoreBand, VISUAL_ORDER, type ColumnDef } from './columns.js';
import { canvasTextWidth, gridTemplate, grownWidths, middleEllipsis, MIN_CONTENT_WIDTHS, type ContentWidths, type TextWidth } from './column-widths.js';
import { PhotoSettingsDialog } from './PhotoSettingsDialog.js';
import { RowPhoto } from './RowPhoto.js';
import './grid.css';
import { markInteractive } from './mark-interactive.js';
import {
  createScale,
  isScaled,
  physicalForRow,
  physicalMaxOffset,
  ROW_HEIGHT,
  toPhysical,
  toVirtual,
  virtualMaxOffset,
  visibleRows,
  type ScrollScale,
} from './scale.js';

const OVERSCAN = 8;

function ariaSort(col: ColumnDef, sort: GridSort): 'ascending' | 'descending' | 'none' | undefined {
  if (col.sort === null) return undefined;
  if (col.sort !== sort.column) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's checkbox: selects every listing matching the search and filters, or clears the selection. */
function SelectAllBox() {
  const state = useApp((s) => headerState(s.selection, s.view?.total ?? 0));
  const total = useApp((s) => s.view?.total ?? 0);
  const selectAllMatching = useApp((s) => s.selectAllMatching);
  const clearSelection = useApp((s) => s.clearSelection);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current !== null) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      data-testid="select-all"
      aria-label={state === 'none' ? `Select all ${formatInteger(total)} matching listings` : 'Clear the selection'}
      title={state === 'none' ? `Select all ${formatInteger(total)} matching listings (${IS_MAC ? '⌘' : 'Ctrl+'}A)` : 'Clear the selection (Esc)'}
      checked={state === 'all'}
      disabled={total === 0}
      onChange={() => (state === 'none' ? selectAllMatching() : clearSelection())}
    />
  );
}

/** The photo column's header: what the column is, and its settings (downloads on/off, size limit). */
function PhotoHeaderButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="header-button photo-header-button" data-testid="photo-settings-button" title="Photos for offline use: settings and progress" onClick={() => setOpen(true)}>
        <span className="header-label">Photo</span>
      </button>
      {/* In the page body: inside the header cell it would inherit the cell's nowrap and bold text. */}
      {open && createPortal(<PhotoSettingsDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function HeaderRow() {
  const sort = useApp((s) => s.query.sort);
  const setSortColumn = useApp((s) => s.setSortColumn);
  return (
    <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
      {COLUMNS.map((col) => {
        const state = ariaSort(col, sort);
        return (
          <div
            key={col.key}
            role="columnheader"
            aria-sort={state}
            data-testid={`col-${col.key}`}
            title={col.description}
            className={`grid-cell grid-header-cell align-${col.align}${col.key === 'photo' ? ' has-check cell-photo' : ''}`}
          >
            {col.key === 'photo' && <SelectAllBox />}
            {col.key === 'photo' ? (
              <PhotoHeaderButton />
            ) : col.sort === null ? (
              <span className="header-label">{col.label}</span>
            ) : (
              <button
                type="button"
                className="header-button"
                data-testid={`sort-${col.key}`}
                title={`Sort by ${col.label}${col.description === undefined ? '' : ` — ${col.description}`}`}
                onClick={() => col.sort !== null && setSortColumn(col.sort)}
              >
                <span className="header-label">{col.label}</span>
                <span className="sort-indicator" aria-hidden="true">
                  {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
                </span>
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}

interface RowProps {
  index: number;
  top: number;
  row: GridRow | undefined;
  /** The active row (keyboard position, detail pane). */
  active: boolean;
  /** In the multi-selection. */
  checked: boolean;
  /** The cell of this row being edited in place, if any. */
  editing: InlineEdit | null;
  onMouseDown: (index: number, row: GridRow | undefined, e: MouseEvent) => void;
  onToggle: (index: number, row: GridRow | undefined, shift: boolean) => void;
  onEdit: (index: number, field: InlineField) => void;
  onEditDone: () => void;
  /** How many characters of a SKU fit its column (longer ones are shortened in the middle). */
  skuChars: number;
}

function ScoreBadge({ score }: { score: number | null }) {
  if (score === null) return <span className="muted" title="Not scored yet">—</span>;
  return (
    <span className={`grid-score grid-score-${scoreBand(score)}`} aria-label={`Score ${score} of 100`} data-score={score}>
      {score}
    </span>
  );
}

function ProposalMarker() {
  return (
    <span className="proposal-marker" role="img" aria-label="Has pending proposals" title="Has pending optimizer proposals: open Review to accept or reject them" data-testid="pending-proposal-marker">
      ✦
    </span>
  );
}

function ErrorsMark({ errors }: { errors: number | null }) {
  if (errors === null) return <span className="muted">—</span>;
  if (errors === 0) return <span className="visually-hidden">No errors</span>;
  const text = `${formatInteger(errors)} ${errors === 1 ? 'error' : 'errors'}`;
  return (
    <span className="errors-mark" title={`${text}: the marketplace would reject or suppress this listing. Open it to see which rules.`} data-errors={errors}>
      <span className="errors-icon" aria-hidden="true">
        !
      </span>
      {formatInteger(errors)}
      <span className="visually-hidden">{errors === 1 ? ' error' : ' errors'}</span>
    </span>
  );
}

const Row = memo(function Row({ index, top, row, active, checked, editing, onMouseDown, onToggle, onEdit, onEditDone, skuChars }: RowProps) {
  const common = {
    role: 'row',
    id: `grid-row-${index}`,
    'data-row-index': index,
    'aria-rowindex': index + 2,
    'aria-selected': checked,
    style: { transform: `translateY(${top}px)` },
    onMouseDown: (e: MouseEvent) => onMouseDown(index, row, e),
  } as const;
  const stateClass = `${active ? ' selected' : ''}${checked ? ' checked' : ''}`;
  if (row === undefined) {
    return (
      <div {...common} className={`grid-row grid-body-row skeleton${stateClass}`} data-state="loading" aria-busy="true">
        {COLUMNS.map((col) => (
          <div key={col.key} role="gridcell" className={`grid-cell align-${col.align}${col.key === 'photo' ? ' has-check cell-photo' : ''}`}>
            <span className={`skeleton-bar skeleton-${col.key}`} />
          </div>
        ))}
      </div>
    );
  }
  const editingTitle = editing !== null && editing.field === 'title';
  const editingPrice = editing !== null && editing.field === 'price';
  return (
    <div
      {...common}
      className={`grid-row grid-body-row${stateClass}${editing !== null ? ' editing' : ''}`}
      data-state="ready"
      data-listing-id={row.id}
      data-checked={checked}
    >
      <div
        role="gridcell"
        className={`grid-cell cell-title${editingTitle ? ' cell-editing' : ''}`}
        title={editingTitle ? undefined : row.title}
        onDoubleClick={() => onEdit(index, 'title')}
      >
        {editingTitle ? <InlineEditor edit={editing} onDone={onEditDone} /> : <span className="cell-text">{row.title}</span>}
      </div>
      <div role="gridcell" className="grid-cell cell-sku mono" title={row.sku ?? undefined} data-sku={row.sku ?? undefined}>
        {row.sku === null ? '—' : middleEllipsis(row.sku, skuChars)}
      </div>
      <div role="gridcell" className="grid-cell">
        <span className={`mp mp-${row.marketplace}`}>{MARKETPLACE_LABELS[row.marketplace] ?? row.marketplace}</span>
      </div>
      <div role="gridcell" className={`grid-cell align-end num${editingPrice ? ' cell-editing' : ''}`} onDoubleClick={() => onEdit(index, 'price')}>
        {editingPrice ? <InlineEditor edit={editing} onDone={onEditDone} /> : formatPrice(row.priceMinor, row.currency)}
      </div>
      <div role="gridcell" className="grid-cell align-end num">
        {formatInteger(row.quantity)}
      </div>
      <div role="gridcell" className="grid-cell">
        <span className={`status status-${row.status}`}>{STATUS_LABELS[row.status] ?? row.status}</span>
      </div>
      <div role="gridcell" className="grid-cell align-center num">
        <ScoreBadge score={row.score} />
        {row.pendingProposals && <ProposalMarker />}
      </div>
      <div role="gridcell" className="grid-cell align-center num">
        <ErrorsMark errors={row.errors} />
      </div>
      <div role="gridcell" className="grid-cell align-end num">
        {row.variantCount > 0 ? formatInteger(row.variantCount) : '—'}
      </div>
      <div role="gridcell" className="grid-cell num">
        {formatDateTime(row.updatedAt)}
      </div>
      <div role="gridcell" className="grid-cell cell-photo has-check">
        <input
          type="checkbox"
          className="row-check"
          tabIndex={-1}
          aria-label="Select this listing"
          data-testid="row-check"
          checked={checked}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={(e) => onToggle(index, row, e.shiftKey)}
          onChange={() => {}}
          onDoubleClick={(e) => e.stopPropagation()}
        />
        <RowPhoto url={row.mainImage} />
      </div>
    </div>
  );
});

/**
 * The catalog grid: @tanstack/react-virtual over `total` rows, with the scroll content capped at
 * MAX_SCROLL_HEIGHT and scrollTop mapped proportionally onto the virtual offset (see scale.ts), so
 * 1,000,000+ rows scroll, drag and jump correctly.
 */
export function Grid() {
  const total = useApp((s) => s.view?.total ?? 0);
  const viewState = useApp((s) => s.viewState);
  const pageCache = useApp((s) => s.pageCache);
  const pagesVersion = useApp((s) => s.pagesVersion); // re-render when pages arrive
  const selectedIndex = useApp((s) => s.selectedIndex);
  const selection = useApp((s) => s.selection);
  const inlineEdit = useApp((s) => s.inlineEdit);
  const scrollRequest = useApp((s) => s.scrollRequest);
  const moveSelection = useApp((s) => s.moveSelection);
  const extendSelection = useApp((s) => s.extendSelection);
  const goToRow = useApp((s) => s.goToRow);
  const openSelected = useApp((s) => s.openSelected);
  const clickRow = useApp((s) => s.clickRow);
  const toggleRow = useApp((s) => s.toggleRow);
  const toggleActiveRow = useApp((s) => s.toggleActiveRow);
  const selectAllMatching = useApp((s) => s.selectAllMatching);
  const clearSelection = useApp((s) => s.clearSelection);
  const deleteSelection = useApp((s) => s.deleteSelection);
  const startInlineEdit = useApp((s) => s.startInlineEdit);
  const setVisibleRange = useApp((s) => s.setVisibleRange);
  const gridRef = useRef<HTMLDivElement>(null);
  const view = useApp((s) => s.view);

  // Columns fit the content of the rows shown so far in this view (column-widths.ts).
  const [widths, setWidths] = useState<{ view: unknown; widths: ContentWidths }>({ view: null, widths: MIN_CONTENT_WIDTHS });
  const textWidthRef = useRef<{ measure: TextWidth; monoChar: number } | null>(null);

  const scrollRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(0);
  const scale = useMemo(() => createScale(total, ROW_HEIGHT, viewport), [total, viewport]);

  // Read by the scroll listeners (which outlive renders): always the latest values.
  const scaleRef = useRef<ScrollScale>(scale);
  const baseRef = useRef(0);
  const offsetCallbackRef = useRef<((offset: number, isScrolling: boolean) => void) | null>(null);

  /** Places the row layer so that rows rendered relative to `baseRef` show the current virtual offset. */
  const syncLayer = useCallback(() => {
    const el = scrollRef.current;
    const layer = layerRef.current;
    if (el === null || layer === null) return;
    const physical = el.scrollTop;
    const virtual = toVirtual(scaleRef.current, physical);
    layer.style.transform = `translateY(${physical - virtual + baseRef.current}px)`;
    if (headerRef.current !== null) headerRef.current.scrollLeft = el.scrollLeft;
  }, []);

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: 600 },
    observeElementRect: (instance, cb) => {
      const el = instance.scrollElement;
      if (el === null) return;
      const report = () => {
        cb({ width: el.clientWidth, height: el.clientHeight });
        setViewport(el.clientHeight);
      };
      report();
      const ro = new ResizeObserver(report);
      ro.observe(el);
      return () => ro.disconnect();
    },
    observeElementOffset: (instance, cb) => {
      const el = instance.scrollElement;
      if (el === null) return;
      offsetCallbackRef.current = cb;
      let idleTimer: ReturnType<typeof setTimeout> | undefined;
      const read = () => toVirtual(scaleRef.current, el.scrollTop);
      const onScroll = () => {
        cb(read(), true);
        syncLayer();
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => cb(read(), false), 150);
      };
      cb(read(), false);
      el.addEventListener('scroll', onScroll, { passive: true });
      return () => {
        clearTimeout(idleTimer);
        el.removeEventListener('scroll', onScroll);
        offsetCallbackRef.current = null;
      };
    },
    scrollToFn: (offset, options, instance) => {
      const el = instance.scrollElement;
      if (el === null) return;
      el.scrollTo({ top: toPhysical(scaleRef.current, offset + (options.adjustments ?? 0)), behavior: options.behavior ?? 'auto' });
    },
  });

  const items = virtualizer.getVirtualItems();
  const base = virtualizer.scrollOffset ?? 0;
  const { first, last } = visibleRows(total, ROW_HEIGHT, viewport, base);

  useLayoutEffect(() => {
    const el = gridRef.current;
    if (el === null) return;
    if (textWidthRef.current === null) {
      const style = getComputedStyle(el);
      const mono = `${style.fontSize} ${getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || 'monospace'}`;
      const measure = canvasTextWidth(style.font, mono);
      textWidthRef.current = { measure, monoChar: measure('0000000000', true) / 10 };
    }
    const rows: GridRow[] = [];
    for (const item of items) {
      const row = pageCache.row(item.index);
      if (row !== undefined) rows.push(row);
    }
    const current = widths.view === view ? widths.widths : MIN_CONTENT_WIDTHS;
    const next = grownWidths(current, rows, textWidthRef.current.measure);
    if (next !== current || widths.view !== view) setWidths({ view, widths: next });
  }, [items, pageCache, pagesVersion, view, widths]);
  const layout = gridTemplate(VISUAL_ORDER, widths.widths);
  const skuChars = Math.max(6, Math.floor((widths.widths.sku - 20) / (textWidthRef.current?.monoChar ?? 7.8)));

  // After every commit: new scale for the listeners, rows re-based at `base`, layer re-placed.
  useLayoutEffect(() => {
    const prevScale = scaleRef.current;
    scaleRef.current = scale;
    baseRef.current = base;
    syncLayer();
    // The mapping changed (total or viewport) without a scroll event. Keep the rows the user is
    // looking at (the virtual offset) where they are, then tell the virtualizer.
    const el = scrollRef.current;
    if (prevScale !== scale && el !== null) {
      if (isScaled(scale) || isScaled(prevScale)) {
        const physical = toPhysical(scale, toVirtual(prevScale, el.scrollTop), 'round');
        if (Math.abs(physical - el.scrollTop) >= 1) el.scrollTop = physical;
      }
      offsetCallbackRef.current?.(toVirtual(scale, el.scrollTop), false);
    }
  });

  useEffect(() => {
    if (viewport > 0) setVisibleRange(first, last);
  }, [first, last, viewport, setVisibleRange]);

  // After the first commit that shows a row with data: the cold-start mark (mark-interactive.ts).
  const showsData = items.some((item) => pageCache.row(item.index) !== undefined);
  useEffect(() => {
    if (showsData) markInteractive();
  }, [showsData]);

  // Wheel/trackpad: in a scaled grid one physical pixel is several virtual ones, so native wheel
  // scrolling would move rows several times faster than the wheel. Scroll by the wheel's distance
  // in rows instead (fractions of a physical pixel are carried over to the next event).
  useEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    let carry = 0;
    const onWheel = (e: WheelEvent) => {
      const s = scaleRef.current;
      if (!isScaled(s) || e.ctrlKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      const virtualDelta = e.deltaMode === 1 ? e.deltaY * ROW_HEIGHT : e.deltaMode === 2 ? e.deltaY * s.viewport : e.deltaY;
      const ratio = virtualMaxOffset(s) / Math.max(1, physicalMaxOffset(s));
      e.preventDefault();
      carry += virtualDelta / ratio;
      const whole = Math.trunc(carry);
      if (whole === 0) return;
      carry -= whole;
      el.scrollTop += whole;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // Jumps requested by the store (go to row, keyboard, new query).
  useEffect(() => {
    const el = scrollRef.current;
    if (scrollRequest === null || el === null) return;
    const current = toVirtual(scale, el.scrollTop);
    const target = physicalForRow(scale, scrollRequest.index, total, ROW_HEIGHT, current, scrollRequest.align);
    if (Math.abs(target - el.scrollTop) >= 0.5) el.scrollTop = target;
    // Intentionally only on a new request; scale/total are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const onRowMouseDown = useCallback(
    (index: number, row: GridRow | undefined, e: MouseEvent) => {
      if (e.button !== 0) return;
      // Shift-click selects a range: keep the browser from selecting text as well.
      if (e.shiftKey) e.preventDefault();
      clickRow(index, row, { shift: e.shiftKey, toggle: IS_MAC ? e.metaKey : e.ctrlKey || e.metaKey });
    },
    [clickRow],
  );
  const onEdit = useCallback(
    (index: number, field: InlineField) => {
      startInlineEdit(index, field);
    },
    [startInlineEdit],
  );
  const onEditDone = useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);

  const pageRows = Math.max(1, last - first);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed on the header's buttons and checkboxes are theirs.
    if (e.target !== e.currentTarget || total <= 0) return;
    const mod = IS_MAC ? e.metaKey : e.ctrlKey;
    const move = (delta: number) => (e.shiftKey ? extendSelection(delta) : moveSelection(delta));
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        move(pageRows);
        break;
      case 'PageUp':
        move(-pageRows);
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        // Columns wider than the window (the detail pane open, a narrow window): scroll sideways.
        if (scrollRef.current !== null) scrollRef.current.scrollLeft += e.key === 'ArrowRight' ? 160 : -160;
        break;
      case 'Home':
        goToRow(0, 'start');
        break;
      case 'End':
        goToRow(total - 1, 'end');
        break;
      case 'Enter':
        // Alt+Enter opens the listing in the detail pane; Enter edits its title in place.
        if (e.altKey) openSelected();
        else if (selectedIndex !== null) startInlineEdit(selectedIndex, 'title');
        break;
      case 'F2':
        if (selectedIndex !== null) startInlineEdit(selectedIndex, e.shiftKey ? 'price' : 'title');
        break;
      case ' ':
        toggleActiveRow();
        break;
      case 'Escape':
        if (selection.kind === 'all' || selection.ids.size > 0) clearSelection();
        else handled = false;
        break;
      case 'Delete':
      case 'Backspace':
        // Delete (⌘⌫ on a Mac keyboard): the confirmation for the selection, or for the active row when nothing is ticked.
        handled = (e.key === 'Delete' || (IS_MAC && e.metaKey)) && deleteSelection();
        break;
      default:
        if (mod && !e.altKey && e.key.toLowerCase() === 'a') selectAllMatching();
        else handled = false;
    }
    if (handled) e.preventDefault();
  };

  const activeId = selectedIndex !== null && selectedIndex >= first - OVERSCAN && selectedIndex <= last + OVERSCAN ? `grid-row-${selectedIndex}` : undefined;

  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label="Listings"
      aria-multiselectable={true}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-busy={viewState === 'opening'}
      aria-activedescendant={activeId}
      aria-keyshortcuts="Enter F2 Space Alt+Enter Control+A Meta+A Escape Delete ArrowLeft ArrowRight"
      data-testid="grid"
      data-total={total}
      data-view-state={viewState}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ '--columns': layout.template, '--columns-min-width': `${layout.minWidth}px` } as CSSProperties}
    >
      <div className="grid-header" role="rowgroup" ref={headerRef}>
        <HeaderRow />
      </div>
      <div className="grid-scroll" ref={scrollRef} data-testid="grid-scroll" role="rowgroup">
        <div className="grid-content" style={{ height: scale.physicalHeight }}>
          <div className="grid-layer" ref={layerRef}>
            {items.map((item) => {
              const row = pageCache.row(item.index);
              return (
                <Row
                  key={item.index}
                  index={item.index}
                  top={item.start - base}
                  row={row}
                  active={item.index === selectedIndex}
                  checked={row !== undefined && isSelected(selection, row.id)}
                  editing={row !== undefined && inlineEdit !== null && inlineEdit.id === row.id ? inlineEdit : null}
                  onMouseDown={onRowMouseDown}
                  onToggle={toggleRow}
                  onEdit={onEdit}
                  onEditDone={onEditDone}
                  skuChars={skuChars}
                />
              );
            })}
          </div>
        </div>
        {total === 0 && viewState !== 'opening' && <NoRows />}
      </div>
    </div>
  );
}

function NoRows() {
  const clearFilters = useApp((s) => s.clearFilters);
  return (
    <div className="grid-empty" data-testid="grid-no-results">
      <p>No listings match the search and filters.</p>
      <button type="button" className="btn" onClick={clearFilters}>
        Clear search and filters
      </button>
    </div>
  );
}
