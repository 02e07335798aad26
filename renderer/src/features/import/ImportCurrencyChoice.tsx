import { DEFAULT_CURRENCY_CHOICES, DIALECT_LABELS, type ImportPreview } from '../../../../common/import-types.js';
import { useApp } from '../../store/context.js';
import { importCurrencyChoice, type ImportCurrencySource } from './import-slice.js';
import { currencyLabel } from './import-labels.js';

/**
 * "Prices in this file are in", asked only when the previewed listings (some or all) carry no
 * currency of their own: Shopify and WooCommerce exports never do, and a guess would silently store
 * wrong prices. Pre-filled from a hint in the file, else the last choice for the format, else empty
 * (the import waits for an answer); the note under it says which, and names a suggestion the seller
 * must confirm (a Shopify primary market's currency) without pre-filling it.
 */
export function ImportCurrencyChoice({ preview, disabled }: { preview: ImportPreview; disabled: boolean }) {
  const chosen = useApp((s) => s.importWizard.currency);
  const setCurrency = useApp((s) => s.setImportCurrency);
  if (preview.currencyInFile) return null;
  const choice = importCurrencyChoice({ currency: chosen }, preview.dialect, preview.currencyHint);
  const value = choice?.code ?? '';
  // The file's suggestion (not pre-filled) leads the list, so confirming it is one pick.
  const suggested = preview.currencyHint?.toConfirm === true ? preview.currencyHint.code : '';
  const choices = [...new Set([value, suggested, ...DEFAULT_CURRENCY_CHOICES].filter((code) => code !== ''))];
  const someStated = preview.listings.some((l) => l.currencyFromFile);
  return (
    <div className="field" data-testid="import-currency" data-source={choice?.source ?? 'none'}>
      <label htmlFor="import-currency" className="field-label">
        Prices in this file are in
      </label>
      <div className="field-inline">
        <select
          id="import-currency"
          className={`input select${value === '' ? ' input-attention' : ''}`}
          data-testid="import-currency-select"
          aria-describedby="import-currency-hint"
          aria-invalid={value === ''}
          value={value}
          disabled={disabled}
          onChange={(e) => setCurrency(e.target.value)}
        >
          {value === '' && <option value="">Choose the currency…</option>}
          {choices.map((code) => (
            <option key={code} value={code}>
              {currencyLabel(code)}
            </option>
          ))}
        </select>
        <span id="import-currency-hint" className="muted" data-testid="import-currency-hint">
          {currencyNote(choice?.source ?? null, preview, someStated)}
        </span>
      </div>
    </div>
  );
}

function currencyNote(source: ImportCurrencySource | null, preview: ImportPreview, someStated: boolean): string {
  const which = someStated ? 'For the prices that carry no currency: ' : '';
  switch (source) {
    case 'hint':
      return `${which}From the file: ${preview.currencyHint?.reason ?? 'its marketplace'}.`;
    case 'remembered':
      return `${which}Your choice for the last ${DIALECT_LABELS[preview.dialect] ?? preview.dialect} file; the file itself does not say.`;
    case 'chosen':
      return `${which}Your choice; the file does not say.`;
    default: {
      const hint = preview.currencyHint;
      if (hint?.toConfirm === true) return `${which}The file does not say; it suggests ${hint.code} (${hint.reason}). Choose it to confirm, or another currency.`;
      return `${which}The file does not say; Listsmith cannot guess. Choose it to import.`;
    }
  }
}
