import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GridSort } from '../../../common/grid.js';
import { MARKETPLACE_LABELS, STATUS_LABELS, type GridRow } from '../../../common/listing.js';
import { formatDateTime, formatInteger, formatPrice } from '../format.js';
import { useApp } from '../store/context.js';
import { COLUMNS, type ColumnDef } from './columns.js';
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
            className={`grid-cell grid-header-cell align-${col.align}`}
          >
            {col.sort === null ? (
              <span className="header-label">{col.label}</span>
            ) : (
              <button
                type="button"
                className="header-button"
                data-testid={`sort-${col.key}`}
                title={`Sort by ${col.label}`}
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
  selected: boolean;
  onSelect: (index: number, row: GridRow | undefined) => void;
}

const Row = memo(function Row({ index, top, row, selected, onSelect }: RowProps) {
  const common = {
    role: 'row',
    id: `grid-row-${index}`,
    'data-row-index': index,
    'aria-rowindex': index + 2,
    'aria-selected': selected,
    style: { transform: `translateY(${top}px)` },
    onMouseDown: () => onSelect(index, row),
  } as const;
  if (row === undefined) {
    return (
      <div {...common} className={`grid-row grid-body-row skeleton${selected ? ' selected' : ''}`} data-state="loading" aria-busy="true">
        {COLUMNS.map((col) => (
          <div key={col.key} role="gridcell" className={`grid-cell align-${col.align}`}>
            <span className={`skeleton-bar skeleton-${col.key}`} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div {...common} className={`grid-row grid-body-row${selected ? ' selected' : ''}`} data-state="ready" data-listing-id={row.id}>
      <div role="gridcell" className="grid-cell cell-title" title={row.title}>
        {row.title}
      </div>
      <div role="gridcell" className="grid-cell cell-sku mono">
        {row.sku ?? '—'}
      </div>
      <div role="gridcell" className="grid-cell">
        <span className={`mp mp-${row.marketplace}`}>{MARKETPLACE_LABELS[row.marketplace] ?? row.marketplace}</span>
      </div>
      <div role="gridcell" className="grid-cell align-end num">
        {formatPrice(row.priceMinor, row.currency)}
      </div>
      <div role="gridcell" className="grid-cell align-end num">
        {formatInteger(row.quantity)}
      </div>
      <div role="gridcell" className="grid-cell">
        <span className={`status status-${row.status}`}>{STATUS_LABELS[row.status] ?? row.status}</span>
      </div>
      <div role="gridcell" className="grid-cell align-end num">
        {row.variantCount > 0 ? formatInteger(row.variantCount) : '—'}
      </div>
      <div role="gridcell" className="grid-cell num">
        {formatDateTime(row.updatedAt)}
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
  useApp((s) => s.pagesVersion); // re-render when pages arrive
  const selectedIndex = useApp((s) => s.selectedIndex);
  const scrollRequest = useApp((s) => s.scrollRequest);
  const select = useApp((s) => s.select);
  const moveSelection = useApp((s) => s.moveSelection);
  const goToRow = useApp((s) => s.goToRow);
  const openSelected = useApp((s) => s.openSelected);
  const openDetail = useApp((s) => s.openDetail);
  const setVisibleRange = useApp((s) => s.setVisibleRange);

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

  const onSelect = useCallback(
    (index: number, row: GridRow | undefined) => {
      select(index);
      if (row !== undefined) openDetail(row.id);
    },
    [select, openDetail],
  );

  const pageRows = Math.max(1, last - first);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total <= 0) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveSelection(1);
        break;
      case 'ArrowUp':
        moveSelection(-1);
        break;
      case 'PageDown':
        moveSelection(pageRows);
        break;
      case 'PageUp':
        moveSelection(-pageRows);
        break;
      case 'Home':
        goToRow(0, 'start');
        break;
      case 'End':
        goToRow(total - 1, 'end');
        break;
      case 'Enter':
        openSelected();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const activeId = selectedIndex !== null && selectedIndex >= first - OVERSCAN && selectedIndex <= last + OVERSCAN ? `grid-row-${selectedIndex}` : undefined;

  return (
    <div
      className="grid"
      role="grid"
      aria-label="Listings"
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-busy={viewState === 'opening'}
      aria-activedescendant={activeId}
      data-testid="grid"
      data-total={total}
      data-view-state={viewState}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="grid-header" role="rowgroup" ref={headerRef}>
        <HeaderRow />
      </div>
      <div className="grid-scroll" ref={scrollRef} data-testid="grid-scroll" role="rowgroup">
        <div className="grid-content" style={{ height: scale.physicalHeight }}>
          <div className="grid-layer" ref={layerRef}>
            {items.map((item) => (
              <Row
                key={item.index}
                index={item.index}
                top={item.start - base}
                row={pageCache.row(item.index)}
                selected={item.index === selectedIndex}
                onSelect={onSelect}
              />
            ))}
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
