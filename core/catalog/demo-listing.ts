import type { ListingStatus, Marketplace } from '../../common/listing.js';
import {
  CATEGORY_PROFILES,
  CONDITIONS_NEW,
  CONDITIONS_USED,
  DESCRIPTION_DETAILS,
  DESCRIPTION_OPENERS,
  GENERIC_TAGS,
  PROMO_FILLER,
  VINTAGE_DETAILS,
  type CategoryProfile,
} from './demo-vocabulary.js';
import type { NewListing, NewVariant } from './insert-listings.js';
import type { SeededRandom } from './seeded-random.js';

const MARKETPLACE_SHARE: readonly (readonly [Marketplace, number])[] = [
  ['etsy', 26],
  ['ebay', 24],
  ['amazon', 15],
  ['shopify', 15],
  ['woocommerce', 8],
  ['google', 7],
  ['other', 5],
];

const STATUS_SHARE: readonly (readonly [ListingStatus, number])[] = [
  ['active', 78],
  ['draft', 7],
  ['inactive', 5],
  ['sold_out', 6],
  ['archived', 4],
];

const CURRENCY_SHARE: readonly (readonly [string, number])[] = [
  ['USD', 85],
  ['GBP', 6],
  ['EUR', 6],
  ['CAD', 3],
];

const PROFILE_SHARE = CATEGORY_PROFILES.map((profile) => [profile, profile.weight] as const);

const DAY_MS = 86_400_000;
const TWO_YEARS_MS = 730 * DAY_MS;

/**
 * One believable listing. `sequence` is unique per listing in the catalog: it makes marketplace
 * ids unique (the (marketplace, source_id) index) and picks stable image seeds. Everything else
 * comes from `rng`, so the same seed and start give the same catalog.
 */
export function makeDemoListing(rng: SeededRandom, sequence: number, now: number): NewListing {
  const profile = rng.weighted(PROFILE_SHARE);
  const marketplace = rng.weighted(MARKETPLACE_SHARE);
  const adjective = rng.pick(profile.adjectives);
  const noun = rng.pick(profile.nouns);
  const material = rng.pick(profile.materials);
  const brand = rng.chance(0.85) ? rng.pick(profile.brands) : null;
  const tags = makeTags(rng, profile);
  const sku = rng.chance(0.9) ? `${profile.skuPrefix}-${String(sequence).padStart(7, '0')}` : null;
  const title = makeTitle(rng, profile, marketplace, { adjective, noun, material, brand });
  const status = rng.weighted(STATUS_SHARE);
  const createdAt = now - Math.floor(rng.next() * TWO_YEARS_MS);
  const updatedAt = createdAt + Math.floor(rng.next() * (now - createdAt));
  const priceMinor = rng.chance(0.01) ? null : makePrice(rng, profile);

  return {
    marketplace,
    sourceId: makeSourceId(marketplace, sequence, title, sku),
    sku,
    title,
    description: makeDescription(rng, profile, { adjective, noun, material, brand: brand ?? 'our studio', tag: tags[0] ?? 'gift' }),
    priceMinor,
    currency: rng.weighted(CURRENCY_SHARE),
    quantity: status === 'sold_out' ? 0 : rng.chance(0.05) ? null : rng.weighted(QUANTITY_SHARE)(rng),
    tags,
    materials: rng.sample(profile.materials, rng.int(1, 3)),
    images: makeImages(rng, sequence),
    category: profile.category,
    brand,
    condition: profile.vintage || (marketplace === 'ebay' && rng.chance(0.15)) ? rng.weighted(CONDITIONS_USED) : rng.weighted(CONDITIONS_NEW),
    attributes: makeAttributes(rng, profile),
    variants: makeVariants(rng, profile, sku, priceMinor),
    status,
    createdAt,
    updatedAt,
  };
}

const QUANTITY_SHARE: readonly (readonly [(rng: SeededRandom) => number, number])[] = [
  [() => 1, 30],
  [(rng) => rng.int(2, 10), 45],
  [(rng) => rng.int(11, 100), 20],
  [(rng) => rng.int(101, 2000), 5],
];

interface TitleWords {
  adjective: string;
  noun: string;
  material: string;
  brand: string | null;
}

function makeTitle(rng: SeededRandom, profile: CategoryProfile, marketplace: Marketplace, words: TitleWords): string {
  const parts: string[] = [];
  if (words.brand && (marketplace === 'amazon' || profile.vintage || rng.chance(0.15))) parts.push(words.brand);
  parts.push(words.adjective);
  if (rng.chance(0.7)) parts.push(words.material);
  parts.push(words.noun);
  let title = parts.join(' ');

  // eBay and Amazon sellers stuff keywords; some of these titles run past eBay's 80 characters.
  const keywordHeavy = marketplace === 'ebay' || marketplace === 'amazon' ? 0.7 : 0.3;
  if (rng.chance(keywordHeavy)) {
    const separator = rng.pick([' - ', ', ', ' | ', ' ']);
    title += separator + rng.sample(profile.extras, rng.int(1, 3)).join(separator);
  }
  if (rng.chance(0.05)) title = rng.chance(0.5) ? `${rng.pick(PROMO_FILLER)} ${title}` : `${title} ${rng.pick(PROMO_FILLER)}`;
  if (rng.chance(0.03)) title = title.toUpperCase();
  return title;
}

function makeTags(rng: SeededRandom, profile: CategoryProfile): string[] {
  const count = rng.int(3, 13);
  const fromProfile = rng.sample(profile.tags, Math.min(count, profile.tags.length));
  const tags = new Set(fromProfile);
  for (const tag of rng.sample(GENERIC_TAGS, count - fromProfile.length)) tags.add(tag);
  return [...tags];
}

function makePrice(rng: SeededRandom, profile: CategoryProfile): number {
  const [min, max] = profile.price;
  // Skewed toward the cheap end, as real catalogs are; then a retail ending (.99, .00, .50, .95).
  const raw = min + (max - min) * rng.next() ** 2;
  const whole = Math.floor(raw / 100);
  return whole * 100 + rng.pick([99, 99, 0, 50, 95]);
}

interface DescriptionWords {
  adjective: string;
  noun: string;
  material: string;
  brand: string;
  tag: string;
}

function makeDescription(rng: SeededRandom, profile: CategoryProfile, words: DescriptionWords): string {
  const fill = (template: string): string => template.replace(/\{(\w+)\}/g, (_, key: keyof DescriptionWords) => words[key]);
  const sentences = [fill(rng.pick(DESCRIPTION_OPENERS)).replace(/^A ([AEIOU])/, 'An $1')];
  const details = profile.vintage ? [...VINTAGE_DETAILS, ...DESCRIPTION_DETAILS] : DESCRIPTION_DETAILS;
  for (const detail of rng.sample(details, rng.int(1, 4))) sentences.push(fill(detail));

  // Some sources (eBay, WooCommerce exports) carry simple HTML; keep a share of it.
  if (rng.chance(0.2)) {
    const [first, ...rest] = sentences;
    return `<p>${first}</p><ul>${rest.map((sentence) => `<li>${sentence}</li>`).join('')}</ul>`;
  }
  if (rng.chance(0.1)) return sentences.map((sentence) => `<p>${sentence}</p>`).join('');
  return sentences.join(' ');
}

function makeAttributes(rng: SeededRandom, profile: CategoryProfile): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, values] of Object.entries(profile.attributes)) {
    if (rng.chance(0.8)) attributes[name] = rng.pick(values);
  }
  return attributes;
}

function makeImages(rng: SeededRandom, sequence: number): string[] {
  const count = rng.int(1, 5);
  const images: string[] = [];
  for (let i = 0; i < count; i++) images.push(`https://picsum.photos/seed/${sequence * 5 + i}/600`);
  return images;
}

function makeVariants(rng: SeededRandom, profile: CategoryProfile, sku: string | null, priceMinor: number | null): NewVariant[] {
  if (!profile.variants || !rng.chance(profile.variants.share)) return [];
  // Up to two axes, two or three values on each: at most 9 combinations.
  const axes = Object.entries(profile.variants.axes).map(([name, values]) => ({
    name,
    values: rng.sample(values, rng.int(2, Math.min(values.length, 3))),
  }));
  let combinations: { name: string; value: string }[][] = [[]];
  for (const axis of axes) {
    combinations = combinations.flatMap((options) => axis.values.map((value) => [...options, { name: axis.name, value }]));
  }
  return combinations.map((options, index) => ({
    sku: sku ? `${sku}-${options.map((option) => option.value.replace(/[^A-Za-z0-9]/g, '').slice(0, 4).toUpperCase()).join('-')}` : null,
    options,
    // Larger sizes sometimes cost more; otherwise the variant inherits the listing price.
    priceMinor: priceMinor !== null && index > 3 && rng.chance(0.3) ? priceMinor + 200 : null,
    quantity: rng.int(0, 25),
    image: null,
  }));
}

function makeSourceId(marketplace: Marketplace, sequence: number, title: string, sku: string | null): string | null {
  switch (marketplace) {
    case 'ebay':
      return String(110_000_000_000 + sequence);
    case 'etsy':
      return String(1_000_000_000 + sequence);
    case 'amazon':
      return `B0${sequence.toString(36).toUpperCase().padStart(8, '0')}`;
    case 'shopify':
      return `${slug(title)}-${sequence}`;
    case 'woocommerce':
      return String(sequence);
    case 'google':
      return `online:en:US:${sku ?? `G${sequence}`}`;
    case 'other':
      return sequence % 3 === 0 ? null : `ROW-${sequence}`;
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
