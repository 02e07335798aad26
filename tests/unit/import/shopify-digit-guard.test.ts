import { describe, expect, it } from 'vitest';
import { withoutShopifyDigitGuard } from '../../../core/import/shopify-digit-guard.js';
import { corpusPath } from '../../corpus-files.js';
import { exportAll, importInto, reimport } from '../export/export-helpers.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { tempDbPath } from '../catalog/temp-catalog.js';
import { readAllListings } from '../fidelity/catalog-state.js';

/**
 * Shopify's export writes an all-digit SKU with a leading apostrophe (`'8720892119308`) so that a
 * spreadsheet keeps it as text; the SKU is the digits (real file: a Dutch jewellery store's
 * export, Ronne2406/productfeed).
 */
describe('Shopify: the apostrophe before an all-digit SKU', () => {
  it('is not part of the SKU; an apostrophe before anything else is', () => {
    expect(withoutShopifyDigitGuard("'8720892119308")).toBe('8720892119308');
    expect(withoutShopifyDigitGuard("'0112")).toBe('0112');
    expect(withoutShopifyDigitGuard("'80s-LAMP")).toBe("'80s-LAMP");
    expect(withoutShopifyDigitGuard('8720892119308')).toBe('8720892119308');
    expect(withoutShopifyDigitGuard("'")).toBe("'");
  });

  it('a real export: the SKU is read without it, and goes to WooCommerce and back to Shopify without it', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    await importInto(catalog, corpusPath('shopify_products_export_2023_DUTCH-markets_apostrophe-guarded-digit-SKUs__Ronne2406.csv'), { currency: 'EUR' });
    const listings = readAllListings(catalog);
    const icey = listings.find((listing) => listing.title === 'Icey Initial Necklace')!;
    expect(icey.variants.map((variant) => variant.sku)).toEqual(['8720892119308', '8720892119308']);
    expect(listings.find((listing) => listing.title === 'Arabic Initial Necklace')!.variants.map((variant) => variant.sku)).toEqual(['8720892119308', null]);

    const woo = await exportAll(catalog, 'woocommerce');
    const skus = woo.files.flatMap((file) => file.rows.map((row) => file.at(row, 'SKU')));
    expect(skus.filter((sku) => sku.includes("'"))).toEqual([]);

    const shopify = await exportAll(catalog, 'shopify_legacy');
    const back = await reimport(shopify.summary, 'EUR');
    expect(back.map((listing) => listing.variants.map((variant) => variant.sku))).toEqual(listings.map((listing) => listing.variants.map((variant) => variant.sku)));
    catalog.close();
  });
});
