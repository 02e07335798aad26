import { PRICE_ENDINGS, type PriceDirection, type PriceEnding, type PriceRulesForm } from './price-rules.js';
import { SelectField } from '../../ui/SelectField.js';

const ENDING_LABELS: Record<PriceEnding, string> = { '': 'keep the cents', '99': '.99', '95': '.95', '00': '.00' };
const DIRECTION_LABELS: Record<PriceDirection, string> = { nearest: 'to the nearest', up: 'up', down: 'down' };

/** The price rules part of the Optimize dialog: off by default (prices are then left alone). */
export function OptimizeDialogPriceRules({ form, onChange, disabled }: { form: PriceRulesForm; onChange: (form: PriceRulesForm) => void; disabled: boolean }) {
  const set = (patch: Partial<PriceRulesForm>) => onChange({ ...form, ...patch });
  return (
    <fieldset className="optimize-price" disabled={disabled} data-testid="optimize-price-rules">
      <label className="check">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="optimize-price-enabled" />
        <span>
          Price rules
          <span className="muted optimize-hint">{form.enabled ? ' — remembered for this marketplace.' : ' — off: prices are left as they are.'}</span>
        </span>
      </label>
      {form.enabled && (
        <div className="form-row optimize-price-fields">
          <SelectField
            id="optimize-price-ending"
            label="Prices end in"
            value={form.ending}
            options={PRICE_ENDINGS}
            optionLabel={(e) => ENDING_LABELS[e]}
            onChange={(ending) => set({ ending })}
            testId="optimize-price-ending"
          />
          <SelectField
            id="optimize-price-direction"
            label="Rounding"
            value={form.direction}
            options={Object.keys(DIRECTION_LABELS) as PriceDirection[]}
            optionLabel={(d) => DIRECTION_LABELS[d]}
            disabled={form.ending === ''}
            onChange={(direction) => set({ direction })}
            testId="optimize-price-direction"
          />
          <PriceBound id="optimize-price-min" label="Minimum" value={form.min} onChange={(min) => set({ min })} />
          <PriceBound id="optimize-price-max" label="Maximum" value={form.max} onChange={(max) => set({ max })} />
        </div>
      )}
    </fieldset>
  );
}

/** A price the rules never go below (or above); empty for none. */
function PriceBound({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} className="input" inputMode="decimal" placeholder="none" value={value} onChange={(e) => onChange(e.target.value)} data-testid={id} />
    </div>
  );
}
