/**
 * Google Merchant rules (source: /work/shared/reference/marketplaces.md): title 1–150, description
 * 1–5,000 characters (code points). Google's editorial requirements also disapprove promotional text,
 * all-capitals titles and gimmicky punctuation or symbols.
 * Not modelled: link, availability (derived from quantity by the exporter), short_title, and the
 * structured_title / structured_description for AI-written text (the exporter's job).
 */
import type { RuleDef } from '../types.js';
import { descriptionMinLength, GIMMICKY_SYMBOLS, PROMOTIONAL_PHRASES, QUALITY, quantityWholeNumber, REQUIRED, ruleOf } from './shared.js';

const rule = ruleOf('google');

export const GOOGLE_RULES: readonly RuleDef[] = [
  rule('title.required', 'title', 'error', 30, 'Title is empty; Google Merchant requires one (1–150 characters). Add a title.', REQUIRED),
  rule('title.max_length', 'title', 'error', 20, 'Title is {len} characters; Google Merchant allows {max}. Shorten it by {over}.', { type: 'maxLength', max: 150 }),
  rule('title.promotional', 'title', 'warning', 10, 'Title contains promotional wording ({found}); Google disapproves promotional text in titles. Remove it.', {
    type: 'forbiddenPhrases',
    phrases: PROMOTIONAL_PHRASES,
  }),
  rule('title.all_caps', 'title', 'warning', 8, 'Title is written in ALL CAPS; Google asks for normal capitalisation. Rewrite it in normal case.', {
    type: 'notAllCaps',
    minWords: 2,
  }),
  rule(
    'title.gimmicky_symbols',
    'title',
    'warning',
    10,
    'Title uses attention-grabbing symbols ({found}); Google Merchant\'s editorial requirements disapprove gimmicky punctuation, symbols and emoji. Remove them.',
    { type: 'forbiddenText', pattern: GIMMICKY_SYMBOLS },
  ),
  rule(
    'title.fill',
    'title',
    'warning',
    5,
    'Title uses {len} of {of} characters; titles of {target}+ characters match more searches. Add {short:character}: brand, size, colour, material.',
    { type: 'fill', ratio: 0.6, of: 150 },
    QUALITY,
  ),
  rule('description.required', 'description', 'error', 25, 'Description is empty; Google Merchant requires one (1–5,000 characters). Add a description.', REQUIRED),
  rule('description.max_length', 'description', 'error', 20, 'Description is {len} characters; Google Merchant allows {max}. Shorten it by {over}.', { type: 'maxLength', max: 5_000 }),
  descriptionMinLength(rule),
  rule('images.required', 'images', 'error', 25, 'Product has no image; Google Merchant requires an image link. Add an image.', REQUIRED),
  rule('images.min_count', 'images', 'warning', 10, 'Product has {count:image}; 3 or more help shoppers decide. Add {short}.', { type: 'minItems', min: 3, emptyIsRequired: true }, QUALITY),
  rule('price.required', 'price', 'error', 25, 'Price is missing; Google Merchant requires one. Set a price.', REQUIRED),
  rule('price.positive', 'price', 'error', 20, 'Price must be above 0 for Google Merchant. Set a price.', { type: 'minValue', min: 1 }),
  quantityWholeNumber(rule),
  rule('brand.present', 'brand', 'warning', 8, 'Brand is empty; Google requires it for most new products. Add the brand.', REQUIRED, QUALITY),
  rule('condition.present', 'condition', 'warning', 5, 'Condition is empty; Google requires it for used and refurbished items. Set the condition.', REQUIRED, QUALITY),
];
