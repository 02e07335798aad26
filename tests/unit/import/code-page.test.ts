import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codePageOf } from '../../../core/import/code-page.js';
import { corpusPath, importText } from './helpers.js';

/** Encodes text in a Windows code page (the reverse of TextDecoder's table); fails on a character it has not. */
function encode(text: string, codePage: string): Uint8Array {
  const decoder = new TextDecoder(codePage);
  const table = new Map<string, number>();
  for (let b = 255; b >= 0; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`${codePage} has no ${char}`);
    return byte;
  }));
}

describe('a file that is not UTF-8 is read in the code page it was saved in', () => {
  it('Cyrillic (1251), Central European (1250) and Western (1252) text are told apart', () => {
    expect(codePageOf(encode('Название,Цена\nСвитер вязаный из шерсти,1200\nШапка зимняя тёплая,450\n', 'windows-1251'))).toBe('windows-1251');
    expect(codePageOf(encode('Nazwa,Cena\nŻółty szalik z wełny,49\nCiepła czapka łososiowa,35\nŚwiecznik źródło światła,20\n', 'windows-1250'))).toBe('windows-1250');
    expect(codePageOf(encode('Titre,Prix\nPull tricoté à la main,45\nBonnet d\'hiver très chaud,20\nGröße für Kinder,12\n£12 ¿Qué?\n', 'windows-1252'))).toBe('windows-1252');
  });

  it('a real Russian WooCommerce export saved as Windows-1251 imports with the same text as its UTF-8 original', async () => {
    const original = readFileSync(corpusPath('woocommerce_product-export_RUSSIAN_blank-line-before-header__artur8800.csv'), 'utf8').replace(/^\uFEFF/, '');
    // Characters 1251 has no byte for (emoji, rare signs) would not be in a file Excel saved so.
    const decoder = new TextDecoder('windows-1251');
    const known = new Set(Array.from({ length: 256 }, (_, b) => decoder.decode(Uint8Array.of(b))));
    const text = [...original].filter((char) => known.has(char)).join('');
    const utf8 = await importText(text, { defaultCurrency: 'RUB' });
    const cp1251 = await importText(encode(text, 'windows-1251'), { defaultCurrency: 'RUB' });
    expect(cp1251.source.encoding).toBe('windows-1251');
    expect(cp1251.source.encodingNote).toMatch(/Windows-1251 \(Cyrillic\)/);
    expect(cp1251.listings.map((l) => [l.title, l.description])).toEqual(utf8.listings.map((l) => [l.title, l.description]));
    expect(cp1251.listings.some((l) => /[А-яЁё]/.test(l.title))).toBe(true);
  });

  it('Polish titles saved as Windows-1250 come back as written', async () => {
    const { source, listings } = await importText(encode('Title,Price\nŻółty szalik z wełny,49\nCiepła czapka łososiowa,35\nŚwiecznik źródło światła,20\n', 'windows-1250'), { defaultCurrency: 'PLN' });
    expect(source.encoding).toBe('windows-1250');
    expect(listings.map((l) => l.title)).toEqual(['Żółty szalik z wełny', 'Ciepła czapka łososiowa', 'Świecznik źródło światła']);
  });
});
