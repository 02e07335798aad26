/**
 * Applies the seller's price rules: a fixed ending (.99, .95, .00) and a minimum and maximum. Every
 * rule is idempotent, so running the optimizer on its own output changes nothing. Prices are in
 * minor units; the reasons show them with two decimals. The seller set these rules, so a price that
 * breaks one is a failing rule like a marketplace's: each change fixes (and is named after) the
 * seller's rule — `seller.price.ending`, `seller.price.minimum`, `seller.price.maximum` — which is
 * how it earns its place in the proposal (issue 14 item 6) though no marketplace rule is involved.
 */
import type { Marketplace } from '../../common/listing.js';
import { ChangeLog } from './change-log.js';
import type { FieldProposal, PriceRules } from './proposal.js';

/** The seller's price rules, as rule ids the review shows beside each change. */
export const SELLER_RULES = { ending: 'seller.price.ending', minimum: 'seller.price.minimum', maximum: 'seller.price.maximum' } as const;

const shown = (minor: number): string => (minor / 100).toFixed(2);

/** The price with the ending closest to `price` in `direction`; never 0 or below. */
export function withEnding(price: number, ending: number, direction: NonNullable<PriceRules['direction']>): number {
  const below = Math.floor((price - ending) / 100) * 100 + ending;
  const above = below === price ? price : below + 100;
  let chosen = direction === 'up' ? above : direction === 'down' ? below : price - below <= above - price ? below : above;
  if (chosen <= 0) chosen = above > 0 ? above : ending > 0 ? ending : 100;
  return chosen;
}

/** The smallest price ≥ `min` with the ending (or `min` without one). */
function atLeast(min: number, ending: number | undefined): number {
  return ending === undefined ? min : withEnding(min, ending, 'up');
}

/** The largest price ≤ `max` with the ending (or `max` without one). */
function atMost(max: number, ending: number | undefined): number {
  return ending === undefined ? max : withEnding(max, ending, 'down');
}

function validEnding(ending: number | undefined): number | undefined {
  return ending !== undefined && Number.isInteger(ending) && ending >= 0 && ending <= 99 ? ending : undefined;
}

export function optimizePrice(price: number | null, rules: PriceRules | undefined, marketplace: Marketplace): FieldProposal<'price'> | null {
  if (rules === undefined || price === null) return null;
  const log = new ChangeLog('price', marketplace, price);
  const ending = validEnding(rules.ending);
  const { minPriceMinor: min, maxPriceMinor: max } = rules;

  if (ending !== undefined && price > 0) {
    const next = withEnding(price, ending, rules.direction ?? 'nearest');
    log.record(SELLER_RULES.ending, next, `Changed ${shown(price)} to ${shown(next)}: your price rule ends prices in .${String(ending).padStart(2, '0')}.`, SELLER_RULES.ending);
  }
  const current = log.value ?? price;
  if (min !== undefined && Number.isFinite(min) && current < min) {
    const next = atLeast(min, ending);
    log.record(SELLER_RULES.minimum, next, `Raised ${shown(current)} to ${shown(next)}: your minimum price is ${shown(min)}.`, SELLER_RULES.minimum);
  }
  const afterMin = log.value ?? price;
  if (max !== undefined && Number.isFinite(max) && (min === undefined || max >= min) && afterMin > max) {
    const next = atMost(max, ending);
    if (min === undefined || next >= min) log.record(SELLER_RULES.maximum, next, `Lowered ${shown(afterMin)} to ${shown(next)}: your maximum price is ${shown(max)}.`, SELLER_RULES.maximum);
  }
  return log.proposal();
}
