/**
 * Promotional filler sellers put in titles. Marketplaces ignore it at best (it wastes characters)
 * and suppress the listing at worst (Amazon, Google: see their `title.promotional` rules, whose own
 * phrase lists the optimizer applies too). Only wording that is never the product itself is here:
 * no "sale" (a garage-sale sign), no "look" (a boho look).
 */
export const FILLER_PHRASES: readonly string[] = [
  'free shipping',
  'free ship',
  'free delivery',
  'fast shipping',
  'fast ship',
  'fast delivery',
  'ships free',
  'same day shipping',
  'best price',
  'best deal',
  'great deal',
  'hot deal',
  'hot item',
  'hot sale',
  'lowest price',
  'must see',
  'must have',
  'buy now',
  'limited time',
  'limited offer',
];

/** Filler that is not a phrase: regex sources, matched case-insensitively. */
export const FILLER_PATTERNS: readonly string[] = [
  // L@@K, L@@@K
  'l@{2,}k',
  // *** SALE ***, ~ NEW ~, ** HOT **
  '[*~=#]+\\s*(?:new|sale|hot|wow)\\s*[*~=#]+',
  // !!!, ?!?, and runs of decorations: ***, ~~, ★★, 🔥🔥
  '[!?¡]{2,}',
  '[*~=#★☆✰✩✪✨❤♥⭐🔥💥]{2,}',
  // A lone decoration between spaces ("Necklace ★ Gift")
  '(?<=^|\\s)[*~=#★☆✰✩✪✨❤♥⭐🔥💥](?=\\s|$)',
];
