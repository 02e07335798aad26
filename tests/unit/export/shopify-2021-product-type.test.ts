import { describe, expect, it } from 'vitest';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, importInto, reimport } from './export-helpers.js';

/**
 * Shopify's 2021–22 exports name the category and type columns Standardized Product Type and
 * Custom Product Type (today: Product Category and Type). A real one (designerdhs/produtosshopify
 * products_export.csv) fills only Custom Product Type ("Casa e Cozinha"): read as the category's
 * last fallback and kept as a column, it came back from our export as the category, so a
 * re-import changed every product.
 */
const HEADER = 'Handle,Title,Body (HTML),Vendor,Standardized Product Type,Custom Product Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Status';

describe('Shopify 2021–22 product type columns', () => {
  it('Custom Product Type alone is the product type: the listing comes back unchanged', async () => {
    const csv = [HEADER, 'afiador,Afiador de Facas,,Viegaro,,Casa e Cozinha,afiador,true,Title,Default Title,2152,0,18.88,active'].join('\n');
    const catalog = await catalogFromText(csv, { currency: 'BRL' });
    const [listing] = readAllListings(catalog);
    expect(listing!.category).toBe('Casa e Cozinha');
    for (const format of ['shopify_legacy', 'shopify'] as const) {
      const { summary } = await exportAll(catalog, format);
      await importInto(catalog, summary.files[0]!.path, { currency: 'BRL' });
      expect(readAllListings(catalog)).toEqual([listing]);
      const [back] = await reimport(summary, 'BRL');
      expect(back!.category).toBe('Casa e Cozinha');
    }
    catalog.close();
  });

  it('both filled: the standardized type is the category, the custom one the Type, each in its own column', async () => {
    const csv = [HEADER, 'mug,Mug,,Acme,Home & Garden > Kitchen,Mugs,,true,Title,Default Title,M-1,3,9.50,active'].join('\n');
    const catalog = await catalogFromText(csv);
    const [listing] = readAllListings(catalog);
    expect(listing).toMatchObject({ category: 'Home & Garden > Kitchen', attributes: { Type: 'Mugs' } });
    const { summary, files } = await exportAll(catalog, 'shopify_legacy');
    const [row] = files[0]!.rows;
    expect(files[0]!.at(row!, 'Product Category')).toBe('Home & Garden > Kitchen');
    expect(files[0]!.at(row!, 'Type')).toBe('Mugs');
    expect(files[0]!.header).not.toContain('Custom Product Type');
    const [back] = await reimport(summary);
    expect(back).toMatchObject({ category: 'Home & Garden > Kitchen', attributes: { Type: 'Mugs' } });
    catalog.close();
  });
});
