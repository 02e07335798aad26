/** Shared inputs for the optimizer tests: a clean listing, demo listings, the spelling checker. */
import type { Marketplace } from '../../../common/listing.js';
import { makeDemoListing } from '../../../core/catalog/demo-listing.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import { SeededRandom } from '../../../core/catalog/seeded-random.js';
import { brandOf } from '../../../core/optimizer/brand.js';
import type { OptimizerInput } from '../../../core/optimizer/proposal.js';
import { englishSpellChecker } from '../../../core/optimizer/spell-checker.js';
import type { TitleContext } from '../../../core/optimizer/optimize-title.js';

export const checker = englishSpellChecker();

/** Title context as optimizeListing builds it. */
export function titleContext(marketplace: Marketplace, brand: string | null = null, category: string | null = null): TitleContext {
  return { marketplace, brand: brandOf(brand), category, isWord: (word) => checker.correct(word) };
}

/** A listing with every field filled sensibly; override what a test is about. */
export function listing(overrides: Partial<OptimizerInput> = {}): OptimizerInput {
  return {
    title: 'Handmade Leather Wallet for Men, Slim Bifold Card Holder in Brown Cowhide',
    description:
      'Slim bifold wallet cut from full-grain cowhide and stitched by hand with waxed thread. Holds six cards and folded notes. Size: 11 x 9 cm.',
    tags: ['leather wallet', 'mens wallet'],
    materials: ['leather'],
    images: ['https://cdn.example.com/1.jpg', 'https://cdn.example.com/2.jpg', 'https://cdn.example.com/3.jpg'],
    priceMinor: 4500,
    quantity: 3,
    sku: 'WAL-001',
    brand: 'Acme Leather',
    condition: 'new',
    attributes: { Color: 'Brown' },
    category: 'Accessories > Wallets',
    ...overrides,
  };
}

/** `count` demo listings (the catalog generator's realistic mix), the same for a given seed. */
export function demoListings(count: number, seed: number): NewListing[] {
  const rng = new SeededRandom(seed);
  const now = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => makeDemoListing(rng, i + 1, now));
}
