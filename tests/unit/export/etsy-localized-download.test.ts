import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../corpus-files.js';
import { catalogWith, exportAll, importInto, reimport } from './export-helpers.js';

/**
 * A French shop's Etsy download (tests/real-files, nad0606/siteemma) goes back as Etsy's CSV with
 * Etsy's English headers: the property type it had in `TYPE VARIATION 1` (`Propriété
 * personnalisée`) fills the VARIATION 1 TYPE column rather than a second column of the same
 * meaning, reads back under the same header (so a re-import finds the listing unchanged); its
 * 21-character tags go back as Etsy has them; a listing of 60 letters × 4 sizes goes back with all
 * 60 letters.
 */
describe('Etsy export of a download in the shop\'s language', () => {
  it('writes the kept property type under VARIATION 1 TYPE, every variation value, and reads back the same variants', async () => {
    const catalog = catalogWith([]);
    await importInto(catalog, corpusPath('etsy_EtsyListingsDownload_FRENCH_EUR_240-combinations__nad0606.csv'));
    const { summary, files } = await exportAll(catalog, 'etsy');
    catalog.close();
    const [file] = files;
    expect(files).toHaveLength(1);
    expect(file!.header).not.toContain('TYPE VARIATION 1');
    const row = (title: string): string[] => file!.rows.find((r) => file!.at(r, 'TITLE').startsWith(title))!;
    const first = row('Marque-page papillon violet');
    expect([file!.at(first, 'VARIATION 1 TYPE'), file!.at(first, 'VARIATION 1 NAME'), file!.at(first, 'VARIATION 1 VALUES')]).toEqual(['Propriété personnalisée', 'Choix', 'Sans pendentif,Avec pendentif']);
    expect([file!.at(first, 'PRICE'), file!.at(first, 'CURRENCY_CODE'), file!.at(first, 'QUANTITY')]).toEqual(['6.50', 'EUR', '3']);
    // Etsy's own tags go back even past its 20 characters (`décoration intérieure`: 21), or a re-import finds them gone.
    expect(file!.at(row('Plaque de porte simba'), 'TAGS').split(',')).toContain('décoration_intérieure');
    const letters = row('Lettre de Scrabble');
    expect(file!.at(letters, 'VARIATION 1 VALUES').split(',')).toHaveLength(60);
    const back = await reimport(summary, 'EUR');
    expect(back).toHaveLength(104);
    expect(back.find((l) => l.title.startsWith('Lettre de Scrabble'))!.variants).toHaveLength(240);
    expect(back.find((l) => l.title.startsWith('Marque-page papillon violet'))!.source!.columns).toEqual({ 'VARIATION 1 TYPE': 'Propriété personnalisée' });
  });
});
