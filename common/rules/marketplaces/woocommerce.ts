/**
 * WooCommerce rules: light, as WooCommerce itself enforces little. A product without a price cannot
 * be added to the cart, hence the price warning. No title limit.
 */
import type { RuleDef } from '../types.js';
import { descriptionMinLength, QUALITY, quantityWholeNumber, REQUIRED, ruleOf } from './shared.js';

const rule = ruleOf('woocommerce');

export const WOOCOMMERCE_RULES: readonly RuleDef[] = [
  rule('title.required', 'title', 'error', 30, 'Name is empty; WooCommerce needs a product name. Add one.', REQUIRED),
  descriptionMinLength(rule),
  rule('images.min_count', 'images', 'warning', 10, 'Product has {count:image}; products with 3 or more sell better. Add {short}.', { type: 'minItems', min: 3 }, QUALITY),
  rule('price.required', 'price', 'warning', 10, 'Price is missing; WooCommerce cannot sell a product without one. Set a price.', REQUIRED),
  rule('price.not_negative', 'price', 'error', 20, 'Price is negative; WooCommerce needs 0 or more. Fix the price.', { type: 'minValue', min: 0 }),
  quantityWholeNumber(rule),
];
