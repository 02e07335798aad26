/** A listing that passes every rule of a marketplace (titles differ: Etsy/Google want longer ones). */
import type { Marketplace } from '../../../common/listing.js';
import type { RuleInput } from '../../../common/rules/index.js';

/** 56 characters: within eBay's 80, Amazon's recommended 80 and Shopify's 70; ≥ 60 % of each. */
export const SHORT_TITLE = 'Handmade Leather Wallet for Men, Slim Bifold Card Holder';
/** 101 characters: ≥ 60 % of Etsy's 140 and Google's 150. */
export const LONG_TITLE = `${SHORT_TITLE} in Brown Cowhide - Personalised Gift for Him`;

export const GOOD_DESCRIPTION =
  'Slim bifold wallet cut from full-grain cowhide and stitched by hand with waxed thread. Holds six cards and folded notes.<br>Size: 11 x 9 cm. Brown.';

export const THIRTEEN_TAGS = [
  'leather wallet',
  'mens wallet',
  'bifold wallet',
  'slim wallet',
  'card holder',
  'gift for him',
  'handmade wallet',
  'brown leather',
  'cowhide wallet',
  'minimalist wallet',
  'anniversary gift',
  'fathers day gift',
  'groomsmen gift',
];

export function perfect(marketplace: Marketplace): RuleInput {
  return {
    title: marketplace === 'etsy' || marketplace === 'google' ? LONG_TITLE : SHORT_TITLE,
    description: GOOD_DESCRIPTION,
    tags: [...THIRTEEN_TAGS],
    materials: ['leather', 'waxed thread'],
    images: [1, 2, 3, 4, 5].map((i) => `https://cdn.example.com/wallet/${i}.jpg`),
    priceMinor: 4500,
    quantity: 3,
    sku: 'WAL-001',
    brand: 'Acme Leather',
    condition: 'New',
    attributes: { Color: 'Brown', Material: 'Leather' },
  };
}

export const FIELD_KEYS = {
  title: 'title',
  description: 'description',
  tags: 'tags',
  materials: 'materials',
  images: 'images',
  price: 'priceMinor',
  quantity: 'quantity',
  sku: 'sku',
  brand: 'brand',
  condition: 'condition',
  attributes: 'attributes',
} as const satisfies Record<string, keyof RuleInput>;

export const images = (n: number, scheme = 'https'): string[] => Array.from({ length: n }, (_, i) => `${scheme}://cdn.example.com/p/${i}.jpg`);
export const tags = (n: number, length = 12): string[] => Array.from({ length: n }, (_, i) => `tag ${String.fromCharCode(97 + (i % 26))}`.padEnd(length, 'x'));
