/**
 * Etsy rules (source: /work/shared/reference/marketplaces.md). Titles and tags count characters
 * (code points).
 *
 * Not modelled, so not checked: who_made, when_made and taxonomy (required to create an Etsy
 * listing) are not fields of our Listing — the exporter must ask for them; styles (≤ 2 × 45 chars)
 * are not in the model either. Etsy also creates drafts without photos, hence images.required is a
 * warning (a photo is needed to publish, not to import).
 */
import type { RuleDef } from '../types.js';
import { descriptionMinLength, HTML_EXCEPT_BR, PROMOTIONAL_CLAIMS, QUALITY, quantityWholeNumber, REQUIRED, ruleOf } from './shared.js';

const rule = ruleOf('etsy');


/** Finds a character Etsy refuses in titles (letters, digits, punctuation, math symbols, spaces, ™©® are fine). */
const TITLE_BAD_CHAR = /[^\p{L}\p{Nd}\p{P}\p{Sm}\p{Zs}™©®]/gu;
/** Finds a character Etsy refuses in tags. */
const TAG_BAD_CHAR = /[^\p{L}\p{Nd}\p{Zs}\-'™©®]/gu;
/** Finds a character Etsy refuses in materials. */
const MATERIAL_BAD_CHAR = /[^\p{L}\p{Nd}\p{Zs}]/gu;

export const ETSY_RULES: readonly RuleDef[] = [
  // Title
  rule('title.required', 'title', 'error', 30, 'Title is empty; Etsy requires one. Add a title that says what the item is.', REQUIRED),
  rule('title.max_length', 'title', 'error', 20, 'Title is {len} characters; Etsy allows {max}. Shorten it by {over}.', { type: 'maxLength', max: 140 }),
  rule(
    'title.allowed_characters',
    'title',
    'error',
    15,
    'Title contains {chars}, which Etsy does not allow. Remove {count?it/them}; Etsy allows {allowed}.',
    { type: 'forbiddenChars', pattern: TITLE_BAD_CHAR, allowed: 'letters, digits, punctuation, math symbols, spaces and ™ © ®' },
  ),
  rule('title.starts_with', 'title', 'error', 15, 'Title starts with {first}; Etsy titles must start with {expected}. Remove the leading characters.', {
    type: 'startsWith',
    pattern: /^[\p{L}\p{Nd}]/u,
    expected: 'a letter or a digit',
  }),
  rule('title.once_only_characters', 'title', 'error', 15, 'Title uses {list}; Etsy allows each of % : & + only once. Remove the extra ones.', {
    type: 'maxCharCount',
    chars: '%:&+',
    max: 1,
  }),
  rule('title.promotional', 'title', 'warning', 10, 'Title contains promotional wording ({found}); Etsy\'s Seller Handbook asks titles to describe the item, and shipping and sales show elsewhere on the listing. Remove it.', {
    type: 'forbiddenPhrases',
    phrases: PROMOTIONAL_CLAIMS,
  }),
  rule('title.caps_words', 'title', 'error', 15, 'Title has {count} words in ALL CAPS ({words}); Etsy allows {max}. Write {over} of them in normal case.', {
    type: 'maxCapsWords',
    max: 3,
  }),
  rule(
    'title.fill',
    'title',
    'warning',
    5,
    'Title uses {len} of {of} characters; titles of {target}+ characters are found more often. Add {short:character} of keywords buyers search for.',
    { type: 'fill', ratio: 0.6, of: 140 },
    QUALITY,
  ),

  // Description
  rule('description.required', 'description', 'error', 25, 'Description is empty; Etsy requires one. Describe the item, its size and materials.', REQUIRED),
  descriptionMinLength(rule, 'size, materials, how it is made, care'),
  // Etsy shows descriptions as plain text: markup appears to buyers as written ("<b>Size</b>").
  // Source: Etsy Help — listing descriptions do not support HTML; the box takes plain text with
  // line breaks. The optimizer's HTML-to-text change fixes this rule (issue 14 item 6).
  rule('description.no_html', 'description', 'warning', 8, 'Description contains HTML ({found}); Etsy shows descriptions as plain text, so buyers see the tags as written. Remove them (keep line breaks).', {
    type: 'forbiddenText',
    pattern: HTML_EXCEPT_BR,
    prefilter: '<',
  }),

  // Tags
  rule('tags.max_count', 'tags', 'error', 15, 'Listing has {count} tags; Etsy allows {max}. Remove {over}.', { type: 'maxItems', max: 13 }),
  rule('tags.max_length', 'tags', 'error', 15, '{count:tag is/tags are} longer than {max} characters: {list}. Etsy allows {max} per tag; shorten {count?it/them}.', {
    type: 'maxLength',
    max: 20,
  }),
  rule(
    'tags.allowed_characters',
    'tags',
    'error',
    15,
    '{count:tag contains/tags contain} characters Etsy does not allow: {list}. Etsy tags may use letters, digits, spaces, - \' ™ © ® only; remove the others.',
    { type: 'forbiddenChars', pattern: TAG_BAD_CHAR, allowed: "letters, digits, spaces, - ' ™ © ®" },
  ),
  rule('tags.use_all', 'tags', 'warning', 8, 'Listing uses {count} of {min} tags; every tag is another search Etsy can show it in. Add {short:tag}.', { type: 'minItems', min: 13, perMissingItem: true }, QUALITY),

  // Materials
  rule(
    'materials.allowed_characters',
    'materials',
    'error',
    15,
    '{count:material contains/materials contain} characters Etsy does not allow: {list}. Materials may use letters, digits and spaces only.',
    { type: 'forbiddenChars', pattern: MATERIAL_BAD_CHAR, allowed: 'letters, digits and spaces' },
  ),

  // Images
  rule('images.required', 'images', 'warning', 10, 'Listing has no photos; Etsy needs at least one to publish. Add a photo.', REQUIRED),
  rule('images.max_count', 'images', 'warning', 10, 'Listing has {count} photos; Etsy\'s CSV takes {max}, so the last {over} will not be exported. Keep your best {max}.', {
    type: 'maxItems',
    max: 10,
  }),
  rule('images.min_count', 'images', 'warning', 10, 'Listing has {count:photo}; listings with 3 or more sell better. Add {short}.', { type: 'minItems', min: 3, emptyIsRequired: true }, QUALITY),

  // Price & quantity
  rule('price.required', 'price', 'error', 25, 'Price is missing; Etsy requires one. Set a price.', REQUIRED),
  rule('price.positive', 'price', 'error', 20, 'Price must be above 0 for Etsy. Set a price.', { type: 'minValue', min: 1 }),
  rule('quantity.required', 'quantity', 'error', 20, 'Quantity is missing; Etsy requires one. Set how many you have.', REQUIRED),
  quantityWholeNumber(rule),
];
