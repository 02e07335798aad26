import { writesBack } from '../kept-columns.js';
import { valueOrUnknown } from '../known-value.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget } from '../target.js';
import { charLength, present } from '../text-fit.js';
import { optionNames, optionValues, totalQuantity, withNamedVariants } from './shared.js';

const TAG_ALLOWED = /^[\p{L}\p{Nd} '\-™©®]+$/u;
const MATERIAL_ALLOWED = /^[\p{L}\p{Nd} ]+$/u;
const TITLE_START = /^[\p{L}\p{Nd}]/u;

const columns: Column[] = [
  { key: 'title', header: 'TITLE', type: 'text', always: true },
  { key: 'description', header: 'DESCRIPTION', type: 'text' },
  { key: 'price', header: 'PRICE', type: 'number' },
  { key: 'currency', header: 'CURRENCY_CODE', type: 'text' },
  { key: 'quantity', header: 'QUANTITY', type: 'number' },
  { key: 'tags', header: 'TAGS', type: 'text' },
  { key: 'materials', header: 'MATERIALS', type: 'text' },
  ...Array.from({ length: LIMITS.etsy.images }, (_, i): Column => ({ key: `image${i + 1}`, header: `IMAGE${i + 1}`, type: 'text' })),
  ...[1, 2].flatMap((n): Column[] => [
    // The property Etsy files it under (Color, Size…), when the file had one apart from the name, wins.
    { key: `variation${n}Type`, header: `VARIATION ${n} TYPE`, type: 'text', derived: true },
    { key: `variation${n}Name`, header: `VARIATION ${n} NAME`, type: 'text' },
    { key: `variation${n}Values`, header: `VARIATION ${n} VALUES`, type: 'text' },
  ]),
  { key: 'sku', header: 'SKU', type: 'text' },
  { key: 'listingId', header: 'LISTING_ID', type: 'text' },
];

/** Etsy writes spaces inside tags and materials as underscores, commas between them. */
const etsyList = (items: readonly string[]): string => items.map((item) => item.replace(/ /g, '_')).join(',');

/** The Etsy importer keeps a SKU cell listing several variant SKUs as this attribute. */
const VARIANT_SKUS = 'Variant SKUs';

/**
 * Etsy "Download CSV" layout. Etsy requires a title, description, price and quantity to create a
 * listing: a listing without one is skipped. Title over 140 characters or not starting with a
 * letter or digit: skipped (never cut). Tags: at most 13 of at most 20 allowed characters — extra
 * or invalid tags are dropped and listed (a listing read from an Etsy download keeps all it had there); likewise materials and images beyond 10. Variations are
 * written as Etsy's CSV holds them: up to two properties with their values (no per-variant price,
 * quantity or SKU — the preview says so when variants have their own).
 */
export const etsyTarget: ExportTarget = {
  format: 'etsy',
  kind: 'csv',
  bom: true,
  extension: 'csv',
  columns,
  // Without Etsy's listing id, a re-import knows a listing by its SKU.
  keys: (listing) => ({ column: 'SKU', marketplace: 'Etsy', values: listing.marketplace === 'etsy' && present(listing.sourceId) ? [] : [listing.sku ?? ''], noteOnly: true }),
  check(original): Checked {
    const changes: Change[] = [];
    const listing = withNamedVariants(original, changes);
    if (charLength(listing.title) > LIMITS.etsy.title) return { ok: false, column: 'TITLE', reason: `Title is ${charLength(listing.title)} characters; Etsy allows ${LIMITS.etsy.title}.` };
    if (!TITLE_START.test(listing.title)) return { ok: false, column: 'TITLE', reason: 'Etsy titles must start with a letter or digit.' };
    if (!present(listing.description)) return { ok: false, column: 'DESCRIPTION', reason: 'Etsy requires a description.' };
    if (listing.priceMinor === null) return { ok: false, column: 'PRICE', reason: 'Etsy requires a price.' };
    if (totalQuantity(listing) === null) return { ok: false, column: 'QUANTITY', reason: 'Etsy requires a quantity.' };
    if (optionNames(listing.variants).length > LIMITS.etsy.variations) {
      return { ok: false, column: 'VARIATION 1 TYPE', reason: `Its variants vary by ${optionNames(listing.variants).length} properties; Etsy allows ${LIMITS.etsy.variations}.` };
    }
    if (listing.variants.some((variant) => variant.sku !== null || variant.priceMinor !== null || variant.quantity !== null)) {
      changes.push({ column: 'VARIATION 1 VALUES', message: `Etsy's CSV lists variation values only: its ${listing.variants.length} variants' own SKUs, prices and quantities are not written (the listing's total quantity is).` });
    }
    const tags: string[] = [];
    // A listing read from an Etsy download goes back with every tag it had there: older downloads
    // list the category's words among the tags (14 or more), and a re-import must not lose them.
    const ownDownload = writesBack(listing, 'etsy');
    if (ownDownload && listing.tags.length > LIMITS.etsy.tags) {
      changes.push({ column: 'TAGS', message: `${listing.tags.length} tags, as its Etsy download had them; Etsy takes ${LIMITS.etsy.tags} in a listing.` });
    }
    for (const tag of listing.tags) {
      // Etsy's own downloads hold longer ones (`décoration intérieure`, `Bracelet de naissance`: 21): kept, as Etsy has them.
      if (charLength(tag) > LIMITS.etsy.tagLength && ownDownload) {
        changes.push({ column: 'TAGS', message: `Tag "${tag}" is ${charLength(tag)} characters, as its Etsy download had it; Etsy's tags are at most ${LIMITS.etsy.tagLength}.` });
        tags.push(tag);
      } else if (charLength(tag) > LIMITS.etsy.tagLength) changes.push({ column: 'TAGS', message: `Tag "${tag}" is longer than ${LIMITS.etsy.tagLength} characters; left out.` });
      else if (!TAG_ALLOWED.test(tag)) changes.push({ column: 'TAGS', message: `Tag "${tag}" has characters Etsy does not allow in tags; left out.` });
      else if (tags.length >= LIMITS.etsy.tags && !ownDownload) changes.push({ column: 'TAGS', message: `Tag "${tag}" is past Etsy's ${LIMITS.etsy.tags}; left out.` });
      else tags.push(tag);
    }
    const materials = listing.materials.filter((material) => {
      const ok = MATERIAL_ALLOWED.test(material);
      if (!ok) changes.push({ column: 'MATERIALS', message: `Material "${material}" has characters Etsy does not allow (letters, digits, spaces only); left out.` });
      return ok;
    });
    if (listing.images.length > LIMITS.etsy.images) changes.push({ column: 'IMAGE10', message: `${listing.images.length - LIMITS.etsy.images} images past the ${LIMITS.etsy.images} an Etsy CSV holds are left out.` });
    const images = listing.images.slice(0, LIMITS.etsy.images);
    const fitted = tags.length !== listing.tags.length || materials.length !== listing.materials.length || images.length !== listing.images.length;
    return { ok: true, listing: fitted ? { ...listing, tags, materials, images } : listing, changes };
  },
  rows(listing) {
    const cells: Record<string, Cell> = {
      title: listing.title,
      description: listing.description,
      price: formatMinor(listing.priceMinor!, listing.currency),
      currency: listing.currency,
      quantity: totalQuantity(listing),
      tags: valueOrUnknown(listing, 'tags', listing.tags.length > 0 ? etsyList(listing.tags) : null),
      materials: valueOrUnknown(listing, 'materials', listing.materials.length > 0 ? etsyList(listing.materials) : null),
      sku: valueOrUnknown(listing, 'sku', listing.sku ?? listing.attributes[VARIANT_SKUS] ?? null),
      // Etsy's own id, so a re-import matches the listing it came from.
      listingId: listing.marketplace === 'etsy' && present(listing.sourceId) ? listing.sourceId : undefined,
    };
    for (let i = 0; i < LIMITS.etsy.images; i++) cells[`image${i + 1}`] = listing.images[i] ?? (i === 0 ? valueOrUnknown(listing, 'images', null) : undefined);
    const names = optionNames(listing.variants);
    for (let n = 1; n <= 2; n++) {
      const name = names[n - 1];
      cells[`variation${n}Type`] = name;
      cells[`variation${n}Name`] = name;
      cells[`variation${n}Values`] = name === undefined ? undefined : optionValues(listing.variants, name).join(',');
    }
    return [{ cells, listingRow: true }];
  },
};

