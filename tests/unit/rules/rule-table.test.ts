/**
 * Table-driven: every rule fires on a crafted bad value and stays silent on a good one, starting
 * from a listing that passes everything. A final test proves every rule id has a case here.
 */
import { describe, expect, it } from 'vitest';
import { MARKETPLACES, type Marketplace } from '../../../common/listing.js';
import { evaluateListing, rulesFor, type RuleField, type RuleInput } from '../../../common/rules/index.js';
import { FIELD_KEYS, GOOD_DESCRIPTION, images, perfect, tags } from './fixtures.js';

type Value = RuleInput[keyof RuleInput];
interface Case {
  id: string;
  bad: Value;
  /** Defaults to the perfect listing's value. */
  good?: Value;
}

const pad = (s: string) => `${s} ${GOOD_DESCRIPTION}`;
const attrs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Name ${i}`, 'x']));

const CASES: Case[] = [
  // eBay
  { id: 'ebay.title.required', bad: '   ' },
  { id: 'ebay.title.max_length', bad: 'x'.repeat(81), good: 'x'.repeat(80) },
  { id: 'ebay.title.fill', bad: 'Leather wallet', good: 'x'.repeat(48) },
  { id: 'ebay.title.keyword_spam', bad: 'L@@K WOW Leather Wallet for Men Slim Bifold Brown Cowhide!!', good: 'Wow Factor Leather Wallet for Men, Slim Bifold, Brown Cowhide' },
  { id: 'ebay.title.promotional', bad: 'Leather Wallet for Men Slim Bifold Brown - FREE SHIPPING', good: 'Leather Wallet for Men Slim Bifold Brown Cowhide Shipping Box' },
  { id: 'ebay.title.all_caps', bad: 'LEATHER WALLET FOR MEN SLIM BIFOLD BROWN COWHIDE CARD HOLDER' },
  { id: 'ebay.description.required', bad: '' },
  { id: 'ebay.description.max_length', bad: 'ab'.repeat(250_001), good: 'ab'.repeat(250_000) },
  { id: 'ebay.description.no_scripts', bad: pad('<script>alert(1)</script>'), good: pad('<p>Learn JavaScript: the good parts. No onclick here.</p>') },
  { id: 'ebay.description.no_frames', bad: pad('<iframe src="https://x.example"></iframe>'), good: pad('<div>frame of the mirror</div>') },
  { id: 'ebay.description.no_forms', bad: pad('<form action="/buy"><input name="q"></form>'), good: pad('<p>Information, not a form.</p>') },
  { id: 'ebay.description.no_email', bad: pad('Questions? seller@example.com'), good: pad('Questions? Message me @ eBay.') },
  {
    id: 'ebay.description.no_external_links',
    bad: pad('<a href="https://myshop.example.com/wallet">My shop</a>'),
    good: pad('<a href="https://www.ebay.com/str/acme">My eBay store</a> <img src="https://i.imgur.com/a.jpg">'),
  },
  { id: 'ebay.description.min_length', bad: '<p>Nice wallet.</p>' },
  { id: 'ebay.images.required', bad: [] },
  { id: 'ebay.images.max_count', bad: images(25), good: images(24) },
  { id: 'ebay.images.https', bad: ['https://a.example/1.jpg', 'http://a.example/2.jpg', 'https://a.example/3.jpg'] },
  { id: 'ebay.images.min_count', bad: images(2), good: images(3) },
  { id: 'ebay.price.required', bad: null },
  { id: 'ebay.price.positive', bad: 0, good: 1 },
  { id: 'ebay.quantity.required', bad: null, good: 0 },
  { id: 'ebay.quantity.whole_number', bad: -1, good: 0 },
  { id: 'ebay.attributes.max_count', bad: attrs(46), good: attrs(45) },
  { id: 'ebay.attributes.max_length', bad: { Style: 'x'.repeat(66) }, good: { Style: 'x'.repeat(65) } },
  { id: 'ebay.brand.present', bad: null },
  { id: 'ebay.condition.present', bad: '' },

  // Etsy
  { id: 'etsy.title.required', bad: '' },
  { id: 'etsy.title.max_length', bad: 'x'.repeat(141), good: 'x'.repeat(140) },
  { id: 'etsy.title.allowed_characters', bad: 'Cat mug 😺 ceramic coffee cup for cat lovers, handmade stoneware gift for her birthday', good: 'Café mug — 猫 ceramic coffee cup for cat lovers, handmade stoneware “gift” for her ™ © ® ±' },
  { id: 'etsy.title.starts_with', bad: '~ Cat mug ceramic coffee cup for cat lovers, handmade stoneware gift for her birthday', good: '3 Cat mugs ceramic coffee cup for cat lovers, handmade stoneware gift for her birthday' },
  { id: 'etsy.title.once_only_characters', bad: 'Cat mug: ceramic: coffee cup for cat lovers, handmade stoneware gift for her birthday', good: 'Cat mug: ceramic & stoneware 100% + coffee cup for cat lovers, handmade gift for her' },
  { id: 'etsy.title.promotional', bad: 'Handmade ceramic cat mug, stoneware coffee cup for cat lovers !!! FREE SHIPPING', good: 'Handmade ceramic cat mug, stoneware coffee cup for cat lovers, shipping-safe box' },
  { id: 'etsy.title.caps_words', bad: 'HANDMADE CAT MUG CERAMIC coffee cup for cat lovers, stoneware gift for her birthday', good: 'HANDMADE CAT MUG ceramic coffee cup for cat lovers, stoneware gift for her birthday' },
  { id: 'etsy.title.fill', bad: 'Cat mug', good: 'x'.repeat(84) },
  { id: 'etsy.description.required', bad: '' },
  { id: 'etsy.description.min_length', bad: 'A mug.' },
  { id: 'etsy.description.no_html', bad: pad('<p><b>Size</b></p>'), good: pad('Line one<br>Line two') },
  { id: 'etsy.tags.max_count', bad: tags(14), good: tags(13) },
  { id: 'etsy.tags.max_length', bad: [...tags(12), 'x'.repeat(21)], good: [...tags(12), 'x'.repeat(20)] },
  { id: 'etsy.tags.allowed_characters', bad: [...tags(12), 'cat_mug'], good: [...tags(12), "cat-lover's mug™"] },
  { id: 'etsy.tags.use_all', bad: [], good: tags(13) },
  { id: 'etsy.materials.allowed_characters', bad: ['cotton/poly'], good: ['cotton', 'poly blend 2'] },
  { id: 'etsy.images.required', bad: [] },
  { id: 'etsy.images.max_count', bad: images(11), good: images(10) },
  { id: 'etsy.images.min_count', bad: images(2), good: images(3) },
  { id: 'etsy.price.required', bad: null },
  { id: 'etsy.price.positive', bad: -5, good: 20 },
  { id: 'etsy.quantity.required', bad: null },
  { id: 'etsy.quantity.whole_number', bad: 2.5, good: 2 },

  // Amazon
  { id: 'amazon.title.required', bad: '' },
  { id: 'amazon.title.max_length', bad: 'x'.repeat(201), good: 'x'.repeat(80) },
  { id: 'amazon.title.recommended_length', bad: 'x'.repeat(81), good: 'x'.repeat(80) },
  { id: 'amazon.title.banned_characters', bad: 'Leather Wallet for Men - Slim Bifold Card Holder, Brown?', good: 'Leather Wallet for Men - Slim Bifold Card Holder, Brown.' },
  { id: 'amazon.title.word_repeat', bad: 'Leather Wallet, Leather Card Holder, leather Gift Box Set', good: 'Leather Wallet with Card Holder and Gift Box for the Man and the Boy' },
  { id: 'amazon.title.promotional', bad: 'Leather Wallet for Men, Slim Bifold - Free Shipping Today', good: 'Leather Wallet for Men, Slim Bifold, Wholesale Saleable' },
  { id: 'amazon.title.all_caps', bad: 'HANDMADE LEATHER WALLET FOR MEN, SLIM BIFOLD CARD HOLDER', good: 'Handmade Leather Wallet for Men, USB Slim Bifold Card Holder' },
  { id: 'amazon.title.fill', bad: 'Wallet' },
  { id: 'amazon.description.no_html', bad: pad('<p>Great</p>'), good: pad('Line one<br>Line two<br/>Line three<br />') },
  { id: 'amazon.description.no_urls', bad: pad('More at www.acme-leather.example'), good: pad('Approx. 5.5 cm wide. Fits e.g. U.S. bills.') },
  { id: 'amazon.description.no_email', bad: pad('Mail help@acme.example'), good: pad('Mail us via Amazon @ any time') },
  { id: 'amazon.description.no_phone', bad: pad('Call +1 555 123 4567'), good: pad('Model 2019 2020, 10-20 cards, 11 x 9 cm') },
  { id: 'amazon.description.no_prices', bad: pad('Only $19.99!'), good: pad('Holds 6 cards and 20 bills.') },
  { id: 'amazon.description.min_length', bad: 'Wallet.' },
  { id: 'amazon.tags.search_terms_bytes', bad: ['é'.repeat(126)], good: ['é'.repeat(125)] },
  { id: 'amazon.sku.required', bad: null },
  { id: 'amazon.brand.required', bad: ' ' },
  { id: 'amazon.images.required', bad: [] },
  { id: 'amazon.images.min_count', bad: images(1), good: images(3) },
  { id: 'amazon.price.required', bad: null },
  { id: 'amazon.price.positive', bad: 0 },
  { id: 'amazon.quantity.whole_number', bad: -2, good: null },

  // Shopify
  { id: 'shopify.title.required', bad: '' },
  { id: 'shopify.title.recommended_length', bad: 'x'.repeat(71), good: 'x'.repeat(70) },
  { id: 'shopify.title.fill', bad: 'Wallet', good: 'x'.repeat(42) },
  { id: 'shopify.title.promotional', bad: 'Slim Leather Wallet - Hot Item, Best Price', good: 'Slim Leather Wallet in Brown Cowhide' },
  { id: 'shopify.description.min_length', bad: '' },
  { id: 'shopify.images.min_count', bad: [] },
  { id: 'shopify.price.required', bad: null, good: 0 },
  { id: 'shopify.price.positive', bad: 0, good: 1 },
  { id: 'shopify.quantity.whole_number', bad: 0.5 },

  // WooCommerce
  { id: 'woocommerce.title.required', bad: '' },
  { id: 'woocommerce.description.min_length', bad: 'x'.repeat(99), good: 'x'.repeat(100) },
  { id: 'woocommerce.images.min_count', bad: images(2) },
  { id: 'woocommerce.price.required', bad: null },
  { id: 'woocommerce.price.not_negative', bad: -100 },
  { id: 'woocommerce.quantity.whole_number', bad: Number.NaN },

  // Google Merchant
  { id: 'google.title.required', bad: '' },
  { id: 'google.title.max_length', bad: 'x'.repeat(151), good: 'x'.repeat(150) },
  { id: 'google.title.promotional', bad: `${'x'.repeat(90)} 20% off`, good: `${'x'.repeat(90)} 20% cotton` },
  { id: 'google.title.all_caps', bad: 'LEATHER WALLET FOR MEN SLIM BIFOLD CARD HOLDER IN BROWN COWHIDE WITH COIN POCKET AND GIFT BOX' },
  { id: 'google.title.gimmicky_symbols', bad: `${'x'.repeat(90)} ★★ Best Gift!!`, good: `${'x'.repeat(90)} Men's Wallet™ - Size M (2-Pack) & More?` },
  { id: 'google.title.fill', bad: 'Leather wallet', good: 'x'.repeat(90) },
  { id: 'google.description.required', bad: '' },
  { id: 'google.description.max_length', bad: 'x'.repeat(5_001), good: 'x'.repeat(5_000) },
  { id: 'google.description.min_length', bad: 'Wallet' },
  { id: 'google.images.required', bad: [] },
  { id: 'google.images.min_count', bad: images(2) },
  { id: 'google.price.required', bad: null },
  { id: 'google.price.positive', bad: 0 },
  { id: 'google.quantity.whole_number', bad: -3 },
  { id: 'google.brand.present', bad: null },
  { id: 'google.condition.present', bad: null },
];

function ruleOf(id: string) {
  const marketplace = id.split('.')[0] as Marketplace;
  const rule = rulesFor(marketplace).find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

function evaluateWith(id: string, value: Value) {
  const rule = ruleOf(id);
  const key = FIELD_KEYS[rule.field as RuleField];
  const listing = { ...perfect(rule.marketplace), [key]: value } as RuleInput;
  return evaluateListing(listing, rule.marketplace);
}

describe('each rule fires on a bad value and stays silent on a good one', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const bad = evaluateWith(id, c.bad).issues.find((i) => i.ruleId === id);
    expect(bad, `${id} should fire`).toBeDefined();
    expect(bad?.message).not.toMatch(/\{\w+/); // every placeholder filled
    expect(bad?.points).toBe(ruleOf(id).points);
    expect(bad?.severity).toBe(ruleOf(id).severity);
    expect(bad?.field).toBe(ruleOf(id).field);
    const rule = ruleOf(id);
    const good = evaluateWith(id, c.good === undefined ? perfect(rule.marketplace)[FIELD_KEYS[rule.field]] : c.good);
    expect(good.issues.map((i) => i.ruleId), `${id} should stay silent`).not.toContain(id);
  });
});

describe('the rule tables', () => {
  const all = MARKETPLACES.flatMap((m) => rulesFor(m));

  it('has a bad/good case for every rule', () => {
    const covered = new Set(CASES.map((c) => c.id));
    expect(all.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(CASES.map((c) => c.id).filter((id) => !all.some((r) => r.id === id))).toEqual([]);
  });

  it('uses unique, stable, marketplace-prefixed ids', () => {
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) expect(r.id).toMatch(new RegExp(`^${r.marketplace}\\.${r.field}\\.[a-z_]+$`));
  });

  it('weighs every rule, quality checks as warnings, errors at least as heavy as the warnings of their field', () => {
    for (const r of all) {
      expect(r.points, r.id).toBeGreaterThan(0);
      expect(r.message.length, r.id).toBeGreaterThan(20);
      if (r.kind === 'quality') expect(r.severity, r.id).toBe('warning');
    }
    const minError = Math.min(...all.filter((r) => r.severity === 'error').map((r) => r.points));
    const maxWarning = Math.max(...all.filter((r) => r.severity === 'warning').map((r) => r.points));
    expect(minError).toBeGreaterThanOrEqual(maxWarning);
  });

  it("has no rules for 'other'", () => {
    expect(rulesFor('other')).toEqual([]);
  });
});
