import type { Marketplace } from './listing.js';

/**
 * How each marketplace shows a description: as HTML, or as plain text (tags would appear
 * literally; Amazon keeps line breaks only). One table for the optimizer's sanitizer
 * (core/optimizer/description-policy.ts) and the description editor in the renderer.
 */
export const DESCRIPTION_FORMAT: Readonly<Record<Marketplace, 'html' | 'text'>> = {
  ebay: 'html',
  amazon: 'text',
  etsy: 'text',
  shopify: 'html',
  woocommerce: 'html',
  google: 'html',
  other: 'html',
};
