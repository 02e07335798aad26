import { useMemo, useState } from 'react';
import type { Scope } from '../../../common/contract.js';
import { MARKETPLACE_LABELS, MARKETPLACES, type Marketplace } from '../../../common/listing.js';
import { formatCount } from '../format.js';
import { errorMessage } from '../store/app-store.js';
import { useClient } from '../store/client-context.js';
import { useApp } from '../store/context.js';
import { defaultMarketplace, useJobsStore } from '../store/jobs.js';
import { describeQuery, isFiltered, queryScope } from '../store/query.js';
import { selectionCount, selectionScope } from '../store/selection.js';
import { Modal } from './Modal.js';
import './optimize.css';

type ScopeChoice = 'selection' | 'query';

/** The listings an optimization covers, as the dialog offers them (the same choice as bulk edit). */
function useScopes() {
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
      marketplace: defaultMarketplace(query),
    };
  }, [selection, query, total, importLabel]);
}

/**
 * Optimize: queue a rule-optimizer job for the selection or everything matching the search and
 * filters, for one target marketplace. The job runs in the background (the jobs panel shows its
 * progress); its proposals wait for review unless "apply automatically" is ticked.
 */
export function OptimizeDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const jobs = useJobsStore();
  const scopes = useScopes();
  const [scopeChoice, setScopeChoice] = useState<ScopeChoice>(() => (scopes.selectionIsAll || scopes.selectionCount > 1 ? 'selection' : 'query'));
  const [marketplace, setMarketplace] = useState<Marketplace>(scopes.marketplace);
  const [autoApply, setAutoApply] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const scope: Scope | null = scopeChoice === 'selection' ? scopes.selectionScope : scopes.queryScope;
  const count = scopeChoice === 'selection' ? scopes.selectionCount : scopes.queryCount;

  const start = async () => {
    if (scope === null || count === 0) {
      setError('Nothing is selected. Pick “Everything matching” or select listings in the grid first.');
      return;
    }
    setStarting(true);
    setError(null);
    try {
      const job = await client.call('jobs.start', { scope, marketplace, kind: 'optimize', priority: 'interactive', autoApply });
      const s = jobs.getState();
      s.upsert(job);
      onClose();
      s.setPanelOpen(true);
    } catch (err) {
      setError(errorMessage(err).message);
      setStarting(false);
    }
  };

  const footer = (
    <>
      <button type="button" className="btn" data-testid="optimize-cancel" onClick={onClose} disabled={starting}>
        Cancel
      </button>
      <button type="button" className="btn btn-primary" data-testid="optimize-start" onClick={() => void start()} disabled={starting || count === 0 || scope === null}>
        {starting ? 'Starting…' : `Optimize ${formatCount(count, 'listing', 'listings')}`}
      </button>
    </>
  );

  return (
    <Modal
      titleId="optimize-title"
      title="Optimize listings"
      subtitle={<span className="muted">Proposes better titles, tags, descriptions and prices by your marketplace’s rules — offline, on this computer.</span>}
      onClose={() => {
        if (!starting) onClose();
      }}
      footer={footer}
      testId="optimize-dialog"
      busy={starting}
    >
      <div className="wizard optimize">
        <fieldset className="scope-group" disabled={starting} data-testid="optimize-scope">
          <legend className="field-label">Optimize</legend>
          <label className={`scope-option${scopeChoice === 'selection' ? ' on' : ''}${scopes.selectionCount === 0 ? ' disabled' : ''}`}>
            <input
              type="radio"
              name="optimize-scope"
              value="selection"
              checked={scopeChoice === 'selection'}
              disabled={scopes.selectionCount === 0}
              onChange={() => setScopeChoice('selection')}
              data-testid="optimize-scope-selection"
            />
            <span>
              Selected listings
              <span className="scope-count muted" data-testid="optimize-scope-selection-count" data-count={scopes.selectionCount}>
                {scopes.selectionCount === 0
                  ? 'none selected — tick listings in the grid, or press Ctrl+A there'
                  : scopes.selectionIsAll
                    ? `all ${formatCount(scopes.selectionCount, 'listing', 'listings')} matching the search and filters`
                    : formatCount(scopes.selectionCount, 'listing', 'listings')}
              </span>
            </span>
          </label>
          <label className={`scope-option${scopeChoice === 'query' ? ' on' : ''}`}>
            <input type="radio" name="optimize-scope" value="query" checked={scopeChoice === 'query'} onChange={() => setScopeChoice('query')} data-testid="optimize-scope-query" />
            <span>
              {scopes.filtered ? 'Everything matching the search and filters' : 'The whole catalog'}
              <span className="scope-count muted" data-testid="optimize-scope-query-count" data-count={scopes.queryCount}>
                {formatCount(scopes.queryCount, 'listing', 'listings')}
                {scopes.filtered ? ` — ${scopes.description}` : ''}
              </span>
            </span>
          </label>
        </fieldset>

        <div className="form-row">
          <div className="field">
            <label htmlFor="optimize-marketplace" className="field-label">
              For marketplace
            </label>
            <select
              id="optimize-marketplace"
              className="input select"
              value={marketplace}
              disabled={starting}
              onChange={(e) => setMarketplace(e.target.value as Marketplace)}
              data-testid="optimize-marketplace"
            >
              {MARKETPLACES.map((m) => (
                <option key={m} value={m}>
                  {MARKETPLACE_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
        </div>

        <label className="check optimize-auto">
          <input type="checkbox" checked={autoApply} disabled={starting} onChange={(e) => setAutoApply(e.target.checked)} data-testid="optimize-auto-apply" />
          <span>
            Apply automatically
            <span className="muted optimize-hint">
              {autoApply ? ' — every proposal is written as it is made, as one change you can undo.' : ' — off: proposals wait for your review in the jobs panel.'}
            </span>
          </span>
        </label>

        {error !== null && (
          <div className="callout callout-error" role="alert" data-testid="optimize-error">
            {error}
          </div>
        )}
      </div>
    </Modal>
  );
}

export default OptimizeDialog;
