/**
 * Issue 19: what the output checks flag in an AI field — refusals and meta-text in the catalog's
 * languages, placeholders, echoed instructions, cut-off text, facts the listing does not state and
 * facts it loses — and what they leave alone (the listing's own words, rephrased or translated).
 */
import { describe, expect, it } from 'vitest';
import { systemPrompt } from '../../../core/ai/ai-prompt.js';
import { REFUSALS } from '../../../core/ai/fake-groq/index.js';
import { ListingEvidence, type EvidenceListing } from '../../../core/ai/output-checks/listing-facts.js';
import { outputFlags, type RewriteTexts } from '../../../core/ai/output-checks/output-flags.js';

function listing(overrides: Partial<EvidenceListing> = {}): EvidenceListing {
  return {
    id: 1,
    title: 'Linen Shirt Size XL, Natural Beige, 250 g',
    description: 'Relaxed shirt in washed linen, size XL. Weighs 250 g. Machine washable.',
    tags: ['linen shirt', 'beige shirt'],
    materials: ['linen'],
    images: [],
    priceMinor: 4_500,
    quantity: 2,
    sku: 'LS-XL-01',
    brand: 'Nordvik',
    condition: 'new',
    attributes: { Colour: 'Beige' },
    category: 'Shirts',
    ...overrides,
  };
}

const PROMPT = systemPrompt('etsy');
const kinds = (field: 'title' | 'description' | 'tags', texts: RewriteTexts, source = listing()) => outputFlags(field, texts, new ListingEvidence(source), PROMPT).map((flag) => flag.kind);
const own: RewriteTexts = { title: 'Linen Shirt Size XL, Natural Beige, 250 g', description: 'Relaxed shirt in washed linen, size XL. Weighs 250 g. Machine washable.', tags: ['linen shirt'] };

describe('output checks', () => {
  it('pass the listing rephrased: reordered, recased, filler dropped', () => {
    expect(kinds('title', { ...own, title: 'Natural Beige Linen Shirt, 250 g, Size XL' })).toEqual([]);
    expect(kinds('title', { ...own, title: 'LINEN SHIRT size xl natural beige 250g' })).toEqual([]);
    expect(kinds('description', { ...own, description: 'A relaxed shirt of washed linen in size XL, weighing 250 g; machine washable.' })).toEqual([]);
    expect(kinds('tags', { ...own, tags: ['beige linen shirt', 'natural shirt'] })).toEqual([]);
  });

  it.each(REFUSALS.map((refusal) => [refusal.language, refusal.text]))('flag a refusal (%s) in the title and description', (_language, text) => {
    expect(kinds('title', { ...own, title: text })).toContain('refusal');
    expect(kinds('description', { ...own, description: text })).toContain('refusal');
  });

  it('leave the listing own apologies alone', () => {
    const source = listing({ description: "Sorry, but we cannot ship to PO boxes. Linen shirt, size XL, 250 g." });
    expect(kinds('description', { ...own, description: "Linen shirt, size XL, 250 g. Sorry, but we cannot ship to PO boxes." }, source)).toEqual([]);
  });

  it('flag meta-text, placeholders, echoed instructions and cut-off text', () => {
    expect(kinds('title', { ...own, title: 'Here is the rewritten title: Linen Shirt Size XL 250 g' })).toContain('meta_text');
    expect(kinds('description', { ...own, description: 'Voici la description optimisée : chemise en lin, taille XL, 250 g.' })).toContain('meta_text');
    expect(kinds('description', { ...own, description: 'Hier ist die überarbeitete Beschreibung: Leinenhemd, Größe XL, 250 g.' })).toContain('meta_text');
    expect(kinds('title', { ...own, title: '[Brand] Linen Shirt Size XL 250 g' })).toContain('placeholder');
    expect(kinds('description', { ...own, description: 'Linen shirt by {brand}, size XL, 250 g.' })).toContain('placeholder');
    expect(kinds('description', { ...own, description: 'Keep every fact exactly (brand, sizes, materials, colours, quantities). Linen shirt, size XL, 250 g.' })).toContain('echoed_prompt');
    expect(kinds('description', { ...own, description: 'Linen shirt in size XL, 250 g <<<LISTINGS_JSON' })).toContain('echoed_prompt');
    expect(kinds('description', { ...own, description: 'Relaxed shirt in washed linen, size XL, weighs 250 g and the' })).toContain('truncated');
    expect(kinds('title', { ...own, title: 'Linen Shirt Size XL 250 g Natural Beige with' })).toContain('truncated');
  });

  it('flag facts the listing does not state, naming them', () => {
    const flags = outputFlags('title', { ...own, title: '100% Cashmere 2-Pack Linen Shirt Size XL 250 g' }, new ListingEvidence(listing()), PROMPT);
    const added = flags.find((flag) => flag.kind === 'new_fact');
    expect(added?.reason).toMatch(/^Not in the listing: "100%", "2-Pack", "Cashmere"/);
    expect(kinds('description', { ...own, description: `${own.description!} Made from 100% cashmere, certified organic, 10-year warranty.` })).toContain('new_fact');
    for (const invented of ['GOTS certified', 'OEKO-TEX', 'hypoallergenic', 'lifetime guarantee', 'in navy blue', 'size XXL', 'weighs 300 g', 'model NV-200', 'waterproof'])
      expect(kinds('description', { ...own, description: `${own.description!} ${invented}.` }), invented).toContain('new_fact');
  });

  it('take a translated material or colour for the listing own', () => {
    const source = listing({ title: 'Leinenhemd Größe XL, Beige, 250 g', description: 'Hemd aus Leinen, Größe XL, 250 g.', tags: [], materials: [], attributes: {} });
    expect(kinds('title', { title: 'Linen Shirt, Beige, Size XL, 250 g', description: null, tags: null }, source)).toEqual([]);
  });

  it('flag a size, weight, material or colour the rewrite loses', () => {
    const lost = (texts: RewriteTexts) => kinds('description', texts);
    expect(lost({ title: 'Linen Shirt Natural Beige', description: 'Relaxed shirt in washed linen. Machine washable.', tags: ['linen shirt'] })).toContain('lost_fact');
    // Still said elsewhere in the listing as rewritten: not lost.
    expect(lost({ title: 'Linen Shirt Size XL, 250 g, Beige', description: 'Relaxed shirt in washed linen. Machine washable.', tags: ['linen shirt'] })).toEqual([]);
  });
});
