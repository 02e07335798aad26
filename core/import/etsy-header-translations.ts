/**
 * Etsy's "Download CSV" headers as Etsy writes them for a shop whose account language is not
 * English. Data only: canonical-headers.ts reads it, so format detection and the Etsy reader see
 * the English headers (`TITRE` → `TITLE`), while kept columns stay under the seller's own header.
 *
 * Per locale, English header → the headers Etsy wrote for it; `%d` is the image or variation
 * number. A header Etsy leaves in English (`CURRENCY_CODE` and `SKU` in Italian, `DESCRIPTION` and
 * `TAGS` in French) needs no entry.
 *
 *   it: sabaceramics/website EtsyListingsDownload.csv (../shared/corpus, a real Italian download)
 *   fr: nad0606/siteemma "EtsyListingsDownload (1).csv" @ 5d802bd42b99623e64d7c32976863244514711a5
 *       (tests/real-files: `IMAGE 1` with a space, `CODE_DEVISE`, `RÉFÉRENCE` for the SKU)
 *   de: the headers German sellers' own importers read from their downloads (`STÜCKZAHL`,
 *       `WÄHRUNGSCODE`, `VARIATIONSWERT 1`, `BESTANDSEINHEIT`); no German download was found to
 *       check them against. `MENGE`, like the es entries, is an earlier guess kept so no file that
 *       read before reads worse.
 */
export const ETSY_HEADER_TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  it: {
    TITLE: ['TITOLO'],
    DESCRIPTION: ['DESCRIZIONE'],
    PRICE: ['PREZZO'],
    QUANTITY: ['QUANTITÀ'],
    TAGS: ['TAG'],
    MATERIALS: ['MATERIALI'],
    'IMAGE%d': ['IMMAGINE%d'],
    'VARIATION %d TYPE': ['TIPO VARIANTE %d'],
    'VARIATION %d NAME': ['NOME VARIANTE %d'],
    'VARIATION %d VALUES': ['VALORI VARIANTE %d'],
  },
  fr: {
    TITLE: ['TITRE'],
    PRICE: ['PRIX'],
    CURRENCY_CODE: ['CODE_DEVISE'],
    QUANTITY: ['QUANTITÉ'],
    MATERIALS: ['MATÉRIAUX'],
    'IMAGE%d': ['IMAGE %d'],
    'VARIATION %d TYPE': ['TYPE VARIATION %d'],
    'VARIATION %d NAME': ['NOM VARIATION %d'],
    'VARIATION %d VALUES': ['VALEURS VARIATION %d'],
    SKU: ['RÉFÉRENCE'],
  },
  de: {
    TITLE: ['TITEL'],
    DESCRIPTION: ['BESCHREIBUNG'],
    PRICE: ['PREIS'],
    CURRENCY_CODE: ['WÄHRUNGSCODE'],
    QUANTITY: ['STÜCKZAHL', 'MENGE'],
    MATERIALS: ['MATERIALIEN'],
    'IMAGE%d': ['BILD%d'],
    'VARIATION %d TYPE': ['VARIATIONSTYP %d'],
    'VARIATION %d NAME': ['VARIATIONSNAME %d'],
    'VARIATION %d VALUES': ['VARIATIONSWERT %d'],
    SKU: ['BESTANDSEINHEIT'],
  },
  es: {
    TITLE: ['TÍTULO'],
    DESCRIPTION: ['DESCRIPCIÓN'],
    PRICE: ['PRECIO'],
    QUANTITY: ['CANTIDAD'],
    MATERIALS: ['MATERIALES'],
    'IMAGE%d': ['IMAGEN%d'],
  },
};
