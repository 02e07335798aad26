import { describe, expect, it } from 'vitest';
import { countCharacters, countUtf8Bytes, evaluateField } from '../../../common/rules/index.js';
import { brandOf } from '../../../core/optimizer/brand.js';
import { optimizeTags } from '../../../core/optimizer/optimize-tags.js';

const sources = {
  title: 'Luna & Thread Dainty Sterling Silver Necklace - Moonstone Pendant - Gift for Her',
  description:
    '<p>This dainty necklace is made from sterling silver with a rainbow moonstone pendant on a fine cable chain.</p><ul><li>A wonderful gift for her birthday or anniversary.</li><li>Free shipping on every order!</li><li>Ships within 1–3 business days.</li></ul>',
  brand: brandOf('Luna & Thread'),
};

describe('Etsy: 13 tags of ≤ 20 characters', () => {
  it('keeps the valid tags first and adds lower-case key phrases of the title that pass every tag rule, at most 13', () => {
    const existing = ['Moonstone Jewelry', 'gift for her'];
    const proposal = optimizeTags(existing, sources, 'etsy');
    const tags = proposal?.after ?? [];
    expect(tags.length).toBeGreaterThan(5);
    expect(tags.length).toBeLessThanOrEqual(13);
    expect(tags.slice(0, 2)).toEqual(existing);
    const added = tags.slice(2);
    for (const tag of added) {
      expect(tag).toBe(tag.toLowerCase());
      expect(countCharacters(tag)).toBeLessThanOrEqual(20);
    }
    // Multi-word phrases of the title first ("sterling silver" only modifies "necklace" in the title; the description confirms it).
    expect(added.slice(0, 3)).toEqual(expect.arrayContaining(['sterling silver', 'silver necklace', 'moonstone pendant']));
    expect(new Set(tags.map((t) => t.toLowerCase())).size).toBe(tags.length);
    expect(evaluateField('tags', tags, 'etsy').filter((i) => i.ruleId !== 'etsy.tags.use_all')).toEqual([]);
    expect(proposal?.changes).toEqual([expect.objectContaining({ ruleId: expect.stringMatching(/^(etsy\.tags\.use_all|optimizer\.tags\.fill)$/) })]);
  });

  it('never proposes the brand, promotional wording or shop boilerplate as tags', () => {
    const tags = optimizeTags([], sources, 'etsy')?.after ?? [];
    // The title's phrases; a description phrase only for an occasion or recipient without similar listings' tags.
    expect(tags.length).toBeGreaterThanOrEqual(5);
    for (const bad of ['luna', 'thread', 'free shipping', 'shipping', 'business days', 'order', 'wonderful gift']) expect(tags).not.toContain(bad);
  });

  it('repairs tags with characters Etsy refuses or over 20 characters, dropping what cannot be saved', () => {
    const proposal = optimizeTags(['silver necklace!', 'personalized name necklace for mom', 'gift for her', 'supercalifragilisticexpialidocious'], sources, 'etsy');
    const tags = proposal?.after ?? [];
    expect(tags.slice(0, 3)).toEqual(['silver necklace', 'personalized name', 'gift for her']);
    expect(tags).not.toContain('supercalifragilisticexpialidocious');
    expect(proposal?.changes[0]?.ruleId).toBe('etsy.tags.max_length');
    expect(proposal?.changes[0]?.fixes).toEqual(['etsy.tags.max_length', 'etsy.tags.allowed_characters']);
    expect(evaluateField('tags', tags, 'etsy').filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('drops duplicates (any case or spacing) and keeps the first 13 of too many', () => {
    const many = Array.from({ length: 16 }, (_, i) => `tag ${String.fromCharCode(97 + i)}`);
    const proposal = optimizeTags(['Gift', 'gift ', ...many], sources, 'etsy');
    expect(proposal?.after).toEqual(['Gift', ...many.slice(0, 12)]);
    expect(proposal?.changes.map((c) => c.ruleId)).toEqual(['optimizer.tags.whitespace', 'optimizer.tags.duplicates', 'etsy.tags.max_count']);
  });

  it('leaves 13 good tags alone', () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => `good tag ${String.fromCharCode(97 + i)}`);
    expect(optimizeTags(thirteen, sources, 'etsy')).toBeNull();
  });
});

describe('Amazon search terms and Shopify tags', () => {
  it('keeps Amazon search terms within 250 UTF-8 bytes and adds only phrases the title does not already cover', () => {
    const heavy = Array.from({ length: 12 }, (_, i) => `crème brûlée 漢字 ${i}`);
    expect(countUtf8Bytes(heavy.join(' '))).toBeGreaterThan(250);
    const proposal = optimizeTags(heavy, sources, 'amazon');
    const tags = proposal?.after ?? [];
    expect(countUtf8Bytes(tags.join(' '))).toBeLessThanOrEqual(250);
    expect(proposal?.changes[0]?.ruleId).toBe('amazon.tags.search_terms_bytes');

    const filled = optimizeTags([], sources, 'amazon')?.after ?? [];
    const titleWords = new Set(sources.title.toLowerCase().split(/\W+/));
    expect(filled.length).toBeGreaterThan(0);
    for (const tag of filled) expect(tag.split(' ').every((w) => titleWords.has(w))).toBe(false);
  });

  it('fills Shopify tags (at most 10) and takes commas out of tags (they separate tags in its CSV)', () => {
    const proposal = optimizeTags(['silver, gold', 'moonstone'], sources, 'shopify');
    expect(proposal?.after[0]).toBe('silver gold');
    expect(proposal?.after.length).toBeGreaterThan(5);
    expect(proposal?.after.length).toBeLessThanOrEqual(10);
  });

  it('proposes no tags where the marketplace takes none', () => {
    for (const marketplace of ['ebay', 'google', 'woocommerce', 'other'] as const) expect(optimizeTags([], sources, marketplace)).toBeNull();
  });

  it('gives the same tags for the same listing (deterministic) and nothing new on its own output', () => {
    const once = optimizeTags(['gift'], sources, 'etsy')?.after ?? [];
    expect(optimizeTags(['gift'], sources, 'etsy')?.after).toEqual(once);
    expect(optimizeTags(once, sources, 'etsy')).toBeNull();
    const shopify = optimizeTags([], { ...sources, description: '' }, 'shopify')?.after ?? [];
    expect(optimizeTags(shopify, { ...sources, description: '' }, 'shopify')).toBeNull();
  });
});

describe('tags worth having (issue 14)', () => {
  const marketing = {
    title: 'Tan Clay Pot with Drainage Hole, Handmade Terracotta Planter',
    description:
      'Our blank product helps with purchasing decisions. Please note the item number on your order. The refined flavor of a focal point in any room. Helpful supplies and a welcome kit are included. Fabric strench may vary. A terracotta planter makes a great housewarming gift for plant lovers.',
    brand: null,
  };

  it('proposes no sentence fragment, vague phrase or tiny single word, and keeps title phrases first', () => {
    const tags = optimizeTags([], marketing, 'etsy')?.after ?? [];
    for (const bad of ['purchasing decisions', 'item number', 'blank product', 'refined flavor', 'focal point', 'helpful supplies', 'tan', 'pot', 'fabric strench']) {
      expect(tags).not.toContain(bad);
    }
    expect(tags.slice(0, 2)).toEqual(expect.arrayContaining(['terracotta planter']));
    expect(tags).toContain('housewarming gift');
  });

  it('a title in French or German gives no tag that starts or ends with an article or preposition of its language', () => {
    // Real titles: a French Etsy shop (nad0606) and an amazon.fr FBA report (Vladiuse).
    const titles = [
      'Cadre photo échographie bébé personnalisé avec la phrase de votre choix et les prénoms du couple',
      '50 masques chirurgicaux jetables à 3 couches de type IIR résistants aux éclaboussures UNI EN 14683',
      'Plaque de porte simba lion prénom bébé personnalisé en bois vernis, décoration chambre enfant',
      'CRDLIGHT 25 FFP2-Masken 5 Lagen ohne Ventil einzeln verpackt, für Erwachsene und Kinder',
    ];
    const edges = /^(la|le|les|et|du|de|des|en|à|aux|für|und|ohne) | (la|le|les|et|du|de|des|en|à|aux|für|und|ohne)$/;
    for (const title of titles) {
      const tags = optimizeTags([], { title, description: '', brand: null }, 'etsy')?.after ?? [];
      expect(tags.filter((tag) => edges.test(tag) || ['en', 'et', 'les', 'la', 'du'].includes(tag)), title).toEqual([]);
    }
    // The words themselves still make tags.
    expect(optimizeTags([], { title: titles[2]!, description: '', brand: null }, 'etsy')?.after).toEqual(expect.arrayContaining(['plaque', 'chambre enfant', 'bois vernis']));
  });

  it('never proposes a tag the spelling check would flag', () => {
    const misspelled = { ...marketing, title: 'Handmade Terracotta Plantr with Drainage Hole' };
    const tags = optimizeTags([], { ...misspelled, spelledRight: (tag: string) => !tag.includes('plantr') }, 'etsy')?.after ?? [];
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.some((t) => t.includes('plantr'))).toBe(false);
  });

  it('adds the seller’s own tags on similar listings after the title’s phrases', () => {
    const catalog = { similarTags: ['plant pot', 'boho decor', 'gift for gardener'], knownWords: [], listings: 5 };
    const tags = optimizeTags([], { ...marketing, catalog }, 'etsy')?.after ?? [];
    const firstCatalogTag = tags.indexOf('plant pot');
    expect(firstCatalogTag).toBeGreaterThan(0);
    expect(tags).toEqual(expect.arrayContaining(['plant pot', 'boho decor', 'gift for gardener']));
    expect(tags.indexOf('terracotta planter')).toBeLessThan(firstCatalogTag);
  });

  it('in a catalog big enough to tell, keeps title phrases to the words the seller uses across it', () => {
    const catalog = { similarTags: [], knownWords: ['terracotta', 'planter', 'handmade', 'clay'], listings: 200 };
    const tags = optimizeTags([], { ...marketing, catalog }, 'etsy')?.after ?? [];
    expect(tags).toContain('terracotta planter');
    expect(tags).not.toContain('drainage hole');
    // A small catalog says nothing about which words are the seller's.
    expect(optimizeTags([], { ...marketing, catalog: { ...catalog, listings: 5 } }, 'etsy')?.after).toContain('drainage hole');
  });
});
