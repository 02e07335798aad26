import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../../common/listing.js';
import {
  countCharacters,
  countUtf8Bytes,
  evaluateField,
  evaluateListing,
  fieldLimit,
  ruleById,
  type Issue,
  type RuleInput,
} from '../../../common/rules/index.js';
import { GOOD_DESCRIPTION, perfect } from './fixtures.js';

const ids = (issues: readonly Issue[]) => issues.map((i) => i.ruleId);
const find = (issues: readonly Issue[], id: string) => {
  const issue = issues.find((i) => i.ruleId === id);
  if (!issue) throw new Error(`${id} did not fire; got ${ids(issues).join(', ')}`);
  return issue;
};
const titleIssues = (title: string, m: Parameters<typeof evaluateField>[2]) => evaluateField('title', title, m);
const description = (text: string, m: Parameters<typeof evaluateField>[2]) => evaluateField('description', text, m);

describe('messages say what is wrong, with the numbers, and what to do', () => {
  it('eBay title length', () => {
    expect(find(titleIssues('x'.repeat(93), 'ebay'), 'ebay.title.max_length').message).toBe('Title is 93 characters; eBay allows 80. Shorten it by 13.');
  });
  it('Google description length, with thousands separators', () => {
    expect(find(description('y'.repeat(5_001), 'google'), 'google.description.max_length').message).toBe(
      'Description is 5,001 characters; Google Merchant allows 5,000. Shorten it by 1.',
    );
  });
  it('Etsy tags: count and lengths, singular and plural', () => {
    const one = find(evaluateField('tags', ['short', 'a'.repeat(24)], 'etsy'), 'etsy.tags.max_length');
    expect(one.message).toBe(`1 tag is longer than 20 characters: “${'a'.repeat(24)}” (24). Etsy allows 20 per tag; shorten it.`);
    expect(one.span).toEqual({ start: 20, end: 24, item: 1 });
    const two = find(evaluateField('tags', ['b'.repeat(21), 'ok', 'c'.repeat(22)], 'etsy'), 'etsy.tags.max_length');
    expect(two.message).toContain('2 tags are longer than 20 characters');
    expect(two.message).toContain('(21)');
    expect(two.message).toContain('(22)');
    expect(two.message).toContain('shorten them');
    expect(two.spans?.map((s) => s.item)).toEqual([0, 2]);
  });
  it('Etsy tag count and use-all-13', () => {
    expect(find(evaluateField('tags', Array.from({ length: 15 }, (_, i) => `t${i}`), 'etsy'), 'etsy.tags.max_count').message).toBe(
      'Listing has 15 tags; Etsy allows 13. Remove 2.',
    );
    expect(find(evaluateField('tags', ['a', 'b'], 'etsy'), 'etsy.tags.use_all').message).toContain('uses 2 of 13 tags');
  });
  it('Etsy use-all-13 costs its points in proportion to the empty slots, so each tag added wins points back (issue 14 item 6)', () => {
    const points = (count: number) => evaluateField('tags', Array.from({ length: count }, (_, i) => `tag ${i}`), 'etsy').find((i) => i.ruleId === 'etsy.tags.use_all')?.points ?? 0;
    expect(points(0)).toBe(8);
    expect(points(12)).toBe(1);
    expect(points(13)).toBe(0);
    expect(points(5)).toBeLessThan(points(2));
    for (let count = 0; count < 13; count++) expect(points(count + 1)).toBeLessThanOrEqual(points(count));
  });
  it('eBay photos', () => {
    const issues = evaluateField('images', Array.from({ length: 27 }, (_, i) => `https://x.example/${i}.jpg`), 'ebay');
    expect(find(issues, 'ebay.images.max_count').message).toBe('Listing has 27 photos; eBay allows 24. Remove 3.');
    expect(find(issues, 'ebay.images.max_count').spans?.map((s) => s.item)).toEqual([24, 25, 26]);
  });
  it('Amazon search terms in bytes', () => {
    const issue = find(evaluateField('tags', ['€'.repeat(84)], 'amazon'), 'amazon.tags.search_terms_bytes');
    expect(issue.message).toContain('252 bytes');
    expect(issue.message).toContain('above 250 bytes');
    expect(issue.message).toContain('Remove 2 bytes');
  });
});

describe('Etsy titles', () => {
  const base = 'Ceramic cat mug, handmade stoneware coffee cup for cat lovers, gift for her birthday';

  it('allows each of % : & + once, flags the second one', () => {
    expect(ids(titleIssues(`${base} 100% : & +`, 'etsy'))).not.toContain('etsy.title.once_only_characters');
    for (const ch of ['%', ':', '&', '+']) {
      const title = `Cats ${ch} dogs ${ch} birds, ${base}`;
      const issue = find(titleIssues(title, 'etsy'), 'etsy.title.once_only_characters');
      expect(issue.message).toContain(`“${ch}” 2 times`);
      expect(issue.span).toEqual({ start: title.lastIndexOf(ch), end: title.lastIndexOf(ch) + 1 });
    }
    const several = find(titleIssues(`A & B & C : D : E : ${base}`, 'etsy'), 'etsy.title.once_only_characters');
    expect(several.message).toContain('“:” 3 times and “&” 2 times');
    expect(several.spans).toHaveLength(3);
  });

  it('allows 3 ALL-CAPS words, flags the 4th; single letters, 3D and mixed case do not count', () => {
    expect(ids(titleIssues(`USB LED RGB lamp, I Am A 3D printed McDonald ${base}`, 'etsy'))).not.toContain('etsy.title.caps_words');
    const issue = find(titleIssues(`USB LED RGB HDMI lamp ${base}`, 'etsy'), 'etsy.title.caps_words');
    expect(issue.message).toBe('Title has 4 words in ALL CAPS (“USB”, “LED”, “RGB” and “HDMI”); Etsy allows 3. Write 1 of them in normal case.');
    expect(issue.spans).toHaveLength(4);
    // accented capitals are capitals
    expect(ids(titleIssues(`ÉTÉ CAFÉ NOËL ÎLE ${base}`, 'etsy'))).toContain('etsy.title.caps_words');
  });

  it('must start with a letter or a digit', () => {
    expect(find(titleIssues(`\u200b${base}`, 'etsy'), 'etsy.title.starts_with').message).toContain('starts with U+200B');
    expect(find(titleIssues(` ${base}`, 'etsy'), 'etsy.title.starts_with').message).toBe('Title starts with a space; Etsy titles must start with a letter or a digit. Remove the leading characters.');
    expect(find(titleIssues(`★ ${base}`, 'etsy'), 'etsy.title.starts_with').span).toEqual({ start: 0, end: 1 });
    expect(ids(titleIssues(`Été ${base}`, 'etsy'))).not.toContain('etsy.title.starts_with');
    expect(ids(titleIssues(`猫 ${base}`, 'etsy'))).not.toContain('etsy.title.starts_with');
  });

  it('allows letters in any script, punctuation, math symbols, ™©®; not emoji, currency or other symbols', () => {
    expect(ids(titleIssues('Tasse à café 猫 кошка ±×÷ “quoted” — ™ © ®, handmade', 'etsy'))).not.toContain('etsy.title.allowed_characters');
    const title = `Cat mug 😺 for $20 ${base}`;
    const issue = find(titleIssues(title, 'etsy'), 'etsy.title.allowed_characters');
    expect(issue.message).toContain('“😺” and “$”');
    expect(title.slice(issue.span?.start, issue.span?.end)).toBe('😺');
    expect(issue.spans).toHaveLength(2);
  });

  it('tags: 13 tags of exactly 20 characters pass', () => {
    const tags = Array.from({ length: 13 }, (_, i) => `tag ${String(i).padStart(2, '0')} ${'x'.repeat(13)}`);
    expect(tags.every((t) => t.length === 20)).toBe(true);
    expect(evaluateField('tags', tags, 'etsy')).toEqual([]);
    const issues = evaluateField('tags', [...tags.slice(0, 12), `${tags[12]}y`], 'etsy');
    expect(ids(issues)).toEqual(['etsy.tags.max_length']);
    expect(ids(evaluateField('tags', [...tags, 'fourteenth'], 'etsy'))).toEqual(['etsy.tags.max_count']);
  });

  it('tags and materials: allowed characters', () => {
    expect(ids(evaluateField('tags', ["mother's day", 'tie-dye', 'café', 'Brand™'], 'etsy'))).not.toContain('etsy.tags.allowed_characters');
    const issue = find(evaluateField('tags', ['ok', 'cat&dog', 'fine', 'a/b'], 'etsy'), 'etsy.tags.allowed_characters');
    expect(issue.message).toContain('2 tags contain');
    expect(issue.message).toContain('“cat&dog”');
    expect(issue.span).toEqual({ start: 3, end: 4, item: 1 });
    expect(ids(evaluateField('materials', ['100 cotton', 'laine mérinos'], 'etsy'))).toEqual([]);
    expect(ids(evaluateField('materials', ['cotton-poly'], 'etsy'))).toEqual(['etsy.materials.allowed_characters']);
  });
});

describe('Amazon titles', () => {
  it('bans ! $ ? _ { } ^ ¬ ¦ one by one', () => {
    for (const ch of ['!', '$', '?', '_', '{', '}', '^', '¬', '¦']) {
      const title = `Leather Wallet ${ch} Slim Bifold Card Holder for Men`;
      const issue = find(titleIssues(title, 'amazon'), 'amazon.title.banned_characters');
      expect(issue.span).toEqual({ start: 15, end: 16 });
      expect(issue.message).toContain(`“${ch}”`);
    }
    expect(ids(titleIssues('Leather Wallet - Slim, Bifold (Brown) & Card Holder / 2-Pack', 'amazon'))).not.toContain('amazon.title.banned_characters');
  });

  it('allows a word twice, flags the third use (case-insensitive); articles, prepositions, conjunctions and numbers are exempt', () => {
    expect(ids(titleIssues('Wallet and Card Holder, Wallet for the Man and the Woman and the Kid', 'amazon'))).not.toContain('amazon.title.word_repeat');
    expect(ids(titleIssues('Frame 2 x 2 x 2 in, 2 Pack, for Photos, for Art, for Posters', 'amazon'))).not.toContain('amazon.title.word_repeat');
    const title = 'Leather Wallet, LEATHER Card Holder, leather Keyring, Wallet Gift';
    const issue = find(titleIssues(title, 'amazon'), 'amazon.title.word_repeat');
    expect(issue.message).toContain('“leather” 3 times');
    expect(issue.message).not.toContain('wallet');
    expect(title.slice(issue.span?.start, issue.span?.end)).toBe('leather');
    expect(issue.span?.start).toBe(title.lastIndexOf('leather'));
  });

  it('flags promotional phrases as whole words, not inside other words', () => {
    for (const t of ['Wallet - FREE SHIPPING', 'Wallet on Sale', 'Wallet Best Price', 'Wallet 50% off', 'Wallet 12.5 % Off', 'Wallet Hot Deal']) {
      expect(ids(titleIssues(t, 'amazon')), t).toContain('amazon.title.promotional');
    }
    for (const t of ['Wholesale Wallet', 'Salesman Briefcase', 'Offset Spatula', 'Wallet 100% Leather']) {
      expect(ids(titleIssues(t, 'amazon')), t).not.toContain('amazon.title.promotional');
    }
  });

  it('flags ALL-CAPS titles, not titles with acronyms', () => {
    expect(ids(titleIssues('LEATHER WALLET FOR MEN', 'amazon'))).toContain('amazon.title.all_caps');
    expect(ids(titleIssues('USB-C Cable for iPhone, 2 M', 'amazon'))).not.toContain('amazon.title.all_caps');
    expect(ids(titleIssues('USB HUB 3.0', 'amazon'))).toContain('amazon.title.all_caps');
    expect(ids(titleIssues('USB 3.0', 'amazon'))).not.toContain('amazon.title.all_caps'); // one word in capitals is an acronym
    expect(ids(titleIssues('A4 X', 'amazon'))).not.toContain('amazon.title.all_caps');
  });
});

describe('eBay descriptions: active content, contact details, off-eBay links', () => {
  const ok = GOOD_DESCRIPTION;
  it.each([
    ['<script>', `${ok}<script>track()</script>`, 'ebay.description.no_scripts'],
    ['remote <SCRIPT src>', `${ok}<SCRIPT src="https://cdn.example.com/x.js"></SCRIPT>`, 'ebay.description.no_scripts'],
    ['onclick=', `${ok}<div class="x" onclick="buy()">Buy</div>`, 'ebay.description.no_scripts'],
    ['onmouseover=', `${ok}<img src="https://i.example/a.jpg" onmouseover='x()'>`, 'ebay.description.no_scripts'],
    ['javascript: link', `${ok}<a href="javascript:void(0)">x</a>`, 'ebay.description.no_scripts'],
    ['<iframe>', `${ok}<iframe src="https://video.example"></iframe>`, 'ebay.description.no_frames'],
    ['<embed>', `${ok}<embed src="movie.swf">`, 'ebay.description.no_frames'],
    ['<form>', `${ok}<form method="post"><button>Go</button></form>`, 'ebay.description.no_forms'],
    ['e-mail', `${ok} Contact jane.doe+shop@example.co.uk`, 'ebay.description.no_email'],
    ['mailto', `${ok}<a href="mailto:jane@example.com">mail</a>`, 'ebay.description.no_email'],
    ['off-eBay link', `${ok}<a href="http://www.myshop.example">shop</a>`, 'ebay.description.no_external_links'],
    ['lookalike domain', `${ok} see https://www.ebay.com.evil.example/x`, 'ebay.description.no_external_links'],
  ])('flags %s', (_name, text, id) => {
    const issue = find(description(text, 'ebay'), id);
    expect(issue.severity).toBe('error');
    expect(issue.span).toBeDefined();
    expect(issue.span?.start).toBeGreaterThanOrEqual(ok.length);
  });

  it('leaves ordinary HTML, eBay links, hosted images and plain words alone', () => {
    const text = `<div style="font-family:Arial"><h2>Wallet</h2><p>${ok}</p><ul><li>JavaScript: the book</li><li>onclick is just a word</li>
      <li>Price: $20 at 5 @ each</li></ul><img src="https://i.imgur.com/abc.jpg" alt="front"><a href="https://www.ebay.co.uk/str/acme">More from us</a>
      <a href="https://pages.ebay.com/help">Help</a><table><tr><td>Size</td><td>11 cm</td></tr></table></div>`;
    expect(description(text, 'ebay')).toEqual([]);
  });
});

describe('Amazon descriptions: plain text only, no contact details or prices', () => {
  it('allows line breaks only', () => {
    expect(ids(description(`${GOOD_DESCRIPTION}<br>More<BR/>Even more<br />`, 'amazon'))).toEqual([]);
    expect(find(description(`<b>Bold</b> ${GOOD_DESCRIPTION}`, 'amazon'), 'amazon.description.no_html').message).toContain('“<b>” and “</b>”');
  });
  it.each([
    ['https URL', 'See https://acme.example/wallet', 'amazon.description.no_urls'],
    ['shop domain', 'Order more at acme-leather.com today', 'amazon.description.no_urls'],
    ['e-mail', 'Write to care@acme.example', 'amazon.description.no_email'],
    ['US phone', 'Call (555) 123-4567', 'amazon.description.no_phone'],
    ['international phone', 'Ring +44 20 7946 0958', 'amazon.description.no_phone'],
    ['dollar price', 'Now only $19.99', 'amazon.description.no_prices'],
    ['euro price', 'Worth 25 EUR', 'amazon.description.no_prices'],
  ])('flags %s', (_name, extra, id) => {
    expect(ids(description(`${GOOD_DESCRIPTION} ${extra}`, 'amazon'))).toContain(id);
  });
  it('does not mistake sizes, years or model numbers for phones or prices', () => {
    expect(description(`${GOOD_DESCRIPTION} Fits 2019-2024 models, 10.5 x 8 cm, 100 % cotton, part 555-1234, 3.5 mm jack.`, 'amazon')).toEqual([]);
  });
});

describe('Unicode: titles count code points; Amazon search terms count UTF-8 bytes', () => {
  it.each([
    ['emoji', '😀'],
    ['CJK', '漢'],
    ['precomposed accent (NFC)', 'é'],
  ])('eBay: 80 × %s is 80 characters', (_name, ch) => {
    expect(ids(titleIssues(ch.repeat(80), 'ebay'))).not.toContain('ebay.title.max_length');
    const issue = find(titleIssues(ch.repeat(81), 'ebay'), 'ebay.title.max_length');
    expect(issue.message).toContain('Title is 81 characters');
    // the span covers exactly the 81st character, in UTF-16 indices
    expect(ch.repeat(81).slice(issue.span?.start, issue.span?.end)).toBe(ch);
  });

  it('a decomposed accent (NFD: e + U+0301) counts as 2 code points', () => {
    expect(countCharacters('e\u0301')).toBe(2);
    expect(countCharacters('é')).toBe(1);
    expect(countCharacters('👍🏽')).toBe(2); // emoji + skin-tone modifier
  });

  it('Amazon search terms: 250 bytes, é = 2, € = 3, emoji = 4, spaces between tags count', () => {
    expect(countUtf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(evaluateField('tags', ['😀'.repeat(62), 'a'], 'amazon')).toEqual([]); // 248 + 1 + 1
    expect(ids(evaluateField('tags', ['😀'.repeat(62), 'ab'], 'amazon'))).toEqual(['amazon.tags.search_terms_bytes']); // 251
    // the same text counted in characters would be far under any limit
    expect(countCharacters('😀'.repeat(62))).toBe(62);
  });

  it('Amazon titles count characters, not bytes', () => {
    expect(ids(titleIssues('漢'.repeat(200), 'amazon'))).not.toContain('amazon.title.max_length');
    expect(ids(titleIssues('漢'.repeat(201), 'amazon'))).toContain('amazon.title.max_length');
  });
});

describe('quality score', () => {
  it.each(MARKETPLACES)('a perfect listing scores 100 on %s', (m) => {
    expect(evaluateListing(perfect(m), m)).toEqual({ issues: [], score: 100, errors: 0, warnings: 0 });
  });

  it('every point lost names its rule, and the points add up exactly', () => {
    for (const m of MARKETPLACES) {
      const listing: RuleInput = { ...perfect(m), images: ['https://x.example/1.jpg'], brand: null, description: 'Short.' };
      const result = evaluateListing(listing, m);
      const lost = result.issues.reduce((sum, i) => sum + i.points, 0);
      expect(result.score, m).toBe(100 - lost);
      for (const issue of result.issues) expect(ruleById(issue.ruleId)?.points).toBe(issue.points);
      expect(result.errors + result.warnings).toBe(result.issues.length);
      expect(result.errors).toBe(result.issues.filter((i) => i.severity === 'error').length);
    }
    const ebay = evaluateListing({ ...perfect('ebay'), images: ['https://x.example/1.jpg'], description: 'Short.' }, 'ebay');
    expect(ids(ebay.issues)).toEqual(['ebay.description.min_length', 'ebay.images.min_count']);
    expect(ebay.score).toBe(80);
    expect(ebay.warnings).toBe(2);
  });

  it('is clamped to 0 for a listing that fails everything', () => {
    const empty: RuleInput = { title: '', description: '', tags: [], materials: [], images: [], priceMinor: null, quantity: null, sku: null, brand: null, condition: null, attributes: {} };
    for (const m of MARKETPLACES) {
      const r = evaluateListing(empty, m);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
    }
    expect(evaluateListing(empty, 'ebay').score).toBe(0);
    expect(evaluateListing(empty, 'other').score).toBe(100);
  });

  it('errors weigh more than warnings', () => {
    const lost = (title: string) => 100 - evaluateListing({ ...perfect('ebay'), title }, 'ebay').score;
    expect(lost('x'.repeat(81))).toBeGreaterThan(lost('x'.repeat(40)));
  });
});

describe('evaluateField and fieldLimit', () => {
  it('evaluateField reports what evaluateListing reports for that field', () => {
    const listing: RuleInput = { ...perfect('etsy'), title: '★ CAT MUG LOVE GIFT: cute: 😺', tags: ['x'.repeat(25)] };
    const all = evaluateListing(listing, 'etsy').issues;
    expect(evaluateField('title', listing.title, 'etsy')).toEqual(all.filter((i) => i.field === 'title'));
    expect(evaluateField('tags', listing.tags, 'etsy')).toEqual(all.filter((i) => i.field === 'tags'));
    expect(evaluateField('title', 'anything', 'other')).toEqual([]);
  });

  it('gives the UI its counters', () => {
    expect(fieldLimit('ebay', 'title')).toEqual({ max: 80, min: 1, unit: 'characters' });
    expect(fieldLimit('etsy', 'title')).toEqual({ max: 140, min: 1, unit: 'characters' });
    expect(fieldLimit('amazon', 'title')).toEqual({ max: 200, recommended: 80, min: 1, unit: 'characters' });
    expect(fieldLimit('shopify', 'title')).toEqual({ max: null, recommended: 70, min: 1, unit: 'characters' });
    expect(fieldLimit('google', 'title')).toEqual({ max: 150, min: 1, unit: 'characters' });
    expect(fieldLimit('google', 'description')).toEqual({ max: 5_000, min: 1, unit: 'characters' });
    expect(fieldLimit('etsy', 'tags')).toEqual({ max: 13, itemMax: 20, unit: 'items' });
    expect(fieldLimit('amazon', 'tags')).toEqual({ max: 250, unit: 'bytes' });
    expect(fieldLimit('ebay', 'images')).toEqual({ max: 24, unit: 'items' });
    expect(fieldLimit('etsy', 'images')).toEqual({ max: null, recommended: 10, unit: 'items' });
    expect(fieldLimit('woocommerce', 'title')).toBeNull();
    expect(fieldLimit('other', 'title')).toBeNull();
  });

  it('is fast enough for every keystroke', () => {
    const title = 'Handmade Leather Wallet for Men, Slim Bifold Card Holder in Brown Cowhide';
    for (let i = 0; i < 1_000; i++) evaluateField('title', title, 'etsy');
    const n = 20_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) evaluateField('title', i % 2 ? title : `${title}!`, 'etsy');
    const perCall = (performance.now() - t0) / n;
    expect(perCall).toBeLessThan(0.1); // 100 µs — generous for CI; measured ≈ 3 µs
  });
});
