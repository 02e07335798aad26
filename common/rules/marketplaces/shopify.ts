/**
 * Shopify rules (source: /work/shared/reference/marketplaces.md): no hard title limit, ≈ 70
 * characters recommended for SEO (warning only). Shopify's import requires a variant price and reads a
 * blank one as 0, which sells the product for free: a missing or zero price is an error.
 * Handles (letters, digits, dashes) are the exporter's job: they are derived, not typed.
 */
import type { RuleDef } from '../types.js';
import { descriptionMinLength, PROMOTIONAL_CLAIMS, QUALITY, quantityWholeNumber, REQUIRED, ruleOf } from './shared.js';

const rule = ruleOf('shopify');

export const SHOPIFY_RULES: readonly RuleDef[] = [
  rule('title.required', 'title', 'error', 30, 'Title is empty; Shopify requires one. Add a title that says what the product is.', REQUIRED),
  rule(
    'title.recommended_length',
    'title',
    'warning',
    5,
    'Title is {len} characters; search engines show about {max}. Shorten it by {over} (or set a shorter SEO title).',
    { type: 'maxLength', max: 70 },
  ),
  rule('title.promotional', 'title', 'warning', 10, 'Title contains promotional wording ({found}); the title feeds Google Shopping, which disapproves promotional text. Remove it (put offers in a discount).', {
    type: 'forbiddenPhrases',
    phrases: PROMOTIONAL_CLAIMS,
  }),
  rule(
    'title.fill',
    'title',
    'warning',
    5,
    'Title uses {len} characters; aim for {target}–{of}. Add {short:character}: brand, type, colour.',
    { type: 'fill', ratio: 0.6, of: 70 },
    QUALITY,
  ),
  descriptionMinLength(rule),
  rule('images.min_count', 'images', 'warning', 10, 'Product has {count:image}; products with 3 or more sell better. Add {short}.', { type: 'minItems', min: 3 }, QUALITY),
  rule('price.required', 'price', 'error', 25, 'Price is missing; Shopify will import it as 0.00 and sell the product for free. Set a price.', REQUIRED),
  rule('price.positive', 'price', 'error', 20, 'Price is 0.00 or less; Shopify would sell the product for free (a blank price imports as 0). Set a price.', { type: 'minValue', min: 1 }),
  quantityWholeNumber(rule),
];
