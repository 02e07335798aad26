import { describe, expect, it } from 'vitest';
import { englishHeader } from '../../../core/import/canonical-headers.js';
import { detectTableDialect } from '../../../core/import/detect-dialect.js';
import { Columns } from '../../../core/import/listing-draft.js';
import { collect, corpusFiles, corpusPath, importText } from './helpers.js';
import { readColumns, unkeptCells } from './kept-cells.js';
import { lostCells } from './no-cell-lost.js';

/**
 * The Etsy readers (download CSV, seller-made input file, API dump): identity, item properties as
 * attributes, every other column kept as written, unknown fields, states.
 */

/** The download's columns the reader reads, by their English names (a French or Italian download's headers read as those). */
const READ_ENGLISH = readColumns('TITLE', 'DESCRIPTION', 'PRICE', 'CURRENCY_CODE', 'QUANTITY', 'TAGS', 'MATERIALS', 'SKU', 'LISTING_ID', /^image\d+$/, 'image_location', /^variation \d (type|name|values)$/);
const READ_CSV = (header: string): boolean => READ_ENGLISH(englishHeader('etsy', header));
/** The API dump also reads `style` (a Python list) into an attribute, joined. */
const READ_API = readColumns('listing_id', 'state', 'title', 'description', 'price', 'currency_code', 'quantity', 'sku', 'tags', 'materials', 'taxonomy_path', 'original_creation_tsz', 'last_modified_tsz', 'images', 'style');

const files = corpusFiles().filter((name) => name.startsWith('etsy_'));

describe('Etsy: nothing of a real export is lost', () => {
  it.each(files)('%s', async (file) => {
    const path = corpusPath(file);
    const { records, listings, source } = await collect(path);
    expect(await unkeptCells(path, records, source.dialect === 'etsy_api' ? READ_API : READ_CSV)).toEqual([]);
    if (source.dialect === 'etsy') {
      // Tags and materials are held with Etsy's `_` read as a space.
      const lost = await lostCells(path, records);
      expect(lost.filter((cell) => !/^(tags|materials)$/.test(Columns.key(englishHeader('etsy', cell.column))))).toEqual([]);
      for (const listing of listings) expect(listing.source?.unknown).toEqual(expect.arrayContaining(['brand', 'category', 'condition']));
    }
  });

  it('the API dump: listing id, item properties as attributes, the rest kept as written', async () => {
    const { listings } = await collect(corpusPath('etsy_api-v2_listings-dump_2180rows__pmrgraphics.csv'));
    const first = listings[0]!;
    expect(first.sourceId).toBe('933536041');
    expect(first.attributes).toMatchObject({ who_made: 'i_did', when_made: 'made_to_order', is_supply: 'false' });
    expect(first.source!.attributeColumns).toMatchObject({ who_made: 'who_made', when_made: 'when_made' });
    expect(first.source!.columns).toMatchObject({ url: expect.stringMatching(/^https:\/\/www\.etsy\.com\/listing\/933536041/), views: expect.any(String), num_favorers: expect.any(String) });
    // The dump has no images column.
    expect(first.source!.unknown).toEqual(['brand', 'condition', 'images']);
  });
});

describe('Etsy download CSV', () => {
  const head = 'TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS,MATERIALS,IMAGE1,VARIATION 1 TYPE,VARIATION 1 NAME,VARIATION 1 VALUES,SKU';

  it('no listing id column: sourceId null, the SKU is the key; brand, category and condition are unknown', async () => {
    const { listings } = await importText(`${head}\nMug,Nice,12.00,EUR,3,"big_mug,gift",clay,https://i/1.jpg,,,,MUG-1\n`);
    expect(listings[0]).toMatchObject({ sourceId: null, sku: 'MUG-1', tags: ['big mug', 'gift'], materials: ['clay'], currency: 'EUR' });
    expect(listings[0]!.source!.unknown).toEqual(['brand', 'category', 'condition']);
  });

  it('a LISTING_ID column is the listing\'s source id', async () => {
    const { listings } = await importText(`LISTING_ID,${head}\n1234567,Mug,Nice,12.00,EUR,3,,,,,,,\n`);
    expect(listings[0]!.sourceId).toBe('1234567');
  });

  it('Etsy\'s property type is kept beside the name the seller gave it; several SKUs go back as written', async () => {
    const { listings } = await importText(`${head}\nTee,Soft,20.00,USD,5,,,,Custom Property,Size,"S,M",T-S,T-M\n`.replace('T-S,T-M', '"T-S,T-M"'));
    expect(listings[0]!.variants.map((v) => v.options)).toEqual([[{ name: 'Size', value: 'S' }], [{ name: 'Size', value: 'M' }]]);
    expect(listings[0]!.source!.columns).toEqual({ 'VARIATION 1 TYPE': 'Custom Property' });
    expect(listings[0]!.attributes).toEqual({ 'Variant SKUs': 'T-S,T-M' });
    expect(listings[0]!.source!.attributeColumns).toEqual({ 'Variant SKUs': 'SKU' });
  });

  it('negative stock is a warning, not a rejection', async () => {
    const { listings, rejected } = await importText(`${head}\nMug,Nice,12.00,EUR,-1,,,,,,,\n`);
    expect(rejected).toEqual([]);
    expect(listings[0]!.quantity).toBe(-1);
    expect(listings[0]!.warnings[0]!.message).toMatch(/Stock is negative/);
  });

  it('the seller-made input file: item properties are attributes, other columns kept (image_name too)', async () => {
    const { listings } = await importText('quantity,title,description,price,who_made,when_made,is_supply,shipping_template_id,image_name\n2,Cufflinks,Nice,39.99,i_did,2020_2021,FALSE,131,cuff.jpg\n');
    expect(listings[0]!.attributes).toEqual({ who_made: 'i_did', when_made: '2020_2021', is_supply: 'FALSE' });
    expect(listings[0]!.source!.columns).toEqual({ shipping_template_id: '131', image_name: 'cuff.jpg' });
  });
});

describe('Etsy download in the shop\'s language', () => {
  const FRENCH = 'etsy_EtsyListingsDownload_FRENCH_EUR_240-combinations__nad0606.csv';

  it('a French download (TITRE, PRIX, CODE_DEVISE, "IMAGE 1", TYPE/NOM/VALEURS VARIATION, RÉFÉRENCE) is read as Etsy\'s, in the currency it states', async () => {
    const { source, listings, rejected } = await collect(corpusPath(FRENCH));
    expect(source.dialect).toBe('etsy');
    expect(rejected).toEqual([]);
    expect(listings).toHaveLength(104);
    const first = listings[0]!;
    expect(first).toMatchObject({ title: expect.stringMatching(/^Marque-page papillon violet/), priceMinor: 650, currency: 'EUR', quantity: 3 });
    expect(first.images).toHaveLength(9);
    expect(first.tags).toContain('Marque-page papillon');
    expect(first.variants.map((v) => v.options)).toEqual([[{ name: 'Choix', value: 'Sans pendentif' }], [{ name: 'Choix', value: 'Avec pendentif' }]]);
    // Etsy's property type, in the shop's language, kept under the English header the export writes it under.
    expect(first.source!.columns).toEqual({ 'VARIATION 1 TYPE': 'Propriété personnalisée' });
    expect(listings.every((l) => l.currency === 'EUR')).toBe(true);
    // Escaped like titles: `Choix de l&#39;accessoire`.
    expect(listings.find((l) => l.title.startsWith('Bracelet bijou blanc'))!.variants[0]!.options[0]!.name).toBe("Choix de l'accessoire");
  });

  it('every combination of a listing with 60 letters × 4 sizes is a variant (240), none cut', async () => {
    const { listings } = await collect(corpusPath(FRENCH));
    const letters = listings.find((l) => l.title.startsWith('Lettre de Scrabble'))!;
    expect(letters.variants).toHaveLength(240);
    expect(letters.warnings).toEqual([]);
    expect(new Set(letters.variants.map((v) => v.options[0]!.value)).size).toBe(60);
  });

  it('a German download\'s headers (as German sellers\' importers read them) are Etsy\'s too', async () => {
    const header = 'TITEL,BESCHREIBUNG,PREIS,WÄHRUNGSCODE,STÜCKZAHL,TAGS,MATERIALIEN,BILD1,BILD2,VARIATIONSTYP 1,VARIATIONSNAME 1,VARIATIONSWERT 1,BESTANDSEINHEIT';
    expect(detectTableDialect(header.split(','))[0]).toMatchObject({ dialect: 'etsy' });
    const { listings } = await importText(`${header}\nBecher,Schön,12.50,EUR,4,"tasse,geschenk",Ton,https://i/1.jpg,,Farbe,Farbe,"Rot,Blau",BE-1\n`);
    expect(listings[0]).toMatchObject({ title: 'Becher', priceMinor: 1250, currency: 'EUR', quantity: 4, sku: 'BE-1', materials: ['Ton'], images: ['https://i/1.jpg'] });
    expect(listings[0]!.variants.map((v) => v.options[0]!.value)).toEqual(['Rot', 'Blau']);
  });
});

describe('Etsy API dump', () => {
  const head = ',listing_id,state,title,description,price,currency_code,quantity,sku,tags,materials,views,who_made';

  it('states Listsmith only approximates are kept as written', async () => {
    const rows = ['active', 'edit', 'expired', 'removed', 'sold_out'].map((state, n) => `${n},${100 + n},${state},Ring ${n},x,5.00,USD,1,[],[],[],3,i_did`);
    const { listings } = await importText([head, ...rows].join('\n'));
    expect(listings.map((l) => [l.status, l.source?.status])).toEqual([
      ['active', undefined],
      ['draft', 'edit'],
      ['inactive', 'expired'],
      ['archived', 'removed'],
      ['sold_out', undefined],
    ]);
    expect(listings[0]!.source!.columns).toEqual({ 'Column 1': '0', views: '3' });
  });

  it('tags and materials: Python lists, or Etsy CSV lists with `_` for spaces (a dump re-exported as Etsy CSV)', async () => {
    const { listings } = await importText(`${head}\n0,1,active,Ring,x,5.00,USD,1,[],"['gift for her', 'ring']","['sterling silver']",3,i_did\n1,2,active,Ring,x,5.00,USD,1,,"gift_for_her,ring",sterling_silver,3,i_did\n`);
    expect(listings.map((l) => [l.tags, l.materials])).toEqual([
      [['gift for her', 'ring'], ['sterling silver']],
      [['gift for her', 'ring'], ['sterling silver']],
    ]);
  });

  it('several SKUs: the first is the listing\'s, the cell is kept as written', async () => {
    const { listings } = await importText(`${head}\n0,1,active,Ring,x,5.00,USD,1,"['A-1', 'A-2']",[],[],3,i_did\n`);
    expect(listings[0]!.sku).toBe('A-1');
    expect(listings[0]!.source!.columns['sku']).toBe("['A-1', 'A-2']");
  });
});
