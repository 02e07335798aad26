import { useState, type ReactNode } from 'react';
import type { Scope } from '../../../../common/contract.js';
import { PRICE_ROUNDINGS, type BulkEdit, type BulkPreview, type BulkProblem, type BulkResult, type BulkSample } from '../../../../common/edit-types.js';
import { LISTING_STATUSES, STATUS_LABELS, type ListingStatus } from '../../../../common/listing.js';
import { formatCount, formatInteger } from '../../format.js';
import { localStore } from '../../io/remembered.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { editCalls } from './edit-calls.js';
import { normalizeCurrencyCode } from '../../../../common/edit/currency-digits.js';
import { FIELD_TITLES } from '../../../../common/edit/field-labels.js';
import { useAppStore } from '../../store/context.js';
import {
  buildBulkEdit,
  DEFAULT_FORM,
  formatSampleValue,
  OPERATION_LABELS,
  OPERATIONS,
  PRICE_OP_LABELS,
  PRICE_OPS,
  readRates,
  rememberedRate,
  rememberRate,
  ROUNDING_LABELS,
  SET_FIELDS,
  textChangeWindow,
  type BulkForm,
} from './bulk-edit-form.js';
import { Modal } from '../../ui/Modal.js';
import { ProblemSection } from '../../ui/ProblemTable.js';
import { defaultScopeChoice, ScopeChooser, useScopeOptions, type ScopeChoice } from '../grid/ScopeChooser.js';
import { SelectField } from '../../ui/SelectField.js';
import { ErrorCallout } from '../../ui/ErrorCallout.js';

type Phase = 'form' | 'previewing' | 'applying' | 'done';

const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'NZD', 'MXN', 'BRL', 'INR', 'CNY', 'HKD', 'SGD'];

function initialForm(): BulkForm {
  const memory = readRates(localStore());
  if (memory.last === null) return DEFAULT_FORM;
  const rate = rememberedRate(memory, memory.last.from, memory.last.to);
  return { ...DEFAULT_FORM, from: memory.last.from, to: memory.last.to, rate: rate === undefined ? '' : String(rate) };
}

/**
 * Bulk edit: one change (prices, find/replace, tags, a field, status, currency) on the selected
 * listings or on everything matching the search and filters. "Preview" asks the core what would
 * change (counts, the first before → after, what would be skipped and why); "Apply" runs it as one
 * undoable change.
 */
export function BulkEditDialog({ onClose }: { onClose: () => void }) {
  const calls = useCalls(editCalls);
  const store = useAppStore();
  const scopes = useScopeOptions();
  const [form, setFormState] = useState<BulkForm>(initialForm);
  const [scopeChoice, setScopeChoice] = useState<ScopeChoice>(() => defaultScopeChoice(scopes));
  const [phase, setPhase] = useState<Phase>('form');
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ edit: BulkEdit; scope: Scope; value: BulkPreview } | null>(null);
  const [callError, setCallError] = useState<string | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [currencies, setCurrencies] = useState<ReadonlyMap<number, string>>(new Map());

  const busy = phase === 'previewing' || phase === 'applying';
  const scope: Scope | null = scopeChoice === 'selection' ? scopes.selectionScope : scopes.queryScope;
  const scopeCount = scopeChoice === 'selection' ? scopes.selectionCount : scopes.queryCount;

  const setForm = (patch: Partial<BulkForm>) => {
    if (busy) return;
    setFormState((f) => {
      const next = { ...f, ...patch };
      // A remembered rate for the new currency pair fills the rate box.
      if ((patch.from !== undefined || patch.to !== undefined) && patch.rate === undefined) {
        const rate = rememberedRate(readRates(localStore()), next.from, next.to);
        if (rate !== undefined) next.rate = String(rate);
      }
      return next;
    });
    setPreview(null);
    setFormError(null);
    setCallError(null);
  };
  const chooseScope = (choice: ScopeChoice) => {
    if (busy) return;
    setScopeChoice(choice);
    setPreview(null);
    setCallError(null);
  };

  /** Prices in samples are minor units: each listing's currency, from the grid's rows or else the core. */
  const sampleCurrencies = async (samples: readonly BulkSample[]): Promise<Map<number, string>> => {
    const found = new Map<number, string>();
    const cache = store.getState().pageCache;
    const missing: number[] = [];
    for (const id of new Set(samples.filter((s) => s.field === 'priceMinor').map((s) => s.id))) {
      const at = cache.findIndex((row) => row.id === id);
      const row = at >= 0 ? cache.row(at) : undefined;
      if (row !== undefined) found.set(id, row.currency);
      else missing.push(id);
    }
    const pairs = await Promise.all(missing.map((id) => calls.listing(id).then((l) => [id, l.currency] as const, () => null)));
    for (const pair of pairs) if (pair !== null) found.set(pair[0], pair[1]);
    return found;
  };

  const runPreview = async () => {
    const built = buildBulkEdit(form);
    if (!built.ok) {
      setFormError(built.message);
      return;
    }
    if (scope === null) {
      setFormError('Nothing is selected. Pick “Everything matching” or select listings in the grid first.');
      return;
    }
    setPhase('previewing');
    setCallError(null);
    try {
      const value = await calls.bulkPreview({ scope, edit: built.edit });
      setCurrencies(built.edit.kind === 'price' ? await sampleCurrencies(value.samples) : new Map());
      setPreview({ edit: built.edit, scope, value });
    } catch (err) {
      setCallError(errorMessage(err).message);
    } finally {
      setPhase('form');
    }
  };

  const apply = async () => {
    if (preview === null) return;
    setPhase('applying');
    setCallError(null);
    try {
      const value = await calls.bulkApply({ scope: preview.scope, edit: preview.edit });
      setResult(value);
      setPhase('done');
      if (preview.edit.kind === 'currency') rememberRate(localStore(), preview.edit.from, preview.edit.to, preview.edit.rate);
      const summary = value.changeSet?.summary ?? 'Nothing changed';
      store.getState().showNotice(value.changeSet === null ? `${summary}.` : `Done: ${summary}. Undo with ${navigator.platform.includes('Mac') ? '⌘Z' : 'Ctrl+Z'}.`);
      void store.getState().refreshHistory();
    } catch (err) {
      setCallError(errorMessage(err).message);
      setPhase('form');
    }
  };

  const willChange = preview?.value.willChange ?? 0;
  let footer: ReactNode;
  if (phase === 'done') {
    footer = (
      <button type="button" className="btn btn-primary" data-testid="bulk-done" onClick={onClose}>
        Close
      </button>
    );
  } else {
    footer = (
      <>
        <button type="button" className="btn" data-testid="bulk-cancel" onClick={onClose} disabled={phase === 'applying'}>
          Cancel
        </button>
        <button type="button" className="btn" data-testid="bulk-preview-button" onClick={() => void runPreview()} disabled={busy || scopeCount === 0}>
          {phase === 'previewing' ? 'Checking…' : 'Preview'}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="bulk-apply"
          onClick={() => void apply()}
          disabled={busy || preview === null || willChange === 0}
          title={preview === null ? 'Preview first: see what will change before applying' : undefined}
        >
          {phase === 'applying' ? 'Applying…' : preview === null ? 'Apply' : `Apply to ${formatCount(willChange, 'listing', 'listings')}`}
        </button>
      </>
    );
  }

  return (
    <Modal
      titleId="bulk-title"
      title="Bulk edit"
      subtitle={<span className="muted">One change to many listings — preview it first; you can undo it afterwards.</span>}
      onClose={() => {
        if (phase !== 'applying') onClose();
      }}
      footer={footer}
      testId="bulk-dialog"
      size="wide"
      busy={busy}
    >
      <div className="wizard bulk" data-phase={phase}>
        {phase === 'done' && result !== null ? (
          <ResultView result={result} />
        ) : (
          <>
            <ScopeChooser name="bulk" legend="Apply to" className="bulk-scope" scopes={scopes} choice={scopeChoice} onChoose={chooseScope} disabled={busy} />

            <EditForm form={form} setForm={setForm} disabled={busy} />

            <ErrorCallout message={formError} testId="bulk-form-error" />
            <ErrorCallout message={callError} testId="bulk-error" />
            {phase === 'applying' && (
              <div className="callout" role="status" data-testid="bulk-applying">
                <span className="spinner" aria-hidden="true" /> Applying to {formatCount(willChange, 'listing', 'listings')}… this runs as one change: all or nothing.
              </div>
            )}
            {preview !== null && phase !== 'applying' && <PreviewView preview={preview.value} edit={preview.edit} currencies={currencies} />}
          </>
        )}
      </div>
    </Modal>
  );
}

export default BulkEditDialog;

// ---- the form -----------------------------------------------------------------------------------

function EditForm({ form, setForm, disabled }: { form: BulkForm; setForm: (patch: Partial<BulkForm>) => void; disabled: boolean }) {
  return (
    <fieldset className="bulk-form" disabled={disabled} data-testid="bulk-form">
      <legend className="visually-hidden">The change</legend>
      <div className="form-row">
        <SelectField
          id="bulk-operation"
          label="Change"
          value={form.operation}
          options={OPERATIONS}
          optionLabel={(op) => OPERATION_LABELS[op]}
          onChange={(operation) => setForm({ operation })}
          testId="bulk-operation"
        />
      </div>
      <div className="form-row bulk-op" data-operation={form.operation}>
        {form.operation === 'price' && <PriceFields form={form} setForm={setForm} />}
        {form.operation === 'replace' && <ReplaceFields form={form} setForm={setForm} />}
        {form.operation === 'tags' && <TagFields form={form} setForm={setForm} />}
        {form.operation === 'set' && <SetFields form={form} setForm={setForm} />}
        {form.operation === 'status' && (
          <div className="field">
            <label htmlFor="bulk-status" className="field-label">
              New status
            </label>
            <StatusSelect id="bulk-status" value={form.status} onChange={(status) => setForm({ status })} />
          </div>
        )}
        {form.operation === 'currency' && <CurrencyFields form={form} setForm={setForm} />}
      </div>
    </fieldset>
  );
}

type FieldsProps = { form: BulkForm; setForm: (patch: Partial<BulkForm>) => void };

function RoundingSelect({ form, setForm }: FieldsProps) {
  return (
    <SelectField
      id="bulk-rounding"
      label="Rounding"
      value={form.rounding}
      options={PRICE_ROUNDINGS}
      optionLabel={(r) => ROUNDING_LABELS[r]}
      onChange={(rounding) => setForm({ rounding })}
    />
  );
}

function PriceFields({ form, setForm }: FieldsProps) {
  const unit = form.priceOp === 'percent' ? '%' : 'in each listing’s currency';
  return (
    <>
      <SelectField id="bulk-price-op" label="Price rule" value={form.priceOp} options={PRICE_OPS} optionLabel={(op) => PRICE_OP_LABELS[op]} onChange={(priceOp) => setForm({ priceOp })} />
      <div className="field">
        <label htmlFor="bulk-amount" className="field-label">
          {form.priceOp === 'percent' ? 'Percent' : 'Amount'}
        </label>
        <span className="field-inline">
          <input
            id="bulk-amount"
            className="input bulk-number"
            inputMode="decimal"
            placeholder={form.priceOp === 'percent' ? '10 or -15' : form.priceOp === 'add' ? '2.50 or -1' : '19.99'}
            value={form.amount}
            onChange={(e) => setForm({ amount: e.target.value })}
            data-testid="bulk-amount"
          />
          <span className="muted">{unit}</span>
        </span>
      </div>
      <RoundingSelect form={form} setForm={setForm} />
    </>
  );
}

function ReplaceFields({ form, setForm }: FieldsProps) {
  return (
    <>
      <div className="field bulk-wide">
        <label htmlFor="bulk-find" className="field-label">
          Find
        </label>
        <input id="bulk-find" className="input mono-input" value={form.find} onChange={(e) => setForm({ find: e.target.value })} maxLength={1000} spellCheck={false} />
      </div>
      <div className="field bulk-wide">
        <label htmlFor="bulk-replace" className="field-label">
          Replace with
        </label>
        <input
          id="bulk-replace"
          className="input mono-input"
          value={form.replace}
          onChange={(e) => setForm({ replace: e.target.value })}
          maxLength={1000}
          spellCheck={false}
          placeholder={form.regex ? 'leave empty to delete; $1 inserts a group' : 'leave empty to delete'}
        />
      </div>
      <div className="field">
        <span className="field-label" id="bulk-where">
          In
        </span>
        <span className="field-inline" role="group" aria-labelledby="bulk-where">
          <label className="check">
            <input type="checkbox" checked={form.inTitle} onChange={(e) => setForm({ inTitle: e.target.checked })} /> Titles
          </label>
          <label className="check">
            <input type="checkbox" checked={form.inDescription} onChange={(e) => setForm({ inDescription: e.target.checked })} /> Descriptions
          </label>
        </span>
      </div>
      <div className="field">
        <span className="field-label" id="bulk-match">
          Match
        </span>
        <span className="field-inline" role="group" aria-labelledby="bulk-match">
          <label className="check">
            <input type="checkbox" checked={form.regex} onChange={(e) => setForm({ regex: e.target.checked })} /> Regular expression
          </label>
          <label className="check">
            <input type="checkbox" checked={form.caseSensitive} onChange={(e) => setForm({ caseSensitive: e.target.checked })} /> Case sensitive
          </label>
        </span>
      </div>
    </>
  );
}

function TagFields({ form, setForm }: FieldsProps) {
  return (
    <>
      <div className="field bulk-wide">
        <label htmlFor="bulk-add-tags" className="field-label">
          Add tags
        </label>
        <input id="bulk-add-tags" className="input" value={form.addTags} onChange={(e) => setForm({ addTags: e.target.value })} placeholder="gift idea, handmade" />
      </div>
      <div className="field bulk-wide">
        <label htmlFor="bulk-remove-tags" className="field-label">
          Remove tags
        </label>
        <input id="bulk-remove-tags" className="input" value={form.removeTags} onChange={(e) => setForm({ removeTags: e.target.value })} placeholder="sale, old" />
      </div>
      <p className="muted bulk-note">Separate tags with commas. Tags a listing already has are not added twice; marketplace limits (e.g. Etsy’s 13 tags) are checked per listing.</p>
    </>
  );
}

function StatusSelect({ id, value, onChange }: { id: string; value: ListingStatus; onChange: (status: ListingStatus) => void }) {
  return (
    <select id={id} className="input select" value={value} onChange={(e) => onChange(e.target.value as ListingStatus)}>
      {LISTING_STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}

function SetFields({ form, setForm }: FieldsProps) {
  const nullable = form.setField !== 'status';
  return (
    <>
      <SelectField
        id="bulk-set-field"
        label="Field"
        value={form.setField}
        options={SET_FIELDS}
        optionLabel={(f) => FIELD_TITLES[f]}
        onChange={(setField) => setForm({ setField, setValue: '', clearValue: false })}
      />
      <div className="field">
        <label htmlFor="bulk-set-value" className="field-label">
          New value
        </label>
        {form.setField === 'status' ? (
          <StatusSelect id="bulk-set-value" value={form.setStatus} onChange={(setStatus) => setForm({ setStatus })} />
        ) : (
          <input
            id="bulk-set-value"
            className={`input${form.setField === 'quantity' ? ' bulk-number' : ''}`}
            inputMode={form.setField === 'quantity' ? 'numeric' : undefined}
            value={form.setValue}
            disabled={form.clearValue}
            maxLength={500}
            onChange={(e) => setForm({ setValue: e.target.value })}
          />
        )}
      </div>
      {nullable && (
        <label className="check bulk-clear">
          <input type="checkbox" checked={form.clearValue} onChange={(e) => setForm({ clearValue: e.target.checked })} /> Clear it (leave empty)
        </label>
      )}
    </>
  );
}

/** A three-letter currency code box, upper-cased as typed, offering the common codes. */
function CurrencyCodeField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (code: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} className="input bulk-currency" list="bulk-currencies" maxLength={3} value={value} onChange={(e) => onChange(e.target.value.toUpperCase())} />
    </div>
  );
}

function CurrencyFields({ form, setForm }: FieldsProps) {
  const from = normalizeCurrencyCode(form.from) || 'FROM';
  const to = normalizeCurrencyCode(form.to) || 'TO';
  return (
    <>
      <datalist id="bulk-currencies">
        {COMMON_CURRENCIES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <CurrencyCodeField id="bulk-from" label="From currency" value={form.from} onChange={(from) => setForm({ from })} />
      <CurrencyCodeField id="bulk-to" label="To currency" value={form.to} onChange={(to) => setForm({ to })} />
      <div className="field">
        <label htmlFor="bulk-rate" className="field-label">
          Rate
        </label>
        <span className="field-inline">
          <span className="muted">1 {from} =</span>
          <input id="bulk-rate" className="input bulk-number" inputMode="decimal" placeholder="0.92" value={form.rate} onChange={(e) => setForm({ rate: e.target.value })} />
          <span className="muted">{to}</span>
        </span>
      </div>
      <RoundingSelect form={form} setForm={setForm} />
      <p className="muted bulk-note">Only listings priced in {from} change. Type today’s rate from your bank or payment provider; the last rate you used for each pair is remembered.</p>
    </>
  );
}

// ---- preview and result --------------------------------------------------------------------------

function sampleCells(sample: BulkSample, edit: BulkEdit, currencies: ReadonlyMap<number, string>): { before: string; after: string } {
  if ((sample.field === 'title' || sample.field === 'description') && typeof sample.before === 'string' && typeof sample.after === 'string') {
    return textChangeWindow(sample.before, sample.after);
  }
  if (sample.field === 'priceMinor') {
    const before = edit.kind === 'currency' ? edit.from : (currencies.get(sample.id) ?? null);
    const after = edit.kind === 'currency' ? edit.to : before;
    return { before: formatSampleValue('priceMinor', sample.before, before), after: formatSampleValue('priceMinor', sample.after, after) };
  }
  return { before: formatSampleValue(sample.field, sample.before, null), after: formatSampleValue(sample.field, sample.after, null) };
}

function SkippedTable({ problems, total, caption, testId }: { problems: readonly BulkProblem[]; total: number; caption: string; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <ProblemSection
      tone="warning"
      caption={caption}
      count={total}
      testId={testId}
      head={
        <>
          <th scope="col">Listing</th>
          <th scope="col">Why it is left unchanged</th>
        </>
      }
      footer={total > problems.length && <p className="muted problems-more">The first {formatInteger(problems.length)} are listed.</p>}
    >
      {problems.map((p) => (
        <tr key={p.id}>
          <td className="cell-strong">{p.title.trim() === '' ? `#${p.id}` : p.title}</td>
          <td>{p.message}</td>
        </tr>
      ))}
    </ProblemSection>
  );
}

function PreviewView({ preview, edit, currencies }: { preview: BulkPreview; edit: BulkEdit; currencies: ReadonlyMap<number, string> }) {
  const unchanged = preview.matched - preview.willChange - preview.skipped;
  return (
    <section className="wizard-section bulk-preview" data-testid="bulk-preview" data-will-change={preview.willChange} data-skipped={preview.skipped} data-matched={preview.matched}>
      <p className="bulk-preview-summary" data-testid="bulk-preview-summary" role="status">
        <strong>{formatCount(preview.willChange, 'listing', 'listings')} will change</strong>, {formatInteger(preview.skipped)} skipped
        <span className="muted">
          {' '}
          — of {formatCount(preview.matched, 'listing', 'listings')} in scope{unchanged > 0 ? `; ${formatInteger(unchanged)} need no change` : ''}
        </span>
      </p>
      {preview.samples.length > 0 && (
        <div className="table-box">
          <table className="table data-table bulk-samples" data-testid="bulk-samples">
            <caption className="visually-hidden">First changes, before and after</caption>
            <thead>
              <tr>
                <th scope="col">Listing</th>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col" className="bulk-arrow" aria-hidden="true" />
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {preview.samples.map((sample, i) => {
                const cells = sampleCells(sample, edit, currencies);
                return (
                  <tr key={`${sample.id}-${sample.field}-${i}`} data-listing-id={sample.id} data-field={sample.field}>
                    <td className="cell-strong bulk-sample-title">{sample.title.trim() === '' ? `#${sample.id}` : sample.title}</td>
                    <td className="muted">{FIELD_TITLES[sample.field]}</td>
                    <td className="bulk-before" data-testid="bulk-sample-before">
                      {cells.before}
                    </td>
                    <td className="bulk-arrow" aria-hidden="true">
                      →
                    </td>
                    <td className="bulk-after" data-testid="bulk-sample-after">
                      {cells.after}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {preview.willChange > 0 && preview.samples.length < preview.willChange && (
        <p className="muted bulk-note">The first {formatInteger(preview.samples.length)} changes are shown.</p>
      )}
      <SkippedTable problems={preview.problems} total={preview.skipped} caption="Will be skipped" testId="bulk-preview-problems" />
    </section>
  );
}

function ResultView({ result }: { result: BulkResult }) {
  return (
    <div data-testid="bulk-result" data-changed={result.changed} data-skipped={result.skipped}>
      <div className={`callout ${result.changed > 0 ? 'callout-ok' : 'callout-warn'}`} role="status">
        <strong>{result.changed > 0 ? `Changed ${formatCount(result.changed, 'listing', 'listings')}.` : 'Nothing changed.'}</strong>
        {result.skipped > 0 ? ` ${formatInteger(result.skipped)} skipped (listed below).` : ''}
        {result.changeSet !== null && <> You can undo “{result.changeSet.summary}” with Undo in the toolbar or Ctrl+Z.</>}
      </div>
      <SkippedTable problems={result.problems} total={result.skipped} caption="Skipped" testId="bulk-result-problems" />
    </div>
  );
}
