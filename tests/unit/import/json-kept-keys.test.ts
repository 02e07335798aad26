import { describe, expect, it } from 'vitest';
import { importText } from './helpers.js';

/** A store's own JSON (Shopify's products.json) keeps every key no field reads, on the listing or its variant. */

const PRODUCTS = JSON.stringify({
  products: [
    {
      id: 7001,
      title: 'Linen Shirt',
      handle: 'linen-shirt',
      body_html: '<p>Soft</p>',
      published_at: '2024-01-01T00:00:00-05:00',
      vendor: 'Acme',
      product_type: 'Shirts',
      tags: ['linen', 'summer'],
      variants: [
        { id: 1, title: 'S / White', option1: 'S', option2: 'White', option3: null, sku: 'LS-S', price: '45.00', grams: 200, compare_at_price: '55.00', available: true },
        { id: 2, title: 'M / White', option1: 'M', option2: 'White', option3: null, sku: 'LS-M', price: '45.00', grams: 210, compare_at_price: null, available: false },
      ],
      images: [{ id: 9, src: 'https://cdn.example/a.jpg', position: 1, alt: 'Front' }],
      options: [
        { name: 'Size', position: 1, values: ['S', 'M'] },
        { name: 'Color', position: 2, values: ['White'] },
      ],
    },
  ],
});

describe('JSON from a store', () => {
  it('names variant options from the store\'s option list and keeps every key it does not read', async () => {
    const { listings } = await importText(PRODUCTS, { defaultCurrency: 'USD' }, 'json');
    const shirt = listings[0]!;
    expect(shirt).toMatchObject({ sourceId: '7001', title: 'Linen Shirt', brand: 'Acme', category: 'Shirts', images: ['https://cdn.example/a.jpg'] });
    expect(shirt.variants.map((v) => v.options.map((o) => `${o.name}=${o.value}`).join(' '))).toEqual(['Size=S Color=White', 'Size=M Color=White']);
    expect(shirt.source?.columns).toEqual({
      handle: 'linen-shirt',
      published_at: '2024-01-01T00:00:00-05:00',
      images: JSON.stringify([{ id: 9, src: 'https://cdn.example/a.jpg', position: 1, alt: 'Front' }]),
    });
    expect(shirt.variants[0]!.columns).toEqual({ id: '1', title: 'S / White', grams: '200', compare_at_price: '55.00', available: 'true' });
    expect(shirt.variants[1]!.columns).toEqual({ id: '2', title: 'M / White', grams: '210', available: 'false' });
  });

  it('Listsmith\'s own JSON Lines keeps nothing extra (its catalog ids are not kept)', async () => {
    const own = JSON.stringify({ id: 5, marketplace: 'etsy', sourceId: null, sku: 'A-1', title: 'Mug', description: '', priceMinor: 1200, currency: 'USD', quantity: 2, tags: [], materials: [], images: [], category: null, brand: null, condition: null, attributes: {}, variants: [{ id: 9, sku: 'A-1-S', options: [{ name: 'Size', value: 'S' }], priceMinor: 1200, quantity: 2, image: null }], status: 'active', createdAt: 1, updatedAt: 2 });
    const { listings } = await importText(`${own}\n`, {}, 'jsonl');
    expect(listings[0]!.source).toBeUndefined();
    expect(listings[0]!.variants[0]!.columns).toBeUndefined();
  });
});
