import type { Scope } from '../../../../common/contract.js';
import type { GridQuery } from '../../../../common/grid.js';
import { queryScope } from './query.js';

/* ----------------------------------------------------------------------------------------------
 * Multi-selection in the grid. Pure (unit-tested): the store keeps one `Selection` value.
 *
 * A selection is either a set of listing ids (clicks, Ctrl/Cmd-clicks, Shift-click ranges) or
 * "everything matching the current query" (Ctrl/Cmd+A) — the latter is never a million ids: bulk
 * edits receive it as a query scope. Selections hold ids, not row positions, so they survive the
 * grid reloading after a change (positions move when a listing is edited; ids do not).
 * -------------------------------------------------------------------------------------------- */

export type Selection = { kind: 'ids'; ids: ReadonlySet<number> } | { kind: 'all' };

/** Largest id selection (a bulk edit's `ids` scope must stay well under the 1 MB input cap). */
export const MAX_SELECTED_IDS = 100_000;

export const EMPTY_SELECTION: Selection = { kind: 'ids', ids: new Set<number>() };
export const ALL_SELECTED: Selection = { kind: 'all' };

/** How many listings are selected (`total`: rows matching the current query). */
export function selectionCount(selection: Selection, total: number): number {
  return selection.kind === 'all' ? total : selection.ids.size;
}

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

export function isEmpty(selection: Selection, total: number): boolean {
  return selectionCount(selection, total) === 0;
}

export function only(id: number): Selection {
  return { kind: 'ids', ids: new Set([id]) };
}

export type SelectionChange = { ok: true; selection: Selection } | { ok: false; reason: 'all' | 'too-many' };

/**
 * Adds or removes one listing. From "all matching" there is no single-listing exception to make (a
 * query cannot leave one listing out), so that is refused with reason `all`.
 */
export function toggle(selection: Selection, id: number): SelectionChange {
  if (selection.kind === 'all') return { ok: false, reason: 'all' };
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else {
    if (ids.size >= MAX_SELECTED_IDS) return { ok: false, reason: 'too-many' };
    ids.add(id);
  }
  return { ok: true, selection: { kind: 'ids', ids } };
}

/** The ids of a Shift-click range, replacing the selection or (Ctrl/Cmd+Shift) added to it. */
export function withRange(selection: Selection, rangeIds: readonly number[], additive: boolean): SelectionChange {
  if (additive && selection.kind === 'all') return { ok: true, selection };
  const ids = new Set(additive && selection.kind === 'ids' ? selection.ids : []);
  for (const id of rangeIds) ids.add(id);
  if (ids.size > MAX_SELECTED_IDS) return { ok: false, reason: 'too-many' };
  return { ok: true, selection: { kind: 'ids', ids } };
}

/** The indexes [lo, hi] of a range between the anchor and the clicked row, in either order. */
export function rangeBounds(anchor: number, index: number): { lo: number; hi: number } {
  return anchor <= index ? { lo: anchor, hi: index } : { lo: index, hi: anchor };
}

/** What a bulk edit of the selection covers: its ids, or the query (null: nothing selected). */
export function selectionScope(selection: Selection, query: GridQuery): Scope | null {
  if (selection.kind === 'all') return queryScope(query);
  if (selection.ids.size === 0) return null;
  return { kind: 'ids', ids: [...selection.ids].sort((a, b) => a - b) };
}

/** For the header checkbox: none, some (indeterminate) or every listing of the view selected. */
export function headerState(selection: Selection, total: number): 'none' | 'some' | 'all' {
  if (total <= 0) return 'none';
  if (selection.kind === 'all') return 'all';
  if (selection.ids.size === 0) return 'none';
  return 'some';
}
