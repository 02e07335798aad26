import { EBAY_MAX_PHOTOS } from '../../common/rules/marketplaces/ebay.js';

/**
 * Hard limits per export format, in one table (from /shared/reference/marketplaces.md). A listing
 * over a TITLE limit is skipped, never cut: a title is the listing's name and its search ranking,
 * and a cut one reads wrong ("Sterling silver ring for"); the seller fixes it (or the optimizer
 * proposes one). Lists (tags, images) are trimmed to the allowed count and long descriptions are
 * cut at a word boundary where the marketplace would otherwise refuse the whole item — each such
 * change is listed in the preview and the summary.
 */
export const LIMITS = {
  ebay: { title: 80, images: EBAY_MAX_PHOTOS, itemSpecificValue: 65, itemSpecifics: 45, variations: 250, variationNames: 5 },
  etsy: { title: 140, tags: 13, tagLength: 20, images: 10, variations: 2 },
  amazon: { title: 200, images: 9, keywordsBytes: 250 },
  google: { title: 150, description: 5_000, additionalImages: 10 },
  shopify: { options: 3 },
} as const;
