import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../common/result.js';
import { CsvTokenizer, sniffDelimiter, type CsvRecord } from '../../../core/import/csv-tokenizer.js';
import { detectTableDialect, sniffTextKind } from '../../../core/import/detect-dialect.js';
import { normaliseHeaders } from '../../../core/import/read-table.js';
import { previewImport } from '../../../core/import/preview-import.js';
import { parsePrice, parsePythonList, parseQuantity, RowError } from '../../../core/import/values.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { tempDbPath } from '../catalog/temp-catalog.js';
import { fixture, importText } from './helpers.js';

const SHOPIFY_HEAD = 'Handle,Title,Body (HTML),Vendor,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Variant Barcode,Image Src,Image Position,Status';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

describe('values', () => {
  it('parses prices with string math', () => {
    expect(parsePrice('12.00', 'p')?.minor).toBe(1200);
    expect(parsePrice('12,00', 'p')?.minor).toBe(1200);
    expect(parsePrice('12,5', 'p')?.minor).toBe(1250);
    expect(parsePrice('1,234.56', 'p')?.minor).toBe(123456);
    expect(parsePrice('1.234,56', 'p')?.minor).toBe(123456);
    expect(parsePrice('1,234', 'p', { ambiguous: 'warn' })?.minor).toBe(123400);
    expect(parsePrice('1.234', 'p', { decimalComma: true })?.minor).toBe(123400);
    expect(parsePrice('12.00 USD', 'p')).toEqual({ minor: 1200, currency: 'USD', sharedSymbol: false });
    expect(parsePrice('€ 9,99', 'p')).toEqual({ minor: 999, currency: 'EUR', sharedSymbol: false });
    expect(parsePrice('4800 JPY', 'p')).toEqual({ minor: 4800, currency: 'JPY', sharedSymbol: false });
    expect(parsePrice('0.1', 'p')?.minor).toBe(10);
    // A third decimal USD cannot hold is not rounded (price-separators.test.ts).
    expect(() => parsePrice('19.999', 'p')).toThrow(RowError);
    expect(parsePrice('', 'p')).toBeNull();
    expect(() => parsePrice('-5.00', 'Price')).toThrow('Price is negative (-5.00) — fix it in the file');
    expect(() => parsePrice('abc', 'Price')).toThrow(RowError);
  });
  it('parses quantities; negative (oversold) stock is kept with a warning, text warns', () => {
    expect(parseQuantity('10', 'q').value).toBe(10);
    expect(parseQuantity('10.0', 'q').value).toBe(10);
    expect(parseQuantity('1,000', 'q').value).toBe(1000);
    expect(parseQuantity('lots', 'q')).toEqual({ value: null, warning: expect.stringContaining('lots') });
    expect(parseQuantity('-3', 'q')).toEqual({ value: -3, warning: expect.stringContaining('Stock is negative (-3)') });
    expect(parseQuantity('-0', 'q')).toEqual({ value: 0, warning: null });
  });
  it('parses Python list reprs', () => {
    expect(parsePythonList("['a', 'b c', \"it's\"]")).toEqual(['a', 'b c', "it's"]);
    expect(parsePythonList('[]')).toEqual([]);
    expect(parsePythonList('a, b')).toBeNull();
  });
});

describe('tokenizer and headers', () => {
  const tokenize = (text: string, delimiter = ',', pieces = 1): CsvRecord[] => {
    const t = new CsvTokenizer(delimiter);
    const out: CsvRecord[] = [];
    const size = Math.ceil(text.length / pieces);
    for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size), out);
    t.end(out);
    return out;
  };
  it('tracks start lines across CRLF, LF, CR and multi-line quoted cells, in any chunking', () => {
    const text = 'a,b\r\n"x\r\ny\nz",2\n\n3,"q""uote"\r4,5\r\n';
    for (const pieces of [1, 3, 7, text.length]) {
      const records = tokenize(text, ',', pieces);
      expect(records.map((r) => r.line)).toEqual([1, 2, 6, 7]);
      expect(records[1]!.cells).toEqual(['x\r\ny\nz', '2']);
      expect(records[2]!.cells).toEqual(['3', 'q"uote']);
    }
  });
  it('keeps quotes inside unquoted cells and reports unclosed quotes', () => {
    expect(tokenize('5" tall,x\n')[0]!.cells).toEqual(['5" tall', 'x']);
    const records = tokenize('a,b\n"open,2\n3,4\n');
    expect(records[1]!.unclosedQuote).toBe(true);
    expect(records[1]!.line).toBe(2);
  });
  it('sniffs the delimiter', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(sniffDelimiter('"a,1",b\n"x,y",z\n')).toBe(',');
    // A TSV whose descriptions split into many equal comma columns: only the header disagrees, and consistency wins over width.
    const description = Array.from({ length: 30 }, (_, i) => `part ${i}`).join(', ');
    expect(sniffDelimiter(['id\ttitle\tdescription', ...Array.from({ length: 45 }, (_, i) => `${i}\tCase ${i}\t${description}`)].join('\n'))).toBe('\t');
  });
  it('a header naming columns over rows broken by unquoted line breaks is refused with that reason, not read into pieces', async () => {
    // As a real hand-edited Shopify file had it: unquoted HTML whose style attributes hold semicolons.
    const body = "<p><span style='font-size: 20px; font-family: times'>Features:</span></p>\n<p><span style='color: red; margin: 0'>*Brand new</span></p>\n<p><span style='color: red; margin: 0'>*Good materials</span></p>";
    const rows = Array.from({ length: 12 }, (_, i) => `pump-${i},Pump ${i},${body},Acme,,TRUE,Title,Default Title,12.00`);
    const text = ['Handle,Title,Body (HTML),Vendor,Type,Published,Option1 Name,Option1 Value,Variant Price', ...rows].join('\n');
    await expect(importText(text)).rejects.toThrow(/header of 9 columns, but its rows do not line up with it/);
  });

  it('normalises headers: trim, empty → Column N, duplicates numbered', () => {
    expect(normaliseHeaders(['\uFEFFtitle', ' C:US Shoe Size', '', 'Tag', 'tag', ''])).toEqual(['title', 'C:US Shoe Size', 'Column 3', 'Tag', 'tag (2)', 'Column 6']);
  });
  it('tells formats apart by their first characters', () => {
    expect(sniffTextKind('<?xml version="1.0"?><rss>')).toBe('xml');
    expect(sniffTextKind('  [{"title":"a"}]')).toBe('json');
    expect(sniffTextKind('{"title":"a"}\n{"title":"b"}\n')).toBe('jsonl');
    expect(sniffTextKind('{\n  "listings": []\n}')).toBe('json');
    expect(sniffTextKind('title,price\n')).toBe('table');
  });
  it('scores dialects from headers', () => {
    expect(detectTableDialect(['Title', 'URL handle', 'Description', 'SKU', 'Price', 'Product image URL', 'Option1 name'])[0]!.dialect).toBe('shopify');
    expect(detectTableDialect(['item-name', 'item-description', 'listing-id', 'seller-sku', 'price', 'quantity', 'asin1', 'status'])[0]!.dialect).toBe('amazon_all_listings');
    expect(detectTableDialect(['foo', 'bar'])[0]!.dialect).toBe('generic_csv');
  });
});

describe('encodings', () => {
  const csv = 'title,price\ncafé crème,4.50\n';
  it('UTF-8 with and without BOM', async () => {
    const plain = await importText(csv);
    const bom = await importText(`\uFEFF${csv}`);
    expect(plain.source.encoding).toBe('utf-8');
    expect(bom.source.encoding).toBe('utf-8-bom');
    expect(bom.listings[0]!.title).toBe('café crème');
    expect(bom.listings[0]!.priceMinor).toBe(450);
  });
  it('UTF-16LE and UTF-16BE with BOM (Excel "Unicode text", tab separated)', async () => {
    const tsv = 'Title\tPrice\tQuantity\r\nNaïve mug\t12,50\t3\r\n';
    for (const bigEndian of [false, true]) {
      const r = await importText(utf16(tsv, bigEndian), {}, 'txt');
      expect(r.source.encoding).toBe(bigEndian ? 'utf-16be' : 'utf-16le');
      expect(r.listings[0]).toMatchObject({ title: 'Naïve mug', priceMinor: 1250, quantity: 3 });
    }
  });
  it('falls back to Windows-1252 and says so', async () => {
    const bytes = Buffer.from('title,price\ncaf\xe9 \x80 cr\xe8me,4.50\n', 'latin1');
    const r = await importText(bytes);
    expect(r.source.encoding).toBe('windows-1252');
    expect(r.source.encodingNote).toMatch(/Not valid UTF-8.*Windows-1252/);
    expect(r.listings[0]!.title).toBe('café € crème');
  });
  it('fails clearly when UTF-8 breaks after the head instead of mixing encodings', async () => {
    const good = `title,price\n${'plain row,1.00\n'.repeat(30_000)}`;
    const bytes = Buffer.concat([Buffer.from(good), Buffer.from('caf\xe9,2.00\n', 'latin1')]);
    await expect(importText(bytes)).rejects.toThrow(/stops being valid UTF-8 near line/);
  });
  it('refuses empty and binary files with actionable messages', async () => {
    await expect(importText('')).rejects.toThrow(ContractError);
    await expect(importText('')).rejects.toThrow(/empty/);
    await expect(importText('\n\n  \n')).rejects.toThrow(/no data/);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    // A ZIP header with nothing behind it: a workbook or archive cut short.
    await expect(importText(zip)).rejects.toThrow(/looks like a ZIP file or Excel workbook but cannot be opened/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await expect(importText(png)).rejects.toThrow(/not a text export/);
  });
});

describe('table quirks', () => {
  it('CRLF, LF and mixed line ends give the same listings and right line numbers', async () => {
    for (const eol of ['\n', '\r\n']) {
      const r = await importText(['title,price', 'a,1', 'b,2'].join(eol) + eol);
      expect(r.listings.map((l) => [l.title, l.lines[0]])).toEqual([['a', 2], ['b', 3]]);
    }
    const mixed = await importText('title,price\r\na,1\nb,2\r\nc,3');
    expect(mixed.listings.map((l) => l.lines[0])).toEqual([2, 3, 4]);
  });
  it('multi-line quoted cells: the next row has the right line number', async () => {
    const r = await importText('title,description,price\n"Mug","line one\nline two\n\nline four",5\nPlate,flat,3\n');
    expect(r.listings[0]!.description).toBe('line one\nline two\n\nline four');
    expect(r.listings[1]!.lines).toEqual([6]);
  });
  it('blank lines are skipped and not counted', async () => {
    const r = await importText('title,price\n\na,1\n\n\nb,2\n\n');
    expect(r.source.dataRows()).toBe(2);
    expect(r.listings.map((l) => l.lines[0])).toEqual([3, 6]);
  });
  it('preamble rows: eBay #INFO, Amazon TemplateType + labels, Depop template version', async () => {
    const ebay = await importText('#INFO,Version=0.0.2,,\n#INFO,,,\nAction(SiteID=UK|Country=GB|Currency=GBP|Version=1193),Custom label (SKU),Title,Price,Quantity,C:Brand\nAdd,S1,Teapot,10.00,2,Acme\n');
    expect(ebay.source.dialect).toBe('ebay_seller_hub');
    expect(ebay.listings[0]).toMatchObject({ title: 'Teapot', currency: 'GBP', priceMinor: 1000, sku: 'S1', lines: [4], attributes: { Brand: 'Acme' } });
    const amazon = await importText('TemplateType=fptcustom,Version=2021.1,TemplateSignature=X\nSeller SKU,Product Name,Price,Quantity\nitem_sku,item_name,standard_price,quantity\nA-1,Silver ring,19.99,4\n');
    expect(amazon.source.dialect).toBe('amazon_flat_file');
    expect(amazon.listings[0]).toMatchObject({ sku: 'A-1', title: 'Silver ring', priceMinor: 1999, quantity: 4, lines: [4] });
    const depop = await importText('Template version: 5,,,\nDescription,Price,Brand,Picture Hero url\nVintage jacket,20.00,Levi,https://x/y.jpg\n');
    expect(depop.listings[0]).toMatchObject({ title: 'Vintage jacket', priceMinor: 2000, brand: 'Levi', images: ['https://x/y.jpg'] });
  });
  it('empty, duplicate and space-padded headers: the first of two same-named columns is read, the other kept as written and reported', async () => {
    const path = fixture(' Title ,Tags,,Tags, Price\nMug,a,,b,5\n');
    const preview = await previewImport(path, { fileId: 'f', fileName: 'x.csv', sizeBytes: 1 });
    expect(preview.columns.map((c) => c.header)).toEqual(['Title', 'Tags', 'Column 3', 'Tags (2)', 'Price']);
    expect(preview.warnings).toContainEqual({ line: 1, column: 'Tags (2)', message: expect.stringMatching(/Columns 2 and 4 are both named "Tags"\. Column 2 is read as "Tags"; column 4 .* kept with each listing exactly as written/) });
    const r = await importText(' Title ,Tags,,Tags, Price\nMug,a,,b,5\n');
    expect(r.listings[0]).toMatchObject({ title: 'Mug', tags: ['a'], priceMinor: 500 });
    expect(r.listings[0]!.source!.columns).toEqual({ 'Tags (2)': 'b' });
    // The import's report says it too, not only the preview.
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const report = await applyImport(catalog, await openImportSource(path, { fileName: 'x.csv' }), { fileName: 'x.csv', operationId: 'dup' });
    expect(report.warnings).toContainEqual(expect.objectContaining({ column: 'Tags (2)', message: expect.stringMatching(/both named "Tags"/) }));
    catalog.close();
  });
  it('ragged rows: short rows padded, extra filled cells warned', async () => {
    const r = await importText('title,price,quantity\nShort,1\nLong,2,3,oops,\n');
    expect(r.listings[0]).toMatchObject({ title: 'Short', priceMinor: 100, quantity: null });
    expect(r.listings[1]!.warnings[0]!.message).toMatch(/1 more filled cell/);
  });
  it('a 2 MB cell rejects only its row', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const r = await importText(`title,description,price\nA,"${big}",1\nB,small,2\n`);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ line: 2, column: 'description' });
    expect(r.rejected[0]!.message).toMatch(/more than 1 MB/);
    expect(r.listings.map((l) => [l.title, l.lines[0]])).toEqual([['B', 3]]);
  });
  it('an unclosed quote is reported at the line it starts', async () => {
    const r = await importText('title,price\nA,1\n"B,2\nC,3\n');
    expect(r.rejected[0]).toMatchObject({ line: 3 });
    expect(r.rejected[0]!.message).toMatch(/never closed/);
  });
  it('HTML entities in titles are decoded', async () => {
    const r = await importText('title,price\nWomen&#39;s Tee &amp; Cap,5\n');
    expect(r.listings[0]!.title).toBe("Women's Tee & Cap");
  });
  it('negative price and missing title reject the row; negative (oversold) stock is kept with a warning; long title warns', async () => {
    const long = 'T'.repeat(90);
    const r = await importText(`Action(SiteID=US|Currency=USD),Title,Price,Quantity\nAdd,Good,5,1\nAdd,Bad,-5.00,1\nAdd,Worse,5,-2\nAdd,,5,1\nAdd,${long},5,1\n`);
    expect(r.rejected.map((x) => [x.line, x.message])).toEqual([
      [3, 'Price is negative (-5.00) — fix it in the file'],
      [5, expect.stringContaining('title is missing')],
    ]);
    expect(r.listings.map((l) => [l.title, l.quantity])).toEqual([['Good', 1], ['Worse', -2], [long, 1]]);
    expect(r.listings[1]!.warnings).toEqual([{ line: 4, column: 'Quantity', message: expect.stringContaining('Stock is negative (-2)') }]);
    expect(r.listings[2]!.warnings[0]!.message).toMatch(/90 characters; ebay allows 80/);
  });
  it('Excel-mangled barcodes are flagged with line and column and kept as written', async () => {
    const r = await importText(`${SHOPIFY_HEAD}\nmug,Mug,,Acme,,Title,Default Title,M1,3,9.50,3.65275E+11,https://i/1.jpg,1,active\n`);
    expect(r.listings[0]!.warnings).toEqual([{ line: 2, column: 'Variant Barcode', message: expect.stringContaining('3.65275E+11') }]);
    expect(r.listings[0]!.source!.columns['Variant Barcode']).toBe('3.65275E+11');
    expect(r.listings[0]!.attributes['Barcode']).toBeUndefined();
    expect(r.listings[0]).toMatchObject({ sku: 'M1', priceMinor: 950, quantity: 3, variants: [] });
  });
});

describe('dialects from fixtures', () => {
  it('Shopify: handle groups with variants and image-only rows', async () => {
    const r = await importText(
      [
        SHOPIFY_HEAD,
        'tee,Tee,<p>Soft</p>,Acme,"a, b",Size,S,T-S,2,10.00,,https://i/1.jpg,1,draft',
        'tee,,,,,,M,T-M,3,11.00,,https://i/2.jpg,2,',
        'tee,,,,,,,,,,,https://i/3.jpg,3,',
        'cap,Cap,,Acme,,Title,Default Title,C-1,5,4.00,,,,active',
      ].join('\n'),
    );
    expect(r.listings).toHaveLength(2);
    expect(r.listings[0]).toMatchObject({ sourceId: 'tee', title: 'Tee', status: 'draft', tags: ['a', 'b'], images: ['https://i/1.jpg', 'https://i/2.jpg', 'https://i/3.jpg'], priceMinor: 1000, quantity: 5, lines: [2, 3, 4] });
    expect(r.listings[0]!.variants).toEqual([
      { sku: 'T-S', options: [{ name: 'Size', value: 'S' }], priceMinor: 1000, quantity: 2, image: null },
      { sku: 'T-M', options: [{ name: 'Size', value: 'M' }], priceMinor: 1100, quantity: 3, image: null },
    ]);
    expect(r.listings[1]).toMatchObject({ sourceId: 'cap', sku: 'C-1', variants: [], priceMinor: 400 });
  });
  it('Etsy API dump: unnamed index column, Python-list tags, entity titles', async () => {
    const r = await importText(',listing_id,state,title,description,price,currency_code,quantity,sku,tags,materials\n0,111,active,Women&#39;s ring,Nice &amp; shiny,20.00,GBP,2,"[\'R-1\']","[\'gift for her\', \'silver ring\']","[\'silver\']"\n');
    expect(r.source.dialect).toBe('etsy_api');
    expect(r.listings[0]).toMatchObject({ sourceId: '111', title: "Women's ring", description: 'Nice & shiny', priceMinor: 2000, currency: 'GBP', sku: 'R-1', tags: ['gift for her', 'silver ring'], materials: ['silver'] });
  });
  it('Amazon All Listings report (TSV)', async () => {
    const r = await importText('item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\timage-url\tasin1\tstatus\nBlue mug\tA mug\t0101\tMUG-1\t7.99\t12\t2021-03-04 10:00:00 PST\thttps://i/m.jpg\tB000111\tInactive\n');
    expect(r.source.dialect).toBe('amazon_all_listings');
    // The seller SKU is Amazon's key; the ASIN is an attribute (several SKUs may share one).
    expect(r.listings[0]).toMatchObject({ title: 'Blue mug', sku: 'MUG-1', sourceId: 'MUG-1', attributes: { ASIN: 'B000111' }, priceMinor: 799, quantity: 12, status: 'inactive', images: ['https://i/m.jpg'] });
  });
  it('Google Merchant: item_group_id groups variants; TSV', async () => {
    const r = await importText('id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\titem_group_id\tsize\n1\tShirt\td\thttps://s/1\thttps://i/1\tin stock\t12.00 USD\tG1\tS\n2\tShirt\td\thttps://s/2\thttps://i/2\tout of stock\t13.00 USD\tG1\tM\n3\tHat\td\thttps://s/3\thttps://i/3\tout of stock\t5.00 USD\t\t\n');
    expect(r.listings).toHaveLength(2);
    expect(r.listings[0]).toMatchObject({ title: 'Hat', status: 'sold_out', priceMinor: 500 });
    expect(r.listings[1]).toMatchObject({ sourceId: 'G1', lines: [2, 3], priceMinor: 1200 });
    expect(r.listings[1]!.variants.map((v) => [v.sku, v.options, v.priceMinor])).toEqual([
      ['1', [{ name: 'Size', value: 'S' }], 1200],
      ['2', [{ name: 'Size', value: 'M' }], 1300],
    ]);
  });
  it('Google Merchant RSS XML, and XML that is not a feed', async () => {
    const rss = '<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n<item>\n<g:id>9</g:id><title>Rug &amp;amp; Mat</title><g:price>30.00 EUR</g:price><g:image_link>https://i/9</g:image_link></item>\n</channel></rss>';
    const r = await importText(rss, {}, 'xml');
    expect(r.listings[0]).toMatchObject({ sourceId: '9', title: 'Rug & Mat', priceMinor: 3000, currency: 'EUR', lines: [1] });
    // A feed's rows are its items, numbered (the item above is the first), whatever lines they stand on.
    expect(r.source.rowUnit).toBe('item');
    await expect(importText('<?xml version="1.0"?><invoice><line/></invoice>', {}, 'xml')).rejects.toThrow(/not a product feed/);
  });
  it('generic CSV with a user mapping and variant groups', async () => {
    const mapping = { '0': 'variantGroup', '1': 'title', '2': 'optionName1', '3': 'optionValue1', '4': 'price', '5': 'attribute:Fabric' } as const;
    const r = await importText('grp,name,opt,val,cost,fabric\nA,Sock,Size,S,3,wool\nA,Sock,Size,L,4,wool\nB,Scarf,,,9,silk\n', { dialect: 'generic_csv', mapping, marketplace: 'etsy' });
    expect(r.listings).toHaveLength(2);
    expect(r.listings[0]).toMatchObject({ marketplace: 'etsy', title: 'Sock', lines: [2, 3], attributes: { Fabric: 'wool' } });
    expect(r.listings[0]!.variants.map((v) => v.options[0]!.value)).toEqual(['S', 'L']);
    expect(r.listings[1]).toMatchObject({ title: 'Scarf', priceMinor: 900, variants: [] });
  });
  it('unknown columns with no mapping: a clear error', async () => {
    await expect(importText('foo,bar\n1,2\n')).rejects.toThrow(/does not recognise the columns/);
  });
});

describe('JSON and JSONL', () => {
  it('JSON array and {listings: [...]} with key guessing', async () => {
    const arr = await importText('[\n {"name": "Lamp", "price": "12.50", "qty": 2, "tags": ["a","b"], "images": [{"src": "https://i/l"}]},\n {"title": "Desk", "price": 100}\n]', {}, 'json');
    expect(arr.source.dialect).toBe('json');
    expect(arr.listings.map((l) => [l.title, l.priceMinor, l.lines[0]])).toEqual([['Lamp', 1250, 1], ['Desk', 10000, 2]]);
    // A JSON array's rows are its objects, numbered: `[{…},{…}]` is often one line.
    expect(arr.source.rowUnit).toBe('item');
    expect(arr.listings[0]).toMatchObject({ quantity: 2, tags: ['a', 'b'], images: ['https://i/l'] });
    const wrapped = await importText('{"listings": [{"title": "A", "price": "1"}, {"title": "", "price": "1"}]}', {}, 'json');
    expect(wrapped.listings).toHaveLength(1);
    expect(wrapped.rejected).toHaveLength(1);
  });
  it("JSONL round-trips Listsmith's own export (Listing field names)", async () => {
    const listing = {
      marketplace: 'etsy',
      sourceId: '42',
      sku: 'S-1',
      title: 'Ring',
      description: '<b>Silver</b>',
      priceMinor: 1999,
      currency: 'GBP',
      quantity: 3,
      tags: ['ring'],
      materials: ['silver'],
      images: ['https://i/r'],
      category: 'Jewelry',
      brand: null,
      condition: null,
      attributes: { who_made: 'i_did' },
      variants: [{ sku: 'S-1a', options: [{ name: 'Size', value: 'M' }], priceMinor: 2099, quantity: 1, image: null }],
      status: 'draft',
      createdAt: 1600000000000,
      updatedAt: 1600000001000,
    };
    const r = await importText(`${JSON.stringify(listing)}\n\n${JSON.stringify({ ...listing, sourceId: '43', priceMinor: -1 })}\nnot json\n`, {}, 'jsonl');
    expect(r.source.dialect).toBe('jsonl');
    const { lines, warnings, ...back } = r.listings[0]!;
    expect(back).toEqual(listing);
    expect(lines).toEqual([1]);
    expect(warnings).toEqual([]);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4]);
  });
});
