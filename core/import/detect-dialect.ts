import type { ImportDialect } from '../../common/import-types.js';
import { englishHeaders } from './canonical-headers.js';
import { Columns } from './listing-draft.js';
import { wooFieldKeysAsLabels } from './woocommerce-field-keys.js';

/**
 * Scores every table dialect from its headers (and preamble): half for how many of the dialect's
 * signature columns are present, half for how many of the file's columns the dialect knows.
 * Text formats (JSON, JSONL, XML) are told apart by their first characters.
 */

export type TextKind = 'xml' | 'json' | 'jsonl' | 'table';

export function sniffTextKind(head: string): TextKind {
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml|feed|rss|!--|[A-Za-z_][\w:.-]*[\s>])/.test(trimmed)) return 'xml';
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
    const first = lines[0] ?? '';
    if (lines.length > 1 && first.trim().endsWith('}')) {
      try {
        JSON.parse(first);
        return 'jsonl';
      } catch {
        /* a pretty-printed object */
      }
    }
    if (lines.length === 1) {
      try {
        JSON.parse(first);
        return /^\{\s*"(listings|products|items|data)"\s*:/.test(first) ? 'json' : 'jsonl';
      } catch {
        return 'json';
      }
    }
    return 'json';
  }
  return 'table';
}

interface Signature {
  dialect: ImportDialect;
  /** Each slot: alternative header names (keys are lower-cased). */
  slots: string[][];
  /** Slot indexes that must match, or the score is 0. */
  required: number[];
  /** Other sets of slots that stand in for `required` (any one set, all of its slots). */
  requiredInstead?: number[][];
  /** Other headers this dialect recognises (exact keys or patterns). */
  known?: (string | RegExp)[];
}

const SIGNATURES: Signature[] = [
  {
    dialect: 'shopify',
    slots: [['handle', 'url handle'], ['title'], ['body (html)', 'description'], ['variant sku', 'sku'], ['variant price', 'price'], ['image src', 'product image url'], ['option1 name'], ['vendor'], ['variant inventory qty', 'inventory quantity', 'variant inventory policy'], ['published', 'published on online store']],
    required: [0],
    known: [/^option\d (name|value|linked to)$/, /^variant /, /^image /, /^seo /, /^google shopping \//, /\(product\.metafields\./, /^(tags|type|product category|gift card|status|cost per item|barcode|compare-at price|charge tax|tax code|continue selling when out of stock|requires shipping|fulfillment service|inventory tracker|weight value \(grams\)|weight unit for display|variant image url|image position|image alt text|product image url)$/, /^(included|price|compare at price) \//, /^unit price /],
  },
  {
    dialect: 'etsy',
    slots: [['title', 'titolo'], ['description', 'descrizione'], ['price', 'prezzo'], ['currency_code'], ['quantity', 'quantità'], ['tags', 'tag'], ['materials', 'materiali'], ['image1', 'immagine1'], ['variation 1 type', 'tipo variante 1'], ['who_made'], ['when_made']],
    required: [0, 2],
    known: [/^(image|immagine)\d+$/, /^(variation|tipo variante|nome variante|valori variante) ?\d/, /^variation \d (type|name|values)$/, 'sku', 'is_supply', 'recipient', 'occasion', 'style', 'taxonomy_id', 'shipping_template_id', 'image_name', 'image_location', /^column \d+$/],
  },
  {
    dialect: 'etsy_api',
    slots: [['listing_id'], ['state'], ['title'], ['description'], ['price'], ['currency_code'], ['quantity'], ['tags'], ['materials'], ['taxonomy_path'], ['who_made'], ['when_made'], ['url']],
    required: [0, 2],
    known: [/_tsz$/, /^(sku|user_id|category_id|shop_section_id|featured_rank|views|num_favorers|shipping_template_id|processing_min|processing_max|is_supply|item_weight|item_weight_unit|item_length|item_width|item_height|item_dimensions_unit|is_private|style|non_taxable|is_customizable|is_digital|file_data|can_write_inventory|should_auto_renew|language|has_variations|taxonomy_id|used_manufacturer|is_vintage)$/, /^column 1$/],
  },
  {
    dialect: 'ebay_report',
    // Seller Hub reports, and the older File Exchange "active listings" download (Item ID, Item Title, Quantity Available…).
    slots: [['item number', 'itemid', 'item id'], ['title', 'item title'], ['custom label (sku)', 'custom label'], ['available quantity', 'quantity', 'quantity available'], ['start price', 'current price', 'price'], ['format', 'type'], ['currency', 'site listed'], ['variation details']],
    required: [0],
    known: ['description', /^column \d+$/, /^(sold quantity|watchers|bids|purchases|reserve price|auction buy it now price|start date|end date|condition|condition id|ebay category \d (name|number)|category (leaf name|number)|listing site|private notes|download date|product reference id|outofstockcontrol|product id (type|value( \d)?)|p:\w+)$/],
  },
  {
    dialect: 'ebay_seller_hub',
    // An upload whose Action header names no site (`Action`, not `Action(SiteID=US|…)`): a seller's own file.
    slots: [['action'], ['title'], ['custom label (sku)', 'customlabel'], ['category id', 'category', 'categoryid'], ['condition id', 'conditionid'], ['format'], ['duration'], ['start price', 'startprice', 'price', 'buy it now price'], ['quantity'], ['item photo url', 'picurl'], ['description'], ['relationship'], ['relationship details', 'relationshipdetails']],
    required: [0, 1],
    known: [/^(c|p|cd|cda|product):/, /^(item number|itemid|subtitle|upc|ean|isbn|mpn|category name|condition description|conditiondescription|best offer enabled|best offer auto accept price|minimum best offer price|location|shipping profile name|return profile name|payment profile name|immediate pay required|schedule time|videoid|storecategory)$/],
  },
  {
    dialect: 'amazon_flat_file',
    slots: [['item_sku'], ['item_name'], ['feed_product_type'], ['standard_price'], ['main_image_url'], ['update_delete'], ['brand_name'], ['product_description'], ['bullet_point1'], ['quantity']],
    required: [0],
    // Amazon's report columns (asin1, afn-fulfillable-quantity…) written back beside a flat file's own for report listings.
    known: [/^[a-z0-9_]+\d*$/, /^[a-z0-9]+(-[a-z0-9]+)+$/],
  },
  {
    dialect: 'amazon_all_listings',
    // amazon.co.jp's report names its columns in Japanese (出品者SKU is seller-sku).
    slots: [['item-name', '商品名'], ['item-description'], ['listing-id', '出品id'], ['seller-sku', '出品者sku'], ['price', '価格'], ['quantity', '数量'], ['open-date', '出品日'], ['image-url'], ['asin1', 'asin 1'], ['status', 'ステータス']],
    required: [3],
    known: [/^[a-z0-9-]+$/, /^asin \d$/, /[\u3040-\u30ff\u4e00-\u9fff]/],
  },
  {
    dialect: 'amazon_all_listings',
    // Amazon's FBA inventory report (sku, fnsku, asin, product-name, your-price, each offer's stock): read by the same reader.
    slots: [['sku'], ['fnsku'], ['asin'], ['product-name'], ['your-price'], ['condition'], ['mfn-listing-exists'], ['afn-listing-exists'], ['afn-fulfillable-quantity']],
    required: [0, 1, 3],
    known: [/^(mfn|afn)-[a-z-]+$/, /^[a-z0-9-]+$/],
  },
  {
    dialect: 'woocommerce',
    slots: [['id'], ['type'], ['sku'], ['name'], ['published'], ['is featured?'], ['visibility in catalog'], ['short description'], ['regular price'], ['sale price'], ['categories'], ['images'], ['parent']],
    required: [1, 3],
    // A seller who renamed or blanked the Type header (a real French export) still has SKU, Name and Parent.
    requiredInstead: [[2, 3, 12]],
    known: [/^attribute \d+ /, /^download \d+ /, /^meta: /, /^(weight|length|width|height) \(/, /\?$/, /^(description|date sale price (starts|ends)|tax status|tax class|stock|low stock amount|purchase note|tags|shipping class|download limit|download expiry days|grouped products|upsells|cross-sells|external url|button text|position|gtin, upc, ean, or isbn|cost of goods|brands)$/],
  },
  {
    dialect: 'google_merchant',
    slots: [['id', 'g:id'], ['title', 'g:title'], ['description', 'g:description'], ['link', 'g:link'], ['image_link', 'g:image_link', 'image link'], ['availability', 'g:availability'], ['price', 'g:price'], ['condition', 'g:condition'], ['brand', 'g:brand'], ['gtin', 'g:gtin'], ['mpn', 'g:mpn'], ['google_product_category', 'g:google_product_category', 'google product category']],
    required: [0, 4],
    known: [/^(g:)?[a-z_]+$/],
  },
  {
    dialect: 'wix',
    slots: [['handleid'], ['fieldtype'], ['name'], ['description'], ['productimageurl'], ['collection'], ['sku'], ['ribbon'], ['price'], ['surcharge'], ['visible'], ['inventory']],
    required: [0, 1],
    known: [/^productoption(name|type|description)\d$/, /^additionalinfo(title|description)\d$/, /^customtext(field|charlimit|mandatory)\d$/, /^(discountmode|discountvalue|weight|cost|brand)$/],
  },
];

export interface DialectScore {
  dialect: ImportDialect;
  confidence: number;
}

/**
 * All table dialects, best first; generic_csv is always a candidate. `sample`: the first data
 * rows, for evidence the headers alone do not give (WooCommerce's product types).
 */
export function detectTableDialect(header: readonly string[], preamble: readonly (readonly string[])[] = [], sample: readonly (readonly string[])[] = []): DialectScore[] {
  const first = (preamble[0]?.[0] ?? '').trim();
  // `settings=…`: Amazon's current templates and Category Listings Report, read by the flat-file reader.
  if (/^TemplateType=/i.test(first) || /^settings=/i.test(first)) return [{ dialect: 'amazon_flat_file', confidence: 1 }, { dialect: 'generic_csv', confidence: 0.2 }];
  if (/^\*?action\(/i.test((header[0] ?? '').trim())) return [{ dialect: 'ebay_seller_hub', confidence: 1 }, { dialect: 'generic_csv', confidence: 0.2 }];
  const scores: DialectScore[] = [];
  for (const sig of SIGNATURES) {
    // Headers written in the seller's admin language (WooCommerce) count as their English ones.
    // WooCommerce's field keys (`regular_price`…) count as its labels when its product types say it is WooCommerce's.
    const named = sig.dialect === 'woocommerce' ? wooFieldKeysAsLabels(header, sample) : header;
    const keys = englishHeaders(sig.dialect, named).map((h) => Columns.key(h));
    const present = new Set(keys);
    const real = keys.filter((k) => !/^column \d+$/.test(k));
    const matched = sig.slots.map((alts) => alts.some((a) => present.has(a)));
    const allMatch = (slots: number[]): boolean => slots.every((i) => matched[i]);
    if (!allMatch(sig.required) && !(sig.requiredInstead ?? []).some(allMatch)) continue;
    const slotNames = new Set(sig.slots.flat());
    const knownCount = real.filter((k) => slotNames.has(k) || (sig.known ?? []).some((p) => (typeof p === 'string' ? p === k : p.test(k)))).length;
    const coverage = real.length > 0 ? knownCount / real.length : 0;
    const signature = matched.filter(Boolean).length / sig.slots.length;
    scores.push({ dialect: sig.dialect, confidence: Math.round((0.5 * signature + 0.5 * coverage) * 100) / 100 });
  }
  if (preamble.some((row) => /^#?info/i.test((row[0] ?? '').trim())) && header.some((h) => /^\*?action/i.test(h.trim()))) {
    scores.push({ dialect: 'ebay_seller_hub', confidence: 0.95 });
  }
  scores.push({ dialect: 'generic_csv', confidence: 0.3 });
  scores.sort((a, b) => b.confidence - a.confidence);
  return scores;
}
