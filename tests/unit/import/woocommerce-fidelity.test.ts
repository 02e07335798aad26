import { describe, expect, it } from 'vitest';
import { englishHeader } from '../../../core/import/canonical-headers.js';
import { previewImport } from '../../../core/import/preview-import.js';
import { splitWooList, unescapeWooNewlines } from '../../../core/import/woocommerce-text.js';
import { collect, corpusFiles, corpusPath, fixture, importText } from './helpers.js';
import { readColumns, unkeptCells } from './kept-cells.js';
import { lostCells } from './no-cell-lost.js';
import { catalogFromText, exportAll } from '../export/export-helpers.js';

/**
 * The WooCommerce reader: translated headers, identity (ID, SKU, variations by `id:NN` or the
 * parent's SKU), every unread cell kept under the file's own header, escaped newlines, statuses,
 * oversold stock and bad variations.
 */

/**
 * The columns the WooCommerce reader reads into fields (English; translated headers are compared in
 * English), and WooCommerce's field keys it reads the same (`regular_price`: an import file's).
 */
const english = readColumns('ID', 'Type', 'Column 2', 'SKU', 'Name', 'Published', 'Description', 'Regular price', 'Categories', 'Tags', 'Images', 'Parent', 'Stock', 'Brands', /^attribute \d+ (name|value\(s\))$/, 'regular_price', 'category_ids', 'tag_ids', 'parent_id', 'stock_quantity');
const READ = (header: string): boolean => english(englishHeader('woocommerce', header));

const files = corpusFiles().filter((name) => name.startsWith('woocommerce_'));

describe('WooCommerce: nothing of a real export is lost', () => {
  it.each(files)('%s', async (file) => {
    const path = corpusPath(file);
    const { records, source } = await collect(path);
    expect(source.dialect).toBe('woocommerce');
    expect(await unkeptCells(path, records, READ)).toEqual([]);
    // A variation row's Type says only that it is one; descriptions are held with their `\n` unescaped.
    const lost = await lostCells(path, records, { structural: /^(type|column 2)$/ });
    const described = records.flatMap((r) => (r.kind === 'listing' ? [r.listing.description] : []));
    // A variation's `Parent` of `id:NN` is held by its grouping under the variable product whose ID is NN.
    const variable = new Set(records.flatMap((r) => (r.kind === 'listing' && r.listing.variants.length > 0 && r.listing.sourceId !== null ? [`id:${r.listing.sourceId}`] : [])));
    // A published product whose In stock? is 0 is sold out: Published 1 is held by that status.
    const soldOut = new Set(records.flatMap((r) => (r.kind === 'listing' && r.listing.status === 'sold_out' ? [r.lines[0]] : [])));
    const heldByStatus = (cell: { line: number; column: string; value: string }): boolean => englishHeader('woocommerce', cell.column) === 'Published' && cell.value === '1' && soldOut.has(cell.line);
    // (lostCells reports the first 200 characters of a cell.)
    // A list escapes a comma inside a value (`amaryl\,`): held when each value, unescaped, is.
    const byLine = new Map(records.flatMap((r) => (r.kind === 'listing' ? r.lines.map((line) => [line, r.listing] as const) : [])));
    const heldList = (cell: { line: number; column: string; value: string }): boolean => {
      const listing = byLine.get(cell.line);
      const held = englishHeader('woocommerce', cell.column) === 'Tags' ? listing?.tags : englishHeader('woocommerce', cell.column) === 'Images' ? listing?.images : undefined;
      return held !== undefined && splitWooList(cell.value).every((value) => held.includes(value));
    };
    expect(lost.filter((cell) => !(cell.column === 'Parent' && variable.has(cell.value)) && !heldByStatus(cell) && !heldList(cell) && !described.some((text) => text.startsWith(unescapeWooNewlines(cell.value))))).toEqual([]);
  });

  it('the French hand-edited export: translated headers, a blanked Type header, unit-word prices', async () => {
    const { listings, rejected } = await collect(corpusPath('woocommerce_product-export_FRENCH_hand-edited__MisterMarveil.csv'), { defaultCurrency: 'XOF' });
    expect(listings.reduce((n, l) => n + l.variants.length, 0)).toBe(428);
    expect(rejected).toHaveLength(1);
    const first = listings[0]!;
    expect(first).toMatchObject({ sourceId: '29', sku: 'EV- 0001', title: 'Ensemble Lacoste Junior "Chic Élégant"', priceMinor: 15000, currency: 'XOF' });
    expect(first.source).toMatchObject({ layout: 'fr_FR', columns: { 'Tarif promo': '12000 Fcfa', 'Méta : _wp_page_template': 'default' } });
    expect(first.warnings.some((w) => w.column === 'Tarif régulier' && w.message.includes('"Fcfa" is not a currency code'))).toBe(true);
    expect(first.variants[0]).toMatchObject({ options: [{ name: 'taille', value: '04 ans' }], priceMinor: 15000 });
    expect(first.variants[0]!.columns).toMatchObject({ ID: '127', Nom: 'Ensemble Lacoste Junior "Chic Élégant" - Taille 04 ans', 'Tarif promo': '12000Fcfa' });
  });
});

const RUSSIAN = [
  'ID,Тип,Артикул,Имя,Опубликован,Рекомендуемый?,Видимость в каталоге,Краткое описание,Описание,Наличие,Запасы,Вес (кг),Акционная цена,Базовая цена,Категории,Метки,Изображения,Родительский,Позиция,Название атрибута 1,Значения атрибутов 1,Видимость атрибута 1,Глобальный атрибут 1,Мета: _wpcom_is_markdown',
  '10,variable,SHIRT,Рубашка,1,0,visible,Хлопок,Мягкая рубашка\\nиз хлопка,1,,0.3,,,Одежда,"лето, хлопок",https://i/shirt.jpg,,0,Размер,"S, M",1,1,1',
  '11,variation,SHIRT-S,Рубашка - S,1,0,visible,,,1,-2,,900,1000,,,https://i/shirt-s.jpg,id:10,1,Размер,S,,1,',
  '12,variation,SHIRT-M,Рубашка - M,1,0,visible,,,1,5,,,1100,,,,SHIRT,2,Размер,M,,1,',
  '13,simple,MUG,Кружка,0,0,visible,,Кружка,1,7,0.4,,350,"Посуда, Кухня",,,,0,Цвет,Белый,1,0,',
].join('\n');

const GERMAN = [
  'ID,Typ,Artikelnummer,"GTIN, UPC, EAN oder ISBN",Name,Veröffentlicht,Ist hervorgehoben?,Sichtbarkeit im Katalog,Kurzbeschreibung,Beschreibung,Vorrätig?,Bestand,Gewicht (kg),Angebotspreis,Regulärer Preis,Kategorien,Schlagwörter,Bilder,Übergeordnetes Produkt,Position,Attribut 1 Name,Attribut 1 Wert(e),Attribut 1 Sichtbar,Attribut 1 Global',
  '20,simple,TASSE,4006381333931,Tasse,1,0,visible,Kurz,Lang\\nzweite Zeile,1,3,"0,4",,"12,50",Küche,"rot, groß",https://i/tasse.jpg,,0,Farbe,Rot,1,0',
].join('\n');

describe('WooCommerce: translated headers', () => {
  it('a Russian export is recognised and read; kept columns keep the Russian headers', async () => {
    const preview = await previewImport(fixture(RUSSIAN), { fileId: 'f', fileName: 'wc-product-export.csv', sizeBytes: 1 });
    expect(preview.dialect).toBe('woocommerce');
    expect(preview.confidence).toBeGreaterThan(0.8);
    const { listings, rejected } = await importText(RUSSIAN);
    expect(rejected).toEqual([]);
    const shirt = listings.find((l) => l.sku === 'SHIRT');
    const mug = listings.find((l) => l.sku === 'MUG');
    expect(shirt).toMatchObject({ sourceId: '10', sku: 'SHIRT', title: 'Рубашка', description: 'Мягкая рубашка\nиз хлопка', category: 'Одежда', tags: ['лето', 'хлопок'], images: ['https://i/shirt.jpg'], lines: [2, 3, 4] });
    expect(shirt!.variants).toEqual([
      { sku: 'SHIRT-S', options: [{ name: 'Размер', value: 'S' }], priceMinor: 100000, quantity: -2, image: 'https://i/shirt-s.jpg', columns: { ID: '11', Имя: 'Рубашка - S', Опубликован: '1', 'Рекомендуемый?': '0', 'Видимость в каталоге': 'visible', Наличие: '1', 'Акционная цена': '900', Позиция: '1', 'Глобальный атрибут 1': '1' } },
      { sku: 'SHIRT-M', options: [{ name: 'Размер', value: 'M' }], priceMinor: 110000, quantity: 5, image: null, columns: { ID: '12', Имя: 'Рубашка - M', Опубликован: '1', 'Рекомендуемый?': '0', 'Видимость в каталоге': 'visible', Наличие: '1', Позиция: '2', 'Глобальный атрибут 1': '1' } },
    ]);
    expect(shirt!.source).toMatchObject({
      layout: 'ru_RU',
      columns: { 'Краткое описание': 'Хлопок', 'Вес (кг)': '0.3', 'Мета: _wpcom_is_markdown': '1', 'Видимость атрибута 1': '1', 'Глобальный атрибут 1': '1' },
    });
    expect(shirt!.warnings).toContainEqual({ line: 3, column: 'Запасы', message: expect.stringContaining('Stock is negative (-2)') });
    expect(mug).toMatchObject({ sourceId: '13', sku: 'MUG', status: 'inactive', priceMinor: 35000, quantity: 7, category: 'Посуда', attributes: { Цвет: 'Белый', Categories: 'Посуда, Кухня', 'Product type': 'simple' } });
    expect(mug!.source).toMatchObject({ status: '0', attributeColumns: { Цвет: 'Значения атрибутов 1', Categories: 'Категории', 'Product type': 'Тип' }, columns: { 'Название атрибута 1': 'Цвет' } });
  });

  it('a German export is recognised and read (decimal commas, GTIN kept)', async () => {
    const preview = await previewImport(fixture(GERMAN), { fileId: 'f', fileName: 'x.csv', sizeBytes: 1 });
    expect(preview.dialect).toBe('woocommerce');
    const { listings } = await importText(GERMAN);
    expect(listings[0]).toMatchObject({ sourceId: '20', sku: 'TASSE', title: 'Tasse', description: 'Lang\nzweite Zeile', priceMinor: 1250, quantity: 3, tags: ['rot', 'groß'], attributes: { Farbe: 'Rot' } });
    expect(listings[0]!.source).toMatchObject({ layout: 'de_DE', columns: { 'GTIN, UPC, EAN oder ISBN': '4006381333931', Kurzbeschreibung: 'Kurz', 'Gewicht (kg)': '0,4', 'Vorrätig?': '1' } });
  });

  it('an English export has no layout', async () => {
    const { listings } = await importText('ID,Type,SKU,Name,Regular price\n1,simple,A,Mug,5\n');
    expect(listings[0]!.source?.layout).toBeUndefined();
  });
});

describe('WooCommerce: values as the exporter writes them', () => {
  const head = 'ID,Type,SKU,Name,Published,Short description,Description,In stock?,Stock,Sale price,Regular price,Categories,Tags,Images,Parent,Meta: _custom';

  it('`\\n` in descriptions is a newline (`\\\\n` stays as written, as WooCommerce\'s importer leaves it); kept cells stay raw', async () => {
    const { listings } = await importText(`${head}\n1,simple,A,Mug,1,Short\\nline,One\\ntwo \\\\n three,1,1,,5,,,,,\n2,simple,B,Bowl,1,Only short\\nhere,,1,1,,5,,,,,\n`);
    expect(listings[0]!.description).toBe('One\ntwo \\\\n three');
    expect(listings[0]!.source!.columns['Short description']).toBe('Short\\nline');
    // No description: the short one stands in (unescaped), and is still kept as written.
    expect(listings[1]!.description).toBe('Only short\nhere');
    expect(listings[1]!.source!.columns['Short description']).toBe('Only short\\nhere');
  });

  it('Sale price, Short description and meta are kept columns, not attributes', async () => {
    const { listings } = await importText(`${head}\n1,simple,A,Mug,1,Short,Long,1,4,4.50,5.00,Kitchen,,,,x\n`);
    expect(listings[0]!.attributes).toEqual({ 'Product type': 'simple' });
    expect(listings[0]!.source!.columns).toEqual({ 'Short description': 'Short', 'In stock?': '1', 'Sale price': '4.50', 'Meta: _custom': 'x' });
    expect(listings[0]!.source!.unknown).toEqual(['brand', 'condition', 'materials']);
  });

  it('a variation row that leaves the attribute name blank takes the parent\'s name (a hand-made import file)', async () => {
    const text = 'Type,SKU,Name,Attribute 1 name,Attribute 1 value(s),Parent,Regular price\nvariable,tesa,TESA,Strength,"5mg, 10mg",,\nvariation,tesa-5mg,TESA - 5mg,,5mg,tesa,45\nvariation,tesa-10mg,TESA - 10mg,,10mg,tesa,85\n';
    const { listings } = await importText(text);
    expect(listings).toHaveLength(1);
    expect(listings[0]!.variants.map((v) => v.options)).toEqual([[{ name: 'Strength', value: '5mg' }], [{ name: 'Strength', value: '10mg' }]]);
  });

  it('categories and tags with escaped commas (`\\,`) are one value each', async () => {
    const { listings } = await importText(`${head}\n1,simple,A,Mug,1,,,1,1,,5,"Home\\, Garden > Pots, Gifts","big\\, red, mug",,,\n`);
    expect(listings[0]).toMatchObject({ category: 'Home, Garden > Pots', tags: ['big, red', 'mug'], attributes: { Categories: 'Home\\, Garden > Pots, Gifts' } });
  });

  it('every Published value keeps its meaning: 1 publish, 0 private, -1 draft, 2 pending', async () => {
    const rows = ['1', '0', '-1', '2'].map((p, n) => `${n + 1},simple,S${n},Item ${n},${p},,,1,1,,5,,,,,`);
    const { listings } = await importText([head, ...rows].join('\n'));
    expect(listings.map((l) => [l.status, l.source?.status])).toEqual([
      ['active', undefined],
      ['inactive', '0'],
      ['draft', '-1'],
      ['draft', '2'],
    ]);
  });

  it('identity: ID as sourceId when present (else null), SKU; variations by id:NN or by the parent\'s SKU', async () => {
    const { listings } = await importText(
      [
        head,
        ',variable,TEE,Tee,1,,,1,,,,,,,,',
        '7,variable,,Cap,1,,,1,,,,,,,,',
        ',variation,TEE-1,Tee - 1,1,,,1,1,,5,,,,TEE,',
        ',variation,CAP-1,Cap - 1,1,,,1,1,,6,,,,id:7,',
        ',variation,LOST-1,Lost - 1,1,,,1,1,,7,,,,id:99,',
      ].join('\n'),
    );
    expect(listings.map((l) => [l.sourceId, l.sku, l.variants.map((v) => v.sku)])).toEqual([
      [null, 'TEE', ['TEE-1']],
      ['7', null, ['CAP-1']],
      [null, 'LOST-1', []],
    ]);
    expect(listings[2]!.warnings[0]!.message).toMatch(/Parent "id:99" is not in the file/);
    expect(listings[2]!.source!.columns['Parent']).toBe('id:99');
  });

  it('a bad variation is rejected alone, with its reason; a bad product price keeps the product, unknown price, cell kept', async () => {
    const { records, listings, rejected } = await importText(
      [head, '5,variable,TEE,Tee,1,,,1,,,,,,,,', '6,variation,TEE-S,Tee - S,1,,,1,1,,abc,,,,id:5,', '7,variation,TEE-M,Tee - M,1,,,1,1,,5,,,,id:5,', '8,simple,MUG,Mug,1,,,1,1,,cheap,,,,,'].join('\n'),
    );
    expect(rejected).toEqual([{ lines: [3], line: 3, column: 'Regular price', message: expect.stringContaining('Price "abc" is not a number') }]);
    expect(listings.map((l) => [l.sku, l.lines, l.variants.map((v) => v.sku)])).toEqual([
      ['MUG', [5], []],
      ['TEE', [2, 4], ['TEE-M']],
    ]);
    const mug = records.find((r) => r.kind === 'listing' && r.listing.sku === 'MUG')!;
    expect(mug.kind === 'listing' && mug.errors).toEqual([{ line: 5, column: 'Regular price', message: expect.stringContaining('imported without a price') }]);
    expect(listings[0]).toMatchObject({ priceMinor: null, source: { columns: { 'Regular price': 'cheap' }, unknown: expect.arrayContaining(['priceMinor']) } });
  });

  it('oversold stock (backorders) is imported with a warning', async () => {
    const { listings } = await importText(`${head}\n1,simple,A,Mug,1,,,1,-4,,5,,,,,\n`);
    expect(listings[0]).toMatchObject({ quantity: -4, status: 'active' });
    expect(listings[0]!.warnings[0]!.message).toMatch(/Stock is negative \(-4\)/);
  });
});

describe('WooCommerce: In stock? of a product its status cannot call sold out', () => {
  it('a private variable product whose variations are all sold out goes back with In stock? 0 (marroxo export)', async () => {
    const csv = [
      'ID,Type,SKU,Name,Published,In stock?,Stock,Regular price,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global',
      '946,variable,,FiveM Account,0,0,,,,Plan,"Basic, Full",1,0',
      '947,variation,,FiveM Account - Basic,1,0,0,5,id:946,Plan,Basic,,0',
      '948,variation,,FiveM Account - Full,1,0,0,9,id:946,Plan,Full,,0',
      '950,simple,P-1,Private mug,0,1,3,12,,,,,',
    ].join('\n');
    const catalog = await catalogFromText(csv, { currency: 'EUR' });
    const { files } = await exportAll(catalog, 'woocommerce');
    catalog.close();
    const [file] = files;
    const row = (id: string): string[] => file!.rows.find((r) => file!.at(r, 'ID') === id)!;
    expect(file!.at(row('946'), 'In stock?')).toBe('0');
    // A private product with stock keeps saying in stock.
    expect(file!.at(row('950'), 'In stock?')).toBe('1');
  });

  it('a Brands column left blank goes back blank, so the brands stay known-empty (not unknown) on the way back', async () => {
    const csv = ['ID,Type,SKU,Name,Published,Regular price,Brands', '1,simple,A-1,Mug,1,5,', '2,simple,A-2,Cup,1,6,Acme'].join('\n');
    const catalog = await catalogFromText(csv, { currency: 'EUR' });
    const { files } = await exportAll(catalog, 'woocommerce');
    catalog.close();
    const [file] = files;
    expect(file!.header).toContain('Brands');
    expect(file!.rows.map((r) => file!.at(r, 'Brands'))).toEqual(['', 'Acme']);
  });
});
