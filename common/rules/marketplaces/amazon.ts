/**
 * Amazon rules (source: /work/shared/reference/marketplaces.md).
 *
 * Counting: titles count characters (code points, spaces included); backend search terms count
 * UTF-8 BYTES (250). Our listings have no search-terms field: the Amazon exporter writes the tags as
 * `generic_keywords` joined with spaces, so the byte limit is checked on the tags.
 * Not modelled: bullet points (5 × 250/500 chars; ™ ® © € £ and emoji banned since Aug 2024) and
 * category-specific shorter title limits.
 */
import type { RuleDef } from '../types.js';
import {
  AMAZON_REPEAT_EXEMPT,
  descriptionMinLength,
  EMAIL,
  EMAIL_PREFILTER,
  HTML_EXCEPT_BR,
  PHONE,
  PRICE,
  PROMOTIONAL_PHRASES,
  QUALITY,
  quantityWholeNumber,
  REQUIRED,
  ruleOf,
  URL_OR_DOMAIN,
  URL_PREFILTER,
} from './shared.js';

const rule = ruleOf('amazon');

/** Characters Amazon bans in titles. */
const TITLE_BANNED = /[!$?_{}^¬¦]/gu;

export const AMAZON_RULES: readonly RuleDef[] = [
  // Title
  rule('title.required', 'title', 'error', 30, 'Title is empty; Amazon requires one. Add brand, product type and key details.', REQUIRED),
  rule('title.max_length', 'title', 'error', 20, 'Title is {len} characters (spaces included); Amazon allows {max}. Shorten it by {over}.', { type: 'maxLength', max: 200 }),
  rule(
    'title.recommended_length',
    'title',
    'warning',
    5,
    'Title is {len} characters; Amazon recommends under {max}, as longer titles are cut off on mobile. Shorten it by {over}.',
    { type: 'maxLength', max: 80 },
  ),
  rule('title.banned_characters', 'title', 'error', 15, 'Title contains {chars}; Amazon does not allow {allowed} in titles. Remove {count?it/them}.', {
    type: 'forbiddenChars',
    pattern: TITLE_BANNED,
    allowed: '! $ ? _ { } ^ ¬ ¦',
  }),
  rule(
    'title.word_repeat',
    'title',
    'error',
    15,
    'Title repeats {list}; Amazon allows a word at most {max} times (articles, prepositions and conjunctions excepted). Remove the extra ones.',
    { type: 'maxWordRepeat', max: 2, exempt: AMAZON_REPEAT_EXEMPT },
  ),
  rule('title.promotional', 'title', 'error', 15, 'Title contains promotional wording ({found}); Amazon suppresses such titles. Remove it; put offers in a promotion instead.', {
    type: 'forbiddenPhrases',
    phrases: PROMOTIONAL_PHRASES,
  }),
  rule('title.all_caps', 'title', 'warning', 8, 'Title is written in ALL CAPS; Amazon asks for capitalised words, not capitals throughout. Rewrite it in normal case.', {
    type: 'notAllCaps',
    minWords: 2,
  }),
  rule(
    'title.fill',
    'title',
    'warning',
    5,
    'Title uses {len} characters; aim for {target}–{of}. Add {short:character}: brand, size, colour, quantity.',
    { type: 'fill', ratio: 0.6, of: 80 },
    QUALITY,
  ),

  // Description
  rule('description.no_html', 'description', 'warning', 8, 'Description contains HTML ({found}); Amazon shows plain text with line breaks only. Remove the tags (keep <br> for line breaks).', {
    type: 'forbiddenText',
    pattern: HTML_EXCEPT_BR,
    prefilter: '<',
  }),
  rule('description.no_urls', 'description', 'error', 15, 'Description contains web addresses ({found}); Amazon does not allow links or URLs. Remove them.', {
    type: 'forbiddenText',
    pattern: URL_OR_DOMAIN,
    prefilter: URL_PREFILTER,
  }),
  rule('description.no_email', 'description', 'error', 15, 'Description contains {count:e-mail address/e-mail addresses} ({found}); Amazon does not allow contact details. Remove {count?it/them}.', {
    type: 'forbiddenText',
    pattern: EMAIL,
    prefilter: EMAIL_PREFILTER,
  }),
  rule('description.no_phone', 'description', 'error', 15, 'Description contains {count:phone number} ({found}); Amazon does not allow contact details. Remove {count?it/them}.', {
    type: 'forbiddenText',
    pattern: PHONE,
  }),
  rule('description.no_prices', 'description', 'warning', 8, 'Description mentions prices ({found}); Amazon does not allow prices in product copy. Remove them; the price field sets the price.', {
    type: 'forbiddenText',
    pattern: PRICE,
  }),
  descriptionMinLength(rule, 'features, size, materials, what is in the box'),

  // Search terms (tags)
  rule(
    'tags.search_terms_bytes',
    'tags',
    'warning',
    10,
    'Search terms (the tags, joined with spaces) take {len} bytes; Amazon indexes none of them above {max} bytes (UTF-8: é counts 2, € 3, emoji 4). Remove {over:byte}.',
    { type: 'maxJoinedBytes', max: 250, separator: ' ' },
  ),

  // Identity, images, price, stock
  rule('sku.required', 'sku', 'error', 20, 'SKU is empty; Amazon requires a seller SKU. Add one.', REQUIRED),
  rule('brand.required', 'brand', 'error', 15, 'Brand is empty; Amazon requires a brand name. Add the brand (or "Generic" if your category allows it).', REQUIRED),
  rule('images.required', 'images', 'error', 20, 'Listing has no images; Amazon suppresses listings without a main image. Add one on a white background.', REQUIRED),
  rule('images.min_count', 'images', 'warning', 10, 'Listing has {count:image}; listings with 3 or more sell better. Add {short}.', { type: 'minItems', min: 3, emptyIsRequired: true }, QUALITY),
  rule('price.required', 'price', 'error', 25, 'Price is missing; Amazon needs one to make an offer. Set a price.', REQUIRED),
  rule('price.positive', 'price', 'error', 20, 'Price must be above 0 for Amazon. Set a price.', { type: 'minValue', min: 1 }),
  quantityWholeNumber(rule),
];
