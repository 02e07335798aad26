import { PRICE_ENDINGS, type PriceDirection, type PriceEnding, type PriceRulesForm } from './price-rules.js';

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
          <div className="field">
            <label htmlFor="optimize-price-ending" className="field-label">
              Prices end in
            </label>
            <select id="optimize-price-ending" className="input select" value={form.ending} onChange={(e) => set({ ending: e.target.value as PriceEnding })} data-testid="optimize-price-ending">
              {PRICE_ENDINGS.map((e) => (
                <option key={e} value={e}>
                  {ENDING_LABELS[e]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="optimize-price-direction" className="field-label">
              Rounding
            </label>
            <select
              id="optimize-price-direction"
              className="input select"
              value={form.direction}
              disabled={form.ending === ''}
              onChange={(e) => set({ direction: e.target.value as PriceDirection })}
              data-testid="optimize-price-direction"
            >
              {(Object.keys(DIRECTION_LABELS) as PriceDirection[]).map((d) => (
                <option key={d} value={d}>
                  {DIRECTION_LABELS[d]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="optimize-price-min" className="field-label">
              Minimum
            </label>
            <input id="optimize-price-min" className="input" inputMode="decimal" placeholder="none" value={form.min} onChange={(e) => set({ min: e.target.value })} data-testid="optimize-price-min" />
          </div>
          <div className="field">
            <label htmlFor="optimize-price-max" className="field-label">
              Maximum
            </label>
            <input id="optimize-price-max" className="input" inputMode="decimal" placeholder="none" value={form.max} onChange={(e) => set({ max: e.target.value })} data-testid="optimize-price-max" />
          </div>
        </div>
      )}
    </fieldset>
  );
}
