/**
 * Amazon's current templates and Category Listings Report (since about 2023) name their columns by
 * attribute path — `contribution_sku#1.value`, `item_name[marketplace_id=APJ6JRA9NG5V4][language_tag=it_IT]#1.value`,
 * `purchasable_offer[marketplace_id=…][audience=ALL]#1.our_price#1.schedule#1.value_with_tax` — where
 * the older flat files said `item_sku`, `item_name`, `standard_price`. The flat-file reader looks
 * columns up by the older names; this gives the older name for a path, so one reader reads both.
 * The file's own headers stay what the seller sees and what kept columns are stored under.
 */

/** Paths without their marketplace and language qualifiers (the audience stays: `ALL` is the shop price, `BZR` the business price). */
const FLAT_FILE_NAMES: Readonly<Record<string, string>> = {
  'contribution_sku#1.value': 'item_sku',
  // Vendor Central's template: the vendor's SKU, and the product id under its older path.
  'vendor_sku#1.value': 'item_sku',
  'external_product_id#1.value': 'external_product_id',
  'external_product_id#1.type': 'external_product_id_type',
  '::record_action': 'update_delete',
  // The Category Listings Report's read-only columns: the title Amazon shows (when the seller's own
  // item_name is blank, as on an offer for another brand's ASIN) and the listing's state.
  '::title': 'amazon_title',
  '::listing_status': 'listing_status',
  'product_type#1.value': 'feed_product_type',
  'item_name#1.value': 'item_name',
  'brand#1.value': 'brand_name',
  'product_description#1.value': 'product_description',
  'generic_keyword#1.value': 'generic_keywords',
  'item_type_keyword#1.value': 'item_type',
  'externally_assigned_product_identifier#1.value': 'external_product_id',
  'externally_assigned_product_identifier#1.type': 'external_product_id_type',
  'amzn1.volt.ca.product_id_value': 'external_product_id',
  'amzn1.volt.ca.product_id_type': 'external_product_id_type',
  'merchant_suggested_asin#1.value': 'asin1',
  'condition_type#1.value': 'condition_type',
  'purchasable_offer[audience=ALL]#1.our_price#1.schedule#1.value_with_tax': 'standard_price',
  'purchasable_offer[audience=ALL]#1.currency': 'currency',
  'list_price#1.value_with_tax': 'list_price',
  'list_price#1.value': 'list_price',
  'fulfillment_availability#1.quantity': 'quantity',
  'main_product_image_locator#1.media_location': 'main_image_url',
  'parentage_level#1.value': 'parent_child',
  'child_parent_sku_relationship#1.parent_sku': 'parent_sku',
  'child_parent_sku_relationship#1.child_relationship_type': 'relationship_type',
  'variation_theme#1.name': 'variation_theme',
  'color#1.value': 'color_name',
  'size#1.value': 'size_name',
  'style#1.value': 'style_name',
  'material#1.value': 'material_type',
  'flavor#1.value': 'flavor_name',
  'pattern#1.value': 'pattern_name',
  'manufacturer#1.value': 'manufacturer',
  'part_number#1.value': 'part_number',
  'model_number#1.value': 'model',
  'model_name#1.value': 'model_name',
  'country_of_origin#1.value': 'country_of_origin',
  'department#1.value': 'department_name',
  'metal_type#1.value': 'metal_type',
  'target_gender#1.value': 'target_gender',
  'recommended_browse_nodes#1.value': 'recommended_browse_nodes',
};

/** `[marketplace_id=…]` and `[language_tag=…]`: the marketplace is one per file, the language one per column. */
const PLACE_QUALIFIERS = /\[(marketplace_id|language_tag)=[^\]]*\]/g;

/** The path without its marketplace and language: how the settings row's drop-down aliases name columns. */
export const withoutPlace = (header: string): string => header.trim().replace(PLACE_QUALIFIERS, '');

/** Is `header` an attribute path (`…#1.value`, `::record_action`) rather than a flat-file name? */
export const isAttributePath = (header: string): boolean => /#\d+(\.|$)/.test(header) || /^::[a-z_]+$/.test(header.trim());

/** The flat-file column name for an attribute path, or null (not a path, or one with no older name). */
export function flatFileNameOf(header: string): string | null {
  const path = withoutPlace(header);
  const known = FLAT_FILE_NAMES[path];
  if (known !== undefined) return known;
  const bullet = /^bullet_point#(\d+)\.value$/.exec(path);
  if (bullet) return `bullet_point${bullet[1]}`;
  const other = /^other_product_image_locator_(\d+)#1\.media_location$/.exec(path);
  if (other) return `other_image_url${other[1]}`;
  return null;
}

/** The marketplace a path names (`APJ6JRA9NG5V4`), or null. */
export function marketplaceOf(header: string): string | null {
  return /\[marketplace_id=([A-Z0-9]+)\]/.exec(header)?.[1] ?? null;
}

/**
 * Keys Amazon's files spell either way: with the marketplace (`condition_type[marketplace_id=…]#1.value`,
 * the category templates of amazon.de and .com) or without (`condition_type#1.value`, the Amazon.it
 * offer loader). A layout names those its file wrote without, so they go back as they came.
 */
const PLACE_OPTIONAL = ['condition_type#1.value'];

/**
 * How a listing from a current template goes back (its `source.layout`): `attributes:` + the
 * marketplace + the language of its text columns (`attributes:APJ6JRA9NG5V4:it_IT`), either part
 * empty when the file does not say, then `:plain=` + the PLACE_OPTIONAL keys the file has without
 * a marketplace (`:plain=condition_type#1.value`), when it has any.
 */
export function attributeLayout(header: readonly string[], marketplaceId: string | null): string {
  const marketplace = marketplaceId ?? header.map(marketplaceOf).find((id) => id !== null) ?? '';
  const language = header.map((h) => /\[language_tag=([A-Za-z_-]+)\]/.exec(h)?.[1]).find((tag) => tag !== undefined) ?? '';
  const plain = PLACE_OPTIONAL.filter((key) => header.some((h) => h.trim() === key));
  return `attributes:${marketplace}:${language}${plain.length > 0 ? `:plain=${plain.join(',')}` : ''}`;
}

/** The marketplace, language and plain keys of an `attributes:` layout, or null for any other layout. */
export function parseAttributeLayout(layout: string | undefined): { marketplace: string; language: string; plain: readonly string[] } | null {
  const m = /^attributes:([A-Z0-9]*):([A-Za-z_-]*)(?::plain=([^:]*))?$/.exec(layout ?? '');
  return m ? { marketplace: m[1]!, language: m[2]!, plain: m[3] ? m[3].split(',') : [] } : null;
}
