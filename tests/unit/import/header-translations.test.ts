import { describe, expect, it } from 'vitest';
import { englishHeader, englishHeaders, headerLocale, localizedHeader } from '../../../core/import/canonical-headers.js';
import { detectTableDialect } from '../../../core/import/detect-dialect.js';
import { WOOCOMMERCE_HEADER_TRANSLATIONS } from '../../../core/import/woocommerce-header-translations.js';

/** WooCommerce's translated export headers (woocommerce-header-translations.ts) read as English. */

const LOCALES = ['de_DE', 'fr_FR', 'es_ES', 'it_IT', 'pt_BR', 'pt_PT', 'nl_NL', 'pl_PL', 'ru_RU', 'tr_TR'];

describe('WooCommerce header translations', () => {
  it('covers German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian and Turkish', () => {
    expect(Object.keys(WOOCOMMERCE_HEADER_TRANSLATIONS).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) expect(Object.keys(WOOCOMMERCE_HEADER_TRANSLATIONS[locale]!).length).toBeGreaterThan(30);
  });

  it('every translation reads as its English header, and no two English headers share one', () => {
    const seen = new Map<string, string>();
    for (const [locale, headers] of Object.entries(WOOCOMMERCE_HEADER_TRANSLATIONS)) {
      for (const [english, translations] of Object.entries(headers)) {
        for (const translated of translations) {
          const header = translated.replace('%d', '3').replace('%s', 'kg');
          const expected = english.replace('%d', '3').replace('%s', 'kg');
          expect(englishHeader('woocommerce', header), `${locale}: ${translated}`).toBe(expected);
          const key = header.toLowerCase().trim();
          expect(seen.get(key) ?? expected, `${locale}: ${translated}`).toBe(expected);
          seen.set(key, expected);
        }
      }
    }
  });

  it('spacing and quote variants still match (no-break space before "?", typographic apostrophe, trailing space)', () => {
    expect(englishHeader('woocommerce', 'En stock\u00a0?')).toBe('In stock?');
    expect(englishHeader('woocommerce', 'En stock ?')).toBe('In stock?');
    expect(englishHeader('woocommerce', 'Valeur(s) de l’attribut 2 ')).toBe('Attribute 2 value(s)');
    expect(englishHeader('woocommerce', "Valeur(s) de l'attribut 2")).toBe('Attribute 2 value(s)');
    expect(englishHeader('woocommerce', 'Méta : _wp_page_template')).toBe('Meta: _wp_page_template');
    expect(englishHeader('woocommerce', '3-ID herunterladen')).toBe('Download 3 ID');
    expect(englishHeader('woocommerce', 'Вес (кг)')).toBe('Weight (кг)');
  });

  it('leaves English and unknown headers alone, and other formats untranslated', () => {
    expect(englishHeaders('woocommerce', ['ID', 'Type', 'Attribute 1 name', 'Meta: x', 'Farbe'])).toEqual(['ID', 'Type', 'Attribute 1 name', 'Meta: x', 'Farbe']);
    expect(englishHeader('shopify', 'Artikelnummer')).toBe('Artikelnummer');
  });

  it('tells the admin language of a header row, and writes English headers back in it', () => {
    expect(headerLocale('woocommerce', ['ID', 'Тип', 'Артикул', 'Имя', 'Опубликован'])).toBe('ru_RU');
    expect(headerLocale('woocommerce', ['ID', 'Typ', 'Artikelnummer', 'Name', 'Veröffentlicht'])).toBe('de_DE');
    expect(headerLocale('woocommerce', ['ID', 'Type', 'SKU', 'Name'])).toBeNull();
    expect(localizedHeader('woocommerce', 'fr_FR', 'In stock?')).toBe('En stock\u00a0?');
    expect(localizedHeader('woocommerce', 'fr_FR', 'Attribute 2 value(s)')).toBe('Valeur(s) de l’attribut 2 ');
    expect(localizedHeader('woocommerce', 'de_DE', 'Stock')).toBe('Bestand');
    expect(localizedHeader('woocommerce', 'tr_TR', 'GTIN, UPC, EAN, or ISBN')).toBe('GTIN, UPC, EAN, or ISBN');
    expect(localizedHeader('woocommerce', 'xx_XX', 'Stock')).toBe('Stock');
  });

  it('detection recognises translated exports, including one whose Type header was blanked', () => {
    const polish = ['ID', 'Rodzaj', 'SKU', 'Nazwa', 'Opublikowano', 'Wyróżniony produkt?', 'Widoczność w katalogu', 'Krótki opis', 'Opis', 'Stan magazynowy', 'Cena', 'Kategorie', 'Znaczniki', 'Obrazki', 'Nadrzędny'];
    expect(detectTableDialect(polish)[0]).toMatchObject({ dialect: 'woocommerce' });
    const blanked = ['ID', 'Column 2', 'UGS', 'Nom', 'Publié', 'Description courte', 'Description', 'Stock', 'Tarif régulier', 'Catégories', 'Images', 'Parent'];
    expect(detectTableDialect(blanked)[0]).toMatchObject({ dialect: 'woocommerce' });
    expect(detectTableDialect(blanked)[0]!.confidence).toBeGreaterThanOrEqual(0.6);
  });
});
