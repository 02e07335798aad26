import { useMemo } from 'react';
import { formatCount } from '../../format.js';
import { useApp } from '../../store/context.js';
import { describeQuery, isFiltered, queryScope } from './query.js';
import { selectionCount, selectionScope } from './selection.js';

export type ScopeChoice = 'selection' | 'query';

/** The two scopes a bulk action offers: the grid's selection, or everything its query matches. */
export function useScopeOptions() {
  const selection = useApp((s) => s.selection);
  const query = useApp((s) => s.query);
  const total = useApp((s) => s.view?.total ?? 0);
  const importLabel = useApp((s) => s.importLabel);
  return useMemo(() => {
    const filtered = isFiltered(query);
    return {
      selectionCount: selectionCount(selection, total),
      selectionIsAll: selection.kind === 'all',
      selectionScope: selectionScope(selection, query),
      queryCount: total,
      queryScope: queryScope(query),
      filtered,
      description: filtered ? describeQuery(query, importLabel) : '',
    };
  }, [selection, query, total, importLabel]);
}
export type ScopeOptions = ReturnType<typeof useScopeOptions>;

/**
 * The scope a bulk action starts on: the selection whenever there is one — even a single row
 * (the status bar says "1 selected"; acting on the whole catalog instead would surprise) — else
 * everything the search and filters match.
 */
export function defaultScopeChoice(scopes: Pick<ScopeOptions, 'selectionCount'>): ScopeChoice {
  return scopes.selectionCount > 0 ? 'selection' : 'query';
}

/**
 * "Selected listings (N)" / "Everything matching (M)" radio pair shared by Bulk edit and Optimize.
 * `name` prefixes the radio group and the test ids (`<name>-scope-selection`, …).
 */
export function ScopeChooser({
  name,
  legend,
  scopes,
  choice,
  onChoose,
  disabled,
  className = '',
}: {
  name: string;
  legend: string;
  scopes: ScopeOptions;
  choice: ScopeChoice;
  onChoose: (choice: ScopeChoice) => void;
  disabled: boolean;
  className?: string;
}) {
  return (
    <fieldset className={`scope-group ${className}`.trim()} disabled={disabled} data-testid={`${name}-scope`}>
      <legend className="field-label">{legend}</legend>
      <label className={`scope-option${choice === 'selection' ? ' on' : ''}${scopes.selectionCount === 0 ? ' disabled' : ''}`}>
        <input
          type="radio"
          name={`${name}-scope`}
          value="selection"
          checked={choice === 'selection'}
          disabled={scopes.selectionCount === 0}
          onChange={() => onChoose('selection')}
          data-testid={`${name}-scope-selection`}
        />
        <span>
          Selected listings
          <span className="scope-count muted" data-testid={`${name}-scope-selection-count`} data-count={scopes.selectionCount}>
            {scopes.selectionCount === 0
              ? 'none selected — tick listings in the grid, or press Ctrl+A there'
              : scopes.selectionIsAll
                ? `all ${formatCount(scopes.selectionCount, 'listing', 'listings')} matching the search and filters`
                : formatCount(scopes.selectionCount, 'listing', 'listings')}
          </span>
        </span>
      </label>
      <label className={`scope-option${choice === 'query' ? ' on' : ''}`}>
        <input type="radio" name={`${name}-scope`} value="query" checked={choice === 'query'} onChange={() => onChoose('query')} data-testid={`${name}-scope-query`} />
        <span>
          {scopes.filtered ? 'Everything matching the search and filters' : 'The whole catalog'}
          <span className="scope-count muted" data-testid={`${name}-scope-query-count`} data-count={scopes.queryCount}>
            {formatCount(scopes.queryCount, 'listing', 'listings')}
            {scopes.filtered ? ` — ${scopes.description}` : ''}
          </span>
        </span>
      </label>
    </fieldset>
  );
}
