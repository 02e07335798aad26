/**
 * eBay rules (source: /work/shared/reference/marketplaces.md). Titles count characters (code points).
 * Not modelled: subtitle (55), condition description (1,000), the 800 characters shown on mobile.
 * Photos: eBay takes up to 24 in a listing in most categories (its developer guides, "Introduction
 * to Pictures in Listings"; the reference's 12 is the old limit, still the one per variation).
 */
import type { RuleDef } from '../types.js';
import {
  ACTIVE_SCRIPT,
  descriptionMinLength,
  EBAY_KEYWORD_SPAM,
  EMAIL,
  EMAIL_PREFILTER,
  FORMS,
  FRAMES,
  OFF_EBAY_LINK,
  PLAIN_HTTP,
  PROMOTIONAL_CLAIMS,
  QUALITY,
  quantityWholeNumber,
  REQUIRED,
  ruleOf,
} from './shared.js';

const rule = ruleOf('ebay');

/** Photos in one eBay listing; the eBay export writes as many (core/export/limits.ts). */
export const EBAY_MAX_PHOTOS = 24;

export const EBAY_RULES: readonly RuleDef[] = [
  // Title
  rule('title.required', 'title', 'error', 30, 'Title is empty; eBay requires one. Add a title that says what the item is.', REQUIRED),
  rule('title.max_length', 'title', 'error', 20, 'Title is {len} characters; eBay allows {max}. Shorten it by {over}.', { type: 'maxLength', max: 80 }),
  rule(
    'title.keyword_spam',
    'title',
    'error',
    15,
    'Title uses attention-grabbing text ({found}); eBay\'s search and browse manipulation policy does not allow it. Remove it and use the words buyers search for.',
    { type: 'forbiddenText', pattern: EBAY_KEYWORD_SPAM },
  ),
  rule('title.promotional', 'title', 'warning', 10, 'Title contains promotional wording ({found}); eBay shows shipping and offers in their own fields, and the words crowd out search terms. Remove it.', {
    type: 'forbiddenPhrases',
    phrases: PROMOTIONAL_CLAIMS,
  }),
  rule('title.all_caps', 'title', 'warning', 8, 'Title is written in ALL CAPS; eBay\'s title guidance asks for normal capitalisation (capitals read as shouting). Rewrite it in normal case.', {
    type: 'notAllCaps',
    minWords: 2,
  }),
  rule(
    'title.fill',
    'title',
    'warning',
    5,
    'Title uses {len} of {of} characters; titles of {target}+ characters are found more often. Add {short:character}: brand, model, size or colour.',
    { type: 'fill', ratio: 0.6, of: 80 },
    QUALITY,
  ),

  // Description
  rule('description.required', 'description', 'error', 25, 'Description is empty; eBay requires one. Describe the item, its condition and what is included.', REQUIRED),
  rule('description.max_length', 'description', 'error', 20, 'Description is {len} characters; eBay allows {max}. Shorten it by {over}.', { type: 'maxLength', max: 500_000 }),
  rule(
    'description.no_scripts',
    'description',
    'error',
    20,
    'Description contains active content ({found}); eBay blocks JavaScript, remote scripts and event handlers. Remove them.',
    { type: 'forbiddenText', pattern: ACTIVE_SCRIPT },
  ),
  rule('description.no_frames', 'description', 'error', 20, 'Description embeds frames or objects ({found}); eBay does not allow them. Remove them and put the content in the description itself.', {
    type: 'forbiddenText',
    pattern: FRAMES,
    prefilter: '<',
  }),
  rule('description.no_forms', 'description', 'error', 20, 'Description contains form elements ({found}); eBay does not allow forms. Remove them.', {
    type: 'forbiddenText',
    pattern: FORMS,
    prefilter: '<',
  }),
  rule(
    'description.no_email',
    'description',
    'error',
    20,
    'Description contains {count:e-mail address/e-mail addresses} ({found}); eBay does not allow contact details. Remove {count?it/them}; buyers reach you through eBay messages.',
    { type: 'forbiddenText', pattern: EMAIL, prefilter: EMAIL_PREFILTER },
  ),
  rule(
    'description.no_external_links',
    'description',
    'error',
    20,
    'Description links off eBay ({found}); eBay only allows links to eBay pages. Remove the links (images hosted elsewhere are fine).',
    { type: 'forbiddenText', pattern: OFF_EBAY_LINK },
  ),
  descriptionMinLength(rule, 'condition, size, materials, what is included'),

  // Images
  rule('images.required', 'images', 'error', 25, 'Listing has no photos; eBay requires at least one. Add a photo.', REQUIRED),
  rule('images.max_count', 'images', 'error', 15, 'Listing has {count} photos; eBay allows {max}. Remove {over}.', { type: 'maxItems', max: EBAY_MAX_PHOTOS }),
  rule('images.https', 'images', 'error', 15, 'Photo {item} uses http:// ({count:photo link} in all); eBay only takes https image links. Change them to https://.', {
    type: 'forbiddenText',
    pattern: PLAIN_HTTP,
  }),
  rule('images.min_count', 'images', 'warning', 10, 'Listing has {count:photo}; listings with 3 or more sell better. Add {short}.', { type: 'minItems', min: 3, emptyIsRequired: true }, QUALITY),

  // Price & quantity
  rule('price.required', 'price', 'error', 25, 'Price is missing; eBay requires one. Set a price.', REQUIRED),
  rule('price.positive', 'price', 'error', 20, 'Price must be above 0 for eBay. Set a price.', { type: 'minValue', min: 1 }),
  rule('quantity.required', 'quantity', 'error', 20, 'Quantity is missing; eBay requires one. Set how many you have.', REQUIRED),
  quantityWholeNumber(rule),

  // Item specifics
  rule('attributes.max_count', 'attributes', 'error', 15, 'Listing has {count} item specifics; eBay allows {max}. Remove {over}.', { type: 'maxItems', max: 45 }),
  rule('attributes.max_length', 'attributes', 'error', 15, 'Item specifics longer than {max} characters: {list}. Shorten them to {max}.', { type: 'entryMaxLength', max: 65 }),
  rule('brand.present', 'brand', 'warning', 5, 'Brand is empty; buyers filter by brand on eBay. Add the brand (or "Unbranded").', REQUIRED, QUALITY),
  rule('condition.present', 'condition', 'warning', 5, 'Condition is empty; most eBay categories require it. Set the item condition.', REQUIRED, QUALITY),
];
