import type { Marketplace } from '../../common/listing.js';
import type { RuleInput } from '../../common/rules/index.js';
import { parseStringArray, parseStringRecord, type ListingRow } from './listing-codec.js';

/**
 * A listing as the rules engine and the optimizer read it, straight from the `listing_rows` view:
 * the one column list and decoder shared by rescoring, the optimizer's readers and the benches.
 */
const RULE_INPUT_COLUMN_NAMES = [
  'id',
  'marketplace',
  'title',
  'description',
  'price_minor',
  'quantity',
  'sku',
  'brand',
  'condition',
  'category',
  'tags',
  'materials',
  'images',
  'attributes',
] as const satisfies readonly (keyof ListingRow)[];

export const RULE_INPUT_COLUMNS = RULE_INPUT_COLUMN_NAMES.join(', ');

export type RuleInputRow = Pick<ListingRow, (typeof RULE_INPUT_COLUMN_NAMES)[number]>;

export type RuleInputListing = RuleInput & { id: number; marketplace: Marketplace; category: string | null };

export function ruleInputFromRow(row: RuleInputRow): RuleInputListing {
  return {
    id: row.id,
    marketplace: row.marketplace,
    title: row.title,
    description: row.description,
    priceMinor: row.price_minor,
    quantity: row.quantity,
    sku: row.sku,
    brand: row.brand,
    condition: row.condition,
    category: row.category,
    tags: parseStringArray(row.tags),
    materials: parseStringArray(row.materials),
    images: parseStringArray(row.images),
    attributes: parseStringRecord(row.attributes),
  };
}
