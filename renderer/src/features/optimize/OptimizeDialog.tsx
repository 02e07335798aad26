import { useState } from 'react';
import type { Scope } from '../../../../common/contract.js';
import { MARKETPLACE_LABELS, MARKETPLACES, type Marketplace } from '../../../../common/listing.js';
import { formatCount } from '../../format.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { jobCalls } from '../jobs/job-calls.js';
import { useApp } from '../../store/context.js';
import { defaultMarketplace, useJobsStore } from '../jobs/jobs-store.js';
import { rememberedPriceRules, rememberPriceRules, toPriceRules, type PriceRulesForm } from './price-rules.js';
import { Modal } from '../../ui/Modal.js';
import { OptimizeDialogPriceRules } from './OptimizeDialogPriceRules.js';
import { OptimizeMethodChooser, type OptimizeMethod } from './OptimizeMethodChooser.js';
import { defaultScopeChoice, ScopeChooser, useScopeOptions, type ScopeChoice } from '../grid/ScopeChooser.js';
import './optimize.css';
import { SelectField } from '../../ui/SelectField.js';
import { ErrorCallout } from '../../ui/ErrorCallout.js';

/**
 * Optimize: queue a rule-optimizer job for the selection or everything matching the search and
 * filters, for one target marketplace. The job runs in the background (the jobs panel shows its
 * progress); its proposals wait for review unless "apply automatically" is ticked. Price rules
 * (ending, rounding, min/max) are optional and remembered per marketplace.
 */
export function OptimizeDialog({ onClose }: { onClose: () => void }) {
  const calls = useCalls(jobCalls);
  const jobs = useJobsStore();
  const scopes = useScopeOptions();
  const query = useApp((s) => s.query);
  const [scopeChoice, setScopeChoice] = useState<ScopeChoice>(() => defaultScopeChoice(scopes));
  const [marketplace, setMarketplace] = useState<Marketplace>(() => defaultMarketplace(query));
  const [priceForm, setPriceForm] = useState<PriceRulesForm>(() => rememberedPriceRules(defaultMarketplace(query)));
  const [autoApply, setAutoApply] = useState(false);
  const [method, setMethod] = useState<OptimizeMethod>('optimize');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const scope: Scope | null = scopeChoice === 'selection' ? scopes.selectionScope : scopes.queryScope;
  const count = scopeChoice === 'selection' ? scopes.selectionCount : scopes.queryCount;

  const start = async () => {
    if (scope === null || count === 0) {
      setError('Nothing is selected. Pick “Everything matching” or select listings in the grid first.');
      return;
    }
    // The AI rewrites text only: price rules belong to the rule optimizer.
    const price: ReturnType<typeof toPriceRules> = method === 'ai' ? {} : toPriceRules(priceForm);
    if (price.error !== undefined) {
      setError(price.error);
      return;
    }
    setStarting(true);
    setError(null);
    try {
      // Bulk: a one-listing rewrite started from the editor (interactive) goes ahead of this job.
      const job = await calls.start({ scope, marketplace, kind: method, priority: 'bulk', autoApply, ...(price.rules ? { priceRules: price.rules } : {}) });
      if (method === 'optimize') rememberPriceRules(marketplace, priceForm);
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
        {starting ? 'Starting…' : `${method === 'ai' ? 'Rewrite' : 'Optimize'} ${formatCount(count, 'listing', 'listings')}`}
      </button>
    </>
  );

  return (
    <Modal
      titleId="optimize-title"
      title="Optimize listings"
      subtitle={<span className="muted">Proposes better titles, tags, descriptions and prices for a marketplace — by its rules offline, or rewritten by AI. You review before anything changes.</span>}
      onClose={() => {
        if (!starting) onClose();
      }}
      footer={footer}
      testId="optimize-dialog"
      busy={starting}
    >
      <div className="wizard optimize">
        <ScopeChooser name="optimize" legend="Optimize" scopes={scopes} choice={scopeChoice} onChoose={setScopeChoice} disabled={starting} />

        <div className="form-row">
          <SelectField
            id="optimize-marketplace"
            label="For marketplace"
            value={marketplace}
            options={MARKETPLACES}
            optionLabel={(m) => MARKETPLACE_LABELS[m]}
            disabled={starting}
            onChange={(next) => {
              setMarketplace(next);
              setPriceForm(rememberedPriceRules(next));
            }}
            testId="optimize-marketplace"
          />
        </div>

        <OptimizeMethodChooser method={method} onChoose={setMethod} disabled={starting} />

        {method === 'optimize' && <OptimizeDialogPriceRules form={priceForm} onChange={setPriceForm} disabled={starting} />}

        <label className="check optimize-auto">
          <input type="checkbox" checked={autoApply} disabled={starting} onChange={(e) => setAutoApply(e.target.checked)} data-testid="optimize-auto-apply" />
          <span>
            Apply automatically
            <span className="muted optimize-hint">
              {autoApply ? ' — every proposal is written as it is made, as one change you can undo.' : ' — off: proposals wait for your review in the jobs panel.'}
            </span>
          </span>
        </label>

        <ErrorCallout message={error} testId="optimize-error" />
      </div>
    </Modal>
  );
}

export default OptimizeDialog;
