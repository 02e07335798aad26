import type { PriceRulesInput } from '../../../../common/job-types.js';
import type { Marketplace } from '../../../../common/listing.js';
import { readRemembered, remember } from '../../io/remembered.js';

/* ----------------------------------------------------------------------------------------------
 * The seller's price rules as the Optimize dialog edits them (text fields, as typed), turned into
 * the contract's PriceRules, and remembered per marketplace in localStorage: a seller who prices
 * Etsy at .99 and eBay at .95 sets that up once.
 * -------------------------------------------------------------------------------------------- */

export const PRICE_ENDINGS = ['', '99', '95', '00'] as const;
export type PriceEnding = (typeof PRICE_ENDINGS)[number];
export type PriceDirection = NonNullable<PriceRulesInput['direction']>;

export interface PriceRulesForm {
  enabled: boolean;
  /** '' = keep the cents. */
  ending: PriceEnding;
  direction: PriceDirection;
  /** As typed, in the listing's currency ("4.50"); '' = none. */
  min: string;
  max: string;
}

export const DEFAULT_PRICE_RULES: PriceRulesForm = { enabled: false, ending: '99', direction: 'nearest', min: '', max: '' };

const STORAGE_KEY = 'listsmith.optimize.priceRules.v1';

/** "12", "12.5", "12,50" → minor units; null when it is not a price. */
export function parsePrice(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** The form as the contract's rules, or a message to show; rules are undefined when switched off or empty. */
export function toPriceRules(form: PriceRulesForm): { rules?: PriceRulesInput; error?: string } {
  if (!form.enabled) return {};
  const rules: PriceRulesInput = {};
  if (form.ending !== '') {
    rules.ending = Number(form.ending);
    rules.direction = form.direction;
  }
  if (form.min.trim() !== '') {
    const min = parsePrice(form.min);
    if (min === null) return { error: `“${form.min}” is not a price. Write it like 4.50.` };
    rules.minPriceMinor = min;
  }
  if (form.max.trim() !== '') {
    const max = parsePrice(form.max);
    if (max === null) return { error: `“${form.max}” is not a price. Write it like 120.00.` };
    rules.maxPriceMinor = max;
  }
  if (rules.minPriceMinor !== undefined && rules.maxPriceMinor !== undefined && rules.minPriceMinor > rules.maxPriceMinor) {
    return { error: 'The minimum price is above the maximum price.' };
  }
  return Object.keys(rules).length === 0 ? {} : { rules };
}

/** The rules last used for a marketplace (defaults when none, or when what is stored looks wrong). */
export function rememberedPriceRules(marketplace: Marketplace): PriceRulesForm {
  const saved = readRemembered(STORAGE_KEY)[marketplace] as Partial<PriceRulesForm> | undefined;
  if (saved === undefined || typeof saved !== 'object' || saved === null) return DEFAULT_PRICE_RULES;
  return {
    enabled: saved.enabled === true,
    ending: (PRICE_ENDINGS as readonly unknown[]).includes(saved.ending) ? (saved.ending as PriceEnding) : DEFAULT_PRICE_RULES.ending,
    direction: saved.direction === 'up' || saved.direction === 'down' ? saved.direction : 'nearest',
    min: typeof saved.min === 'string' ? saved.min : '',
    max: typeof saved.max === 'string' ? saved.max : '',
  };
}

export function rememberPriceRules(marketplace: Marketplace, form: PriceRulesForm): void {
  remember(STORAGE_KEY, { ...readRemembered(STORAGE_KEY), [marketplace]: form });
}
