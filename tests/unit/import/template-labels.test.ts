import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../core/import/preview-import.js';
import { templateLabels } from '../../../core/import/template-labels.js';
import { corpusPath, fixture } from './helpers.js';

/**
 * Amazon's templates head their machine headers (`item_sku`, `item_name[…]#1.value`) with a row
 * of labels the seller reads ("Seller SKU", "Nome dell'articolo"); the wizard's Columns table shows
 * the label with the header under it.
 */

const preview = (path: string) => previewImport(path, { fileId: 'f', fileName: path.split('/').pop()!, sizeBytes: statSync(path).size, defaultCurrency: 'GBP' });

describe('template labels in the import preview', () => {
  it("a real UK flat file: each column shows the label Amazon's row 2 gives it", async () => {
    const p = await preview(corpusPath('amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv'));
    expect(p.columns.find((c) => c.header === 'item_sku')?.label).toBe('Seller SKU');
    expect(p.columns.find((c) => c.header === 'item_name')?.label).toBe('Product Name');
  });

  it('a real Vendor Central template (settings in J1, labels on row 3): the labels row its settings name', async () => {
    const p = await preview(corpusPath('amazon_vendor-central_template_DE_settings-in-J1_requirement-row__elstraussoscode.xlsm'));
    expect(p.columns.find((c) => c.header === 'vendor_sku#1.value')?.label).toBe('Händler-SKU');
    expect(p.columns.find((c) => c.header === 'item_name#1.value')?.label).toBe('Artikelname');
  });

  it("a current template: the labels row the settings name (labelRow), not the group row above it", () => {
    const preamble = [
      ['settings=feedType=113&labelRow=4&attributeRow=5&dataRow=7', '', ''],
      ['Compila questo modello in ITALIANO.', '', ''],
      ["Identità dell'offerta", '', 'Identità prodotto'],
      ['SKU', 'Azione sull’offerta', "Nome dell'articolo"],
    ];
    expect(templateLabels(preamble, 4)).toEqual(['SKU', 'Azione sull’offerta', "Nome dell'articolo", '']);
  });

  it('a file without a labels row has none', async () => {
    expect(templateLabels([], 3)).toBeNull();
    const p = await preview(fixture('Title,Price\nMug,12\n'));
    expect(p.columns.every((c) => c.label === undefined)).toBe(true);
  });
});
