import type { Listing } from '../../../common/listing.js';
import { isFormulaLike } from '../cells.js';
import { LIMITS } from '../limits.js';
import { formatMinor } from '../money.js';
import type { Cell, Change, Checked, Column, ExportTarget } from '../target.js';
import { charLength, present, truncateAtWord } from '../text-fit.js';
import { variantsNotExported } from './shared.js';

const columns: Column[] = [
  { key: 'id', header: 'id', type: 'text', always: true },
  { key: 'title', header: 'title', type: 'text', always: true },
  { key: 'description', header: 'description', type: 'text' },
  { key: 'link', header: 'link', type: 'text' },
  { key: 'image_link', header: 'image_link', type: 'text' },
  { key: 'additional_image_link', header: 'additional_image_link', type: 'text' },
  { key: 'availability', header: 'availability', type: 'text', always: true },
  { key: 'price', header: 'price', type: 'text' },
  { key: 'condition', header: 'condition', type: 'text' },
  { key: 'brand', header: 'brand', type: 'text' },
  { key: 'structured_title', header: 'structured_title', type: 'text' },
  { key: 'structured_description', header: 'structured_description', type: 'text' },
];

const LINK_ATTRIBUTES = ['link', 'url', 'Link', 'URL', 'product_url'];

export function googleId(listing: Listing): string {
  if (listing.marketplace === 'google' && present(listing.sourceId)) return listing.sourceId;
  return present(listing.sku) ? listing.sku : `LS-${listing.id}`;
}

function condition(text: string | null): string | null {
  if (!present(text)) return null;
  if (/refurb/i.test(text)) return 'refurbished';
  if (/\bnew\b/i.test(text) && !/like new|as new/i.test(text)) return 'new';
  if (/used|pre-?owned|vintage|like new|as new|good|fair|excellent/i.test(text)) return 'used';
  return null;
}

/**
 * AI-written text is labelled the way Google asks: the structured_title / structured_description
 * attributes with digital_source_type `trained_algorithmic_media`, written in text feeds as
 * `trained_algorithmic_media:"<text>"` (inner quotes doubled). The plain title/description
 * columns keep the same text for tools that ignore the structured ones.
 */
export function aiWrittenFields(listing: Listing): { title: string | null; description: string | null } | null {
  const fields = listing.aiWritten ?? [];
  if (fields.length === 0) return null;
  const label = (text: string): string => `trained_algorithmic_media:"${text.replace(/"/g, '""')}"`;
  const title = fields.includes('title') ? label(listing.title) : null;
  const description = fields.includes('description') ? label(listing.description) : null;
  return title === null && description === null ? null : { title, description };
}

/**
 * Google Merchant Center TSV feed. Required: title (1–150, else skipped), description (missing →
 * skipped; over 5,000 characters → cut at a word boundary, listed: Google refuses the whole item
 * otherwise), image_link (no image → skipped), price (none → skipped). `link` comes from a
 * link/url attribute; it is left out (and the preview says so) when not every listing has one.
 * Variants are not split into item groups (one item per listing, listed).
 */
export const googleTarget: ExportTarget = {
  format: 'google_merchant',
  kind: 'tsv',
  bom: true,
  extension: 'tsv',
  columns,
  check(listing): Checked {
    const length = charLength(listing.title);
    if (length > LIMITS.google.title) return { ok: false, column: 'title', reason: `Title is ${length} characters; Google allows ${LIMITS.google.title}.` };
    if (!present(listing.description)) return { ok: false, column: 'description', reason: 'Google requires a description.' };
    if (listing.images.length === 0) return { ok: false, column: 'image_link', reason: 'Google requires an image.' };
    if (listing.priceMinor === null) return { ok: false, column: 'price', reason: 'Google requires a price.' };
    const changes: Change[] = [];
    variantsNotExported(listing, changes, 'Google');
    let description = listing.description;
    if (charLength(description) > LIMITS.google.description) {
      description = truncateAtWord(description, LIMITS.google.description);
      changes.push({ column: 'description', message: `Description cut to ${charLength(description)} characters at a word boundary (Google allows ${LIMITS.google.description}).` });
    }
    for (const [column, value] of [['title', listing.title], ['description', description]] as const) {
      if (isFormulaLike(value)) changes.push({ column, message: `Starts with "${value[0]}": written with a leading ' so spreadsheets do not run it as a formula; Google will show the apostrophe — consider rewording.` });
    }
    const extra = listing.images.length - 1 - LIMITS.google.additionalImages;
    if (extra > 0) changes.push({ column: 'additional_image_link', message: `${extra} images past Google's ${LIMITS.google.additionalImages} additional images are left out.` });
    return { ok: true, listing: { ...listing, description, images: listing.images.slice(0, 1 + LIMITS.google.additionalImages) }, changes };
  },
  rows(listing) {
    const link = LINK_ATTRIBUTES.map((name) => listing.attributes[name]).find(present) ?? null;
    const ai = aiWrittenFields(listing);
    const quantityOut = listing.quantity === 0 || listing.status === 'sold_out';
    const cells: Record<string, Cell> = {
      id: googleId(listing),
      title: listing.title,
      description: listing.description,
      link,
      image_link: listing.images[0],
      additional_image_link: listing.images.length > 1 ? listing.images.slice(1).join(',') : undefined,
      availability: quantityOut ? 'out_of_stock' : 'in_stock',
      price: `${formatMinor(listing.priceMinor!, listing.currency)} ${listing.currency}`,
      condition: condition(listing.condition),
      brand: listing.brand,
      structured_title: ai?.title ?? undefined,
      structured_description: ai?.description ?? undefined,
    };
    return [{ cells }];
  },
};
