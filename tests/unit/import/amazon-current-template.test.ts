import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../common/import-types.js';
import writeExcelFile from 'write-excel-file/node';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { exportListings } from '../../../core/export/export-listings.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { detectTableDialect } from '../../../core/import/detect-dialect.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { tempDbPath, tempDir } from '../catalog/temp-catalog.js';
import { catalogState, exportedPaths } from '../fidelity/catalog-state.js';
import { describeDifferences, diffStates } from '../fidelity/state-diff.js';
import { importText } from './helpers.js';

/**
 * Amazon's current templates and Category Listings Report (since about 2023): settings in A1 (split
 * over B1 and C1 when long), a notice, group names, labels, the attribute keys on row 5, Amazon's
 * example on row 6, listings from row 7, the sheet named in the seller's language. The layout, the
 * keys and the drop-down aliases below are those of a real Amazon.it template
 * (InventoryLoader_IT_20260820, as kept by github.com/Eleodori/amz-inventory-converter,
 * netlify/functions/_lib/templateSeed.mjs) and of the Category Listings Report keys other sellers'
 * tools read (item_name, bullet_point, parentage_level, child_parent_sku_relationship…); the
 * listings are made up, as no seller has published a filled one.
 */

const IT = 'APJ6JRA9NG5V4';
const at = (key: string, lang = false): string => key.replace('#', `[marketplace_id=${IT}]${lang ? '[language_tag=it_IT]' : ''}#`);

const ALIASES = [
  { attribute: '::record_action', aliases: { 'Crea o modifica': 'partial_update', Elimina: 'delete' } },
  { attribute: `parentage_level[marketplace_id=${IT}]#1.value`, aliases: { Principale: 'parent', Secondario: 'child' } },
  { attribute: `child_parent_sku_relationship[marketplace_id=${IT}]#1.child_relationship_type`, aliases: { Variazione: 'variation' } },
];
const SETTINGS =
  `feedType=113&timestamp=2026-08-20T14%3A50%3A14.207Z&contributorId=amzn1.cr.o.AR30NBDHOYXVH&primaryMarketplaceId=amzn1.mp.o.${IT}` +
  `&contentLanguageTag=it_IT&headerLanguageTag=it_IT&labelRow=4&attributeRow=5&dataRow=7&flavor=report&reportProvenance=true` +
  `&attributeSettings=${Buffer.from(JSON.stringify(ALIASES)).toString('base64')}&TemplateType=unified&Version=2026.0820`;

const COLUMNS: [group: string, label: string, key: string][] = [
  ["Identità dell'offerta", 'SKU', 'contribution_sku#1.value'],
  ['', 'Tipo di prodotto', 'product_type#1.value'],
  ['', 'Azione sull’offerta', '::record_action'],
  ['Variazioni', 'Livello di parentela', at('parentage_level#1.value')],
  ['', 'SKU principale', at('child_parent_sku_relationship#1.parent_sku')],
  ['', 'Tipo di relazione', at('child_parent_sku_relationship#1.child_relationship_type')],
  ['', 'Tema della variazione', 'variation_theme#1.name'],
  ['Identità prodotto', 'Nome dell’articolo', at('item_name#1.value', true)],
  ['', 'Marca', at('brand#1.value', true)],
  ['', 'Tipo di ID esterno del prodotto', 'amzn1.volt.ca.product_id_type'],
  ['', 'ID esterno del prodotto', 'amzn1.volt.ca.product_id_value'],
  ['Dettagli prodotto', 'Descrizione del prodotto', at('product_description#1.value', true)],
  ['', 'Punto elenco', at('bullet_point#1.value', true)],
  ['', 'Punto elenco', at('bullet_point#2.value', true)],
  ['', 'Colore', at('color#1.value', true)],
  ['', 'Taglia', at('size#1.value', true)],
  ['', 'Peso dell’articolo', 'item_weight#1.value'],
  ['', 'Unità di peso dell’articolo', 'item_weight#1.unit'],
  ['Immagini', "Posizione dell'immagine principale", at('main_product_image_locator#1.media_location')],
  ['', "Altra posizione dell'immagine", at('other_product_image_locator_1#1.media_location')],
  ['Offerta', 'Condizione dell’articolo', 'condition_type#1.value'],
  ['', 'Quantità (IT)', 'fulfillment_availability#1.quantity'],
  ['', 'Prezzo EUR (Vendita su Amazon, IT)', `purchasable_offer[marketplace_id=${IT}][audience=ALL]#1.our_price#1.schedule#1.value_with_tax`],
];

type Cell = string | number | null;
const row = (values: Record<string, Cell>): Cell[] => COLUMNS.map(([, , key]) => values[key] ?? null);
const EXAMPLE = row({ 'contribution_sku#1.value': 'ABC123', '::record_action': '(Impostazione predefinita) Crea o modifica', [at('item_name#1.value', true)]: 'Esempio' });
const LISTINGS: Cell[][] = [
  row({
    'contribution_sku#1.value': 'TAZZA-FAM',
    'product_type#1.value': 'DRINKING_CUP',
    '::record_action': 'Crea o modifica',
    [at('parentage_level#1.value')]: 'Principale',
    'variation_theme#1.name': 'COLOR/SIZE',
    [at('item_name#1.value', true)]: 'Tazza in ceramica fatta a mano',
    [at('brand#1.value', true)]: 'Ceramiche Rossi',
    [at('product_description#1.value', true)]: 'Tazza smaltata a mano, adatta alla lavastoviglie.',
    [at('bullet_point#1.value', true)]: 'Ceramica di Deruta',
    [at('bullet_point#2.value', true)]: 'Capacità 350 ml',
    [at('main_product_image_locator#1.media_location')]: 'https://example.com/tazza.jpg',
  }),
  ...[
    ['TAZZA-BLU-M', 'Blu', 'M', 12, 18.5],
    ['TAZZA-VERDE-L', 'Verde', 'L', 3, 21],
  ].map(([sku, color, size, quantity, price]) =>
    row({
      'contribution_sku#1.value': sku!,
      'product_type#1.value': 'DRINKING_CUP',
      '::record_action': 'Crea o modifica',
      [at('parentage_level#1.value')]: 'Secondario',
      [at('child_parent_sku_relationship#1.parent_sku')]: 'TAZZA-FAM',
      [at('child_parent_sku_relationship#1.child_relationship_type')]: 'Variazione',
      'variation_theme#1.name': 'COLOR/SIZE',
      [at('item_name#1.value', true)]: `Tazza in ceramica ${String(color)} ${String(size)}`,
      [at('color#1.value', true)]: color!,
      [at('size#1.value', true)]: size!,
      'fulfillment_availability#1.quantity': quantity!,
      [`purchasable_offer[marketplace_id=${IT}][audience=ALL]#1.our_price#1.schedule#1.value_with_tax`]: price!,
      'condition_type#1.value': 'Nuovo',
    }),
  ),
  row({
    'contribution_sku#1.value': 'PIATTO-01',
    'product_type#1.value': 'PLATE',
    '::record_action': 'Elimina',
    [at('item_name#1.value', true)]: 'Piatto fondo decorato',
    'amzn1.volt.ca.product_id_type': 'EAN',
    'amzn1.volt.ca.product_id_value': '8001234567890',
    'item_weight#1.value': 0.45,
    'item_weight#1.unit': 'Chilogrammi',
    'fulfillment_availability#1.quantity': 0,
    [`purchasable_offer[marketplace_id=${IT}][audience=ALL]#1.our_price#1.schedule#1.value_with_tax`]: 24.9,
  }),
];

/** The sheet as Amazon lays it out; A1's settings split over three cells, as Amazon does past 32,767 characters. */
function sheet(listings: Cell[][] = LISTINGS): Cell[][] {
  const width = COLUMNS.length;
  const pad = (cells: Cell[]): Cell[] => [...cells, ...Array<Cell>(width - cells.length).fill(null)];
  const cut = [0, 300, 420, SETTINGS.length];
  return [
    pad([`settings=${SETTINGS.slice(cut[0], cut[1])}`, `settings2=${SETTINGS.slice(cut[1], cut[2])}`, `settings3=${SETTINGS.slice(cut[2], cut[3])}`]),
    pad(["     Compila questo modello in ITALIANO. NON modificare o eliminare le righe colorate dell'intestazione."]),
    COLUMNS.map(([group]) => group || null),
    COLUMNS.map(([, label]) => label),
    COLUMNS.map(([, , key]) => key),
    EXAMPLE,
    ...listings,
  ];
}

async function workbook(listings?: Cell[][]): Promise<Buffer> {
  return (await writeExcelFile([
    { data: [['Istruzioni per la compilazione']], sheet: 'Istruzioni' },
    { data: sheet(listings) as never, sheet: 'Modello' },
    { data: Array.from({ length: 200 }, (_, i) => ['Colore', `Valore ${i}`]), sheet: 'Valori validi' },
  ] as never).toBuffer()) as Buffer;
}

/**
 * Imports `file` into a new catalog, exports it to Amazon, imports the export into another new
 * catalog and expects every listing, variant and value back. Returns the import's report and the
 * exported files' lines for the caller's own checks.
 */
async function roundTrip(file: string, defaultCurrency?: string): Promise<{ report: ImportReport; written: string[] }> {
  const dir = path.dirname(file);
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  const fresh = openCatalog(tempDbPath(), { role: 'writer' });
  try {
    const source = await openImportSource(file, { fileName: path.basename(file) });
    const report = await applyImport(catalog, source, { fileName: path.basename(file), operationId: 'amazon-round-trip' });
    const before = catalogState(catalog);
    const summary = await exportListings(catalog, { format: 'amazon_flat_file', scope: { kind: 'all' }, outPath: path.join(dir, 'back.csv') });
    expect(summary.skipped).toBe(0);
    for (const exported of exportedPaths(summary)) {
      const again = await openImportSource(exported, { fileName: path.basename(exported), ...(defaultCurrency ? { defaultCurrency } : {}) });
      await applyImport(fresh, again, { fileName: path.basename(exported), operationId: 'amazon-round-trip-back' });
    }
    const differences = diffStates(before, catalogState(fresh));
    expect(differences, describeDifferences(differences)).toEqual([]);
    return { report, written: readFileSync(exportedPaths(summary)[0]!, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/) };
  } finally {
    fresh.close();
    catalog.close();
  }
}

describe("Amazon's current template and Category Listings Report", () => {
  it('reads the listings under the keys row, skips the example row, and reads the localized drop-downs', async () => {
    const read = await importText(await workbook(), {}, 'xlsm');
    expect(read.source.dialect).toBe('amazon_flat_file');
    expect(read.source.containerNote).toContain('sheet "Modello"');
    expect(read.listings.map((l) => l.sku)).toEqual(['PIATTO-01', 'TAZZA-FAM']);
    const [plate, cup] = read.listings as [(typeof read.listings)[number], (typeof read.listings)[number]];

    // The family: the parent row and its two children, the children as variants with their options.
    expect(cup.title).toBe('Tazza in ceramica fatta a mano');
    expect(cup.brand).toBe('Ceramiche Rossi');
    expect(cup.currency).toBe('EUR');
    expect(cup.images).toEqual(['https://example.com/tazza.jpg']);
    expect(cup.attributes).toMatchObject({ 'Bullet point 1': 'Ceramica di Deruta', 'Bullet point 2': 'Capacità 350 ml', 'Product type': 'DRINKING_CUP' });
    expect(cup.variants?.map((v) => [v.sku, v.options, v.priceMinor, v.quantity])).toEqual([
      ['TAZZA-BLU-M', [{ name: 'Color', value: 'Blu' }, { name: 'Size', value: 'M' }], 1850, 12],
      ['TAZZA-VERDE-L', [{ name: 'Color', value: 'Verde' }, { name: 'Size', value: 'L' }], 2100, 3],
    ]);
    expect(cup.quantity).toBe(15);

    // "Elimina" is Amazon's delete: archived, with the reason (the word is not kept: an export never deletes); the EAN and the weight are kept.
    expect(plate.status).toBe('archived');
    expect(plate.priceMinor).toBe(2490);
    expect(plate.quantity).toBe(0);
    expect(plate.attributes['EAN']).toBe('8001234567890');
    expect(plate.source?.columns).toMatchObject({ 'item_weight#1.value': '0.45', 'item_weight#1.unit': 'Chilogrammi' });
    expect(plate.source?.columns).not.toHaveProperty('::record_action');
    expect(plate.warnings.some((w) => /delete the listing; imported as Archived/.test(w.message))).toBe(true);

    // Every row is accounted for: the example row is named as skipped, no listing row is lost.
    expect((read.source.notes ?? []).some((n) => n.line === 6 && /Amazon's example row \(SKU ABC123\)/.test(n.message))).toBe(true);
    expect(read.rejected).toEqual([]);
  });

  it('reads a row where the example was (the seller deleted it) as a listing', async () => {
    const rows = sheet();
    rows.splice(5, 1);
    const file = await writeExcelFile([{ data: rows as never, sheet: 'Modello' }] as never).toBuffer();
    const read = await importText(file, {}, 'xlsx');
    expect(read.listings.map((l) => l.sku)).toEqual(['PIATTO-01', 'TAZZA-FAM']);
    expect(read.listings[1]!.variants).toHaveLength(2);
  });

  it('is told apart from an old flat file by its settings row, whatever else the sheet holds', () => {
    const [settings] = sheet();
    expect(detectTableDialect(COLUMNS.map(([, , key]) => key), [settings!.map((c) => String(c ?? ''))])[0]).toEqual({ dialect: 'amazon_flat_file', confidence: 1 });
    // The keys row alone (a seller copied it into a CSV without the rows above) still reads as Amazon's.
    expect(detectTableDialect(COLUMNS.map(([, , key]) => key))[0]?.dialect).toBe('amazon_flat_file');
  });

  it("refuses Amazon's offer template (no titles) whole, naming the reports that have them", async () => {
    // The real Amazon.it Listing Loader's keys (InventoryLoader_IT_20260820): offers only, no item name.
    const keys = [
      'contribution_sku#1.value', '::record_action', 'externally_assigned_product_identifier#1.type', 'externally_assigned_product_identifier#1.value',
      'merchant_suggested_asin#1.value', 'condition_type#1.value', 'fulfillment_availability#1.quantity',
      `purchasable_offer[marketplace_id=${IT}][audience=ALL]#1.our_price#1.schedule#1.value_with_tax`,
    ];
    const settings = `settings=feedType=256&primaryMarketplaceId=amzn1.mp.o.${IT}&contentLanguageTag=it_IT&labelRow=4&attributeRow=5&dataRow=7&flavor=seller-empty-add-offer&productTypeRequirement=LISTING_OFFER_ONLY`;
    const csv = [settings, 'Compila questo modello in ITALIANO.', "Identità dell'offerta", 'SKU,Azione,Tipo,ID,ASIN,Condizione,Quantità,Prezzo', keys.join(','), 'ABC123,Crea o modifica,UPC,714532191586,B007KQBXN0,Nuovo,152,50.00', '8001234567890,Crea o modifica,EAN,8001234567890,,Nuovo,4,149.10'].join('\n');
    await expect(importText(csv, {}, 'csv')).rejects.toThrow(/is an Amazon offer template .*without titles.*Nothing was imported\..*"All Listings Report".*Category Listings Report/);
  });

  it.each([
    ['its action words', LISTINGS.slice(0, 3)],
    // A blank action is the template's default: it goes back blank, not as a word the file did not have.
    ['blank actions', LISTINGS.slice(0, 3).map((cells) => cells.map((cell, i) => (COLUMNS[i]![2] === '::record_action' ? null : cell)))],
  ])('every value comes back after an export to Amazon (under the same attribute paths) and a re-import: %s', async (_name, listings) => {
    const file = path.join(tempDir(), 'Listings-Report-IT.xlsm');
    // Not the "Elimina" row: an export never asks Amazon to delete, so an archived listing goes back as an update.
    writeFileSync(file, await workbook(listings));
    const { report, written } = await roundTrip(file, 'EUR');
    expect(report.dataRows).toBe(3);
    expect(report.rows.new + report.rows.partOf).toBe(3);
    const headerLine = written[0]!;
    expect(headerLine.startsWith('contribution_sku#1.value,')).toBe(true);
    expect(headerLine).toContain(`item_name[marketplace_id=${IT}][language_tag=it_IT]#1.value`);
    expect(headerLine).not.toMatch(/(^|,)(item_sku|parent_child|currency)(,|$)/);
  });
});

/**
 * The Category Listings Report opens with two read-only columns before the SKU: `::listing_status`
 * (Active, Inactive, Incomplete) and `::title`, the title Amazon shows — the only one a listing has
 * when the seller's own item_name is blank (an offer on another brand's ASIN). Column order, keys
 * and words as real tools that read the report find them (github.com/BWB03/amazon-catalog-cli,
 * catalog/core/parser.py: Status, Title, SKU, Product Type…); the listings are made up.
 */
describe("Amazon's Category Listings Report columns", () => {
  const US = 'ATVPDKIKX0DER';
  const en = (key: string): string => key.replace('#', `[marketplace_id=${US}][language_tag=en_US]#`);
  const mp = (key: string): string => key.replace('#', `[marketplace_id=${US}]#`);
  const KEYS = [
    '::listing_status', '::title', 'contribution_sku#1.value', 'product_type#1.value', '::record_action', mp('parentage_level#1.value'),
    mp('child_parent_sku_relationship#1.parent_sku'), 'variation_theme#1.name', en('item_name#1.value'), en('brand#1.value'),
    'amzn1.volt.ca.product_id_type', 'amzn1.volt.ca.product_id_value', en('color#1.value'), en('size#1.value'),
    mp('condition_type#1.value'), 'fulfillment_availability#1.fulfillment_channel_code', 'fulfillment_availability#1.quantity',
    `purchasable_offer[marketplace_id=${US}][audience=B2B]#1.our_price#1.schedule#1.value_with_tax`,
    `purchasable_offer[marketplace_id=${US}][audience=ALL]#1.our_price#1.schedule#1.value_with_tax`,
  ];
  // Amazon's English words for the listing action (Amazon.in's template guide).
  const actions = [{ attribute: '::record_action', aliases: { 'Create or Replace (Full Update)': 'full_update', 'Edit (Partial Update)': 'partial_update', Delete: 'delete' } }];
  const EDIT = 'Edit (Partial Update)';
  const csv = [
    `settings=feedType=113&primaryMarketplaceId=amzn1.mp.o.${US}&contentLanguageTag=en_US&labelRow=4&attributeRow=5&dataRow=7&flavor=report&reportProvenance=true` +
      `&attributeSettings=${Buffer.from(JSON.stringify(actions)).toString('base64')}`,
    'Use ENGLISH to fill this template. DO NOT modify or delete the colored header rows.',
    'Listing Identity',
    'Status,Title,SKU,Product Type,Listing Action,Parentage Level,Parent SKU,Variation Theme Name,Item Name,Brand Name,Product Id Type,Product Id,Color,Size,Item Condition,Fulfillment Channel Code (US),Quantity (US),Your Price USD (B2B),Your Price USD (Sell on Amazon)',
    KEYS.join(','),
    `Active,Amazon Example,ABC123,,${EDIT},,,,,,ASIN,B000000000,,,,,,,`,
    `Active,CPC Tablecloth,FAMILY,TABLECLOTH,${EDIT},Parent,,COLOR/SIZE,CPC Tablecloth,CPC,,,,,,,,,`,
    `Active,CPC Sage Round Tablecloth,CPC-T1,TABLECLOTH,${EDIT},Child,FAMILY,COLOR/SIZE,,CPC,ASIN,B0AAAAAAA1,Sage,60 in,New,AMAZON_NA,,1.00,39.99`,
    `Inactive,CPC Sage Tablecloth 90,CPC-T2,TABLECLOTH,${EDIT},Child,FAMILY,COLOR/SIZE,CPC Sage Tablecloth 90,CPC,ASIN,B0AAAAAAA2,Sage,90 in,New,DEFAULT,5,1.00,49.50`,
    `Incomplete,,CPC-QUILT,BLANKET,${EDIT},,,,CPC Quilt,CPC,GTIN Exempt,,,,New,DEFAULT,2,,89.00`,
    `Active,Linen Apron by Another Brand,CPC-APRON,APRON,${EDIT},,,,,,ASIN,B0AAAAAAA5,,,New,DEFAULT,7,,19.99`,
  ].join('\n');

  it("reads the status and, where the seller's item name is blank, Amazon's title", async () => {
    const read = await importText(csv, {}, 'csv');
    expect(read.rejected).toEqual([]);
    const by = new Map(read.listings.map((l) => [l.sku, l]));
    expect([...by.keys()].sort()).toEqual(['CPC-APRON', 'CPC-QUILT', 'FAMILY']);
    expect(by.get('CPC-APRON')).toMatchObject({ title: 'Linen Apron by Another Brand', status: 'active', priceMinor: 1999, quantity: 7, currency: 'USD' });
    expect(by.get('CPC-QUILT')).toMatchObject({ title: 'CPC Quilt', status: 'draft' });
    const family = by.get('FAMILY')!;
    // The shop price, not the business price beside it; the child's own status stays with it.
    expect(family.variants?.map((v) => [v.sku, v.priceMinor, v.quantity, v.columns?.['::listing_status']])).toEqual([
      ['CPC-T1', 3999, null, undefined],
      ['CPC-T2', 4950, 5, 'Inactive'],
    ]);
  });

  it("a report without an item-name column is read by Amazon's titles, not refused as an offer template", async () => {
    const without = (line: string): string => line.split(',').filter((_, i) => i !== KEYS.indexOf(en('item_name#1.value'))).join(',');
    const read = await importText(csv.split('\n').map((line, i) => (i >= 3 ? without(line) : line)).join('\n'), {}, 'csv');
    expect(read.listings.find((l) => l.sku === 'CPC-APRON')?.title).toBe('Linen Apron by Another Brand');
    // Only the quilt, whose title was in the column taken out, has none left.
    expect(read.rejected.map((r) => r.lines)).toEqual([[10]]);
  });

  it('keeps a status word it does not know as written, and leaves the status alone', async () => {
    const read = await importText(csv.replace('Incomplete,', 'Incompleto,'), {}, 'csv');
    const quilt = read.listings.find((l) => l.sku === 'CPC-QUILT')!;
    expect(quilt.status).toBe('active');
    expect(quilt.source?.columns['::listing_status']).toBe('Incompleto');
  });

  it('the status and the title come back after an export under the same paths and a re-import', async () => {
    const file = path.join(tempDir(), 'Category+Listings+Report.csv');
    writeFileSync(file, csv);
    const { written } = await roundTrip(file);
    expect(written[0]!.startsWith('::listing_status,contribution_sku#1.value,')).toBe(true);
    expect(written.find((line) => line.includes('CPC-QUILT'))!.startsWith('Incomplete,')).toBe(true);
    // The condition under the key the report spells (with the marketplace, as category templates do).
    expect(written[0]).toContain(`,${mp('condition_type#1.value')},`);
    // A child whose item name the report left blank gets none made up: the partial update keeps Amazon's title.
    const itemName = written[0]!.split(',').indexOf(en('item_name#1.value'));
    expect(written.find((line) => line.includes(',CPC-T1,'))!.split(',')[itemName]).toBe('');
    expect(written.find((line) => line.includes(',CPC-T2,'))!.split(',')[itemName]).toBe('CPC Sage Tablecloth 90');
  });
});

/**
 * Amazon's Vendor Central template (tests/real-files/amazon_vendor-central_template_DE_…xlsm, as
 * Amazon gave it, unfilled): A1 `TemplateType=Dynamic` with the `settings=` in J1, labels on row 3,
 * keys on row 4, a row of required/optional words, the example, listings from row 7. The rows above
 * the listing are that file's; the listing is made up.
 */
describe("Amazon's Vendor Central template", () => {
  const SETTINGS = 'settings=attributeRow=4&contentLanguageTag=de_DE&dataRow=7&feedType=5100&flavor=vendor&labelRow=3&primaryMarketplaceId=amzn1.mp.o.A1PA6795UKMFR9';
  const csv = [
    ['TemplateType=Dynamic', 'Version=1.3', 'Locale=de_DE', SETTINGS, '', '', '', '', ''],
    ['Angebotsidentität', '', 'Produktidentität', '', '', '', '', '', 'Angebot'],
    ['Händlercode', 'Händler-SKU', 'Produkttyp', 'Artikelname', 'Markenname', 'Art der externen Produkt-ID', 'Externe Produkt-ID', 'Artikelzustand', 'Listenpreis'],
    ['rtip_vendor_code#1.value', 'vendor_sku#1.value', 'product_type#1.value', 'item_name#1.value', 'brand#1.value', 'external_product_id#1.type', 'external_product_id#1.value', 'condition_type#1.value', 'list_price#1.value'],
    ['BEDINGT ERFORDERLICH', 'PFLICHTFELD', 'PFLICHTFELD', 'PFLICHTFELD', 'PFLICHTFELD', 'BEDINGT ERFORDERLICH', 'BEDINGT ERFORDERLICH', 'OPTIONAL', 'OPTIONAL'],
    ['AMZN4', 'ABC123', 'ZUBEHÖR', 'Toskanischer Weinberg – Leinwand', 'Sony', 'EAN', '714532191586', 'Neu', '25.00'],
    ['PS0SD', 'SK-6L', 'PRESSURE_COOKER', 'Schnellkochtopf 6 l Edelstahl', 'Macom', 'EAN', '4006508123456', 'Neu', '79.90'],
  ]
    .map((cells) => cells.join(','))
    .join('\n');

  it('reads the keys row the settings in J1 name, skips the required-words row and the example, and reads the vendor SKU', async () => {
    const read = await importText(csv, {}, 'csv');
    expect(read.source.dialect).toBe('amazon_flat_file');
    expect(read.rejected).toEqual([]);
    expect(read.listings.map((l) => [l.sku, l.title, l.brand, l.priceMinor, l.currency, l.attributes['EAN']])).toEqual([
      ['SK-6L', 'Schnellkochtopf 6 l Edelstahl', 'Macom', 7990, 'EUR', '4006508123456'],
    ]);
    const notes = (read.source.notes ?? []).map((n) => [n.line, n.message]);
    expect(notes).toContainEqual([5, "Skipped the template's row saying which columns are required (it is not a listing)"]);
    expect(notes.some(([line, message]) => line === 6 && /example row \(SKU ABC123\)/.test(String(message)))).toBe(true);
  });
});
