import { useApp } from '../../store/context.js';
import { selectionCount } from './selection.js';

/**
 * What a toolbar action over the selection or everything matching (bulk edit, optimize, delete)
 * shows: how many rows are selected, and whether it can run (rows to act on, the core connected).
 */
export function useScopeAction(): { selected: number; disabled: boolean } {
  const total = useApp((s) => s.view?.total ?? 0);
  const selected = useApp((s) => selectionCount(s.selection, s.view?.total ?? 0));
  const offline = useApp((s) => s.offline);
  return { selected, disabled: total === 0 || offline };
}
