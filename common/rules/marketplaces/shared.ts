/**
 * Data and small builders shared by the marketplace tables: word lists, content patterns, and the
 * rules several marketplaces have in common (required fields, sane numbers, positive-quality checks).
 * Every rule still gets its own marketplace-prefixed id, so each can be tuned per marketplace.
 */
import type { Marketplace } from '../../listing.js';
import type { Check, RuleDef, RuleField, RuleKind, Severity } from '../types.js';

/** Shorthand for one table row of `marketplace`. */
export function ruleOf(marketplace: Marketplace) {
  return (
    id: string,
    field: RuleField,
    severity: Severity,
    points: number,
    message: string,
    check: Check,
    extra: { kind?: RuleKind; source?: string } = {},
  ): RuleDef => ({
    id: `${marketplace}.${id}`,
    marketplace,
    field,
    severity,
    kind: extra.kind ?? 'requirement',
    points,
    message,
    check,
    ...(extra.source === undefined ? {} : { source: extra.source }),
  });
}

// ── Word lists (data) ─────────────────────────────────────────────────────────────────────────

/**
 * Promotional phrases marketplaces do not want in titles (Amazon suppresses such titles; Google
 * disapproves promotional text). Whole words, case-insensitive; "% off" also matches "20% off".
 */
export const PROMOTIONAL_PHRASES: readonly string[] = [
  'free shipping',
  'free delivery',
  'free gift',
  'best price',
  'lowest price',
  'best deal',
  'hot deal',
  'deal of the day',
  'great deal',
  'sale',
  'on sale',
  'clearance',
  'discount',
  'discounted',
  '% off',
  'cheap',
  'cheapest',
  'bargain',
  'best seller',
  'bestseller',
  'best-seller',
  'top seller',
  'limited time',
  'limited offer',
  'special offer',
  'buy now',
  'buy 1 get 1',
  'bogo',
  'money back',
  '100% satisfaction',
  'satisfaction guaranteed',
  'hot sale',
  // Amazon's product title requirements name these as promotional or subjective claims.
  'hot item',
  '100% quality',
  'quality guaranteed',
  'guaranteed quality',
  'best quality',
  'top rated',
];

/**
 * The promotional phrases for titles where the marketplace's guidance (not a hard ban) speaks
 * against them (eBay, Etsy, Shopify → Google Shopping): without the single words that also name
 * products ("Garage Sale Sign", "Discount Tire gift card", "Cheap Trick poster").
 */
export const PROMOTIONAL_CLAIMS: readonly string[] = PROMOTIONAL_PHRASES.filter((phrase) => !['sale', 'discount', 'discounted', 'cheap', 'cheapest', 'bargain', 'clearance'].includes(phrase));

/**
 * Keyword spam eBay's search and browse manipulation policy names: attention-grabbing spellings
 * (`L@@K`, an all-caps `WOW`) and runs of exclamation or question marks.
 */
export const EBAY_KEYWORD_SPAM = /L\s*@\s*@\s*K|(?<![\p{L}\p{N}])WOW(?![\p{L}\p{N}])|[!?]{2,}|\*{2,}/gu;

/**
 * Gimmicky punctuation and symbols Google Merchant's editorial requirements disapprove in titles:
 * runs of ! or ?, repeated symbols (`***`, `$$$`, `###`, `~~`), and emoji or pictographs (★ ✔ 🔥).
 * ™ © ® and single marks are ordinary title characters.
 */
export const GIMMICKY_SYMBOLS = /[!?]{2,}|([*$#~^=])\1+|[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/gu;

/**
 * Words Amazon does not count in "no word more than twice": articles, prepositions, conjunctions
 * (English). `x` is included because it reads as "by" in sizes (12 x 18 x 4 in).
 */
export const AMAZON_REPEAT_EXEMPT: readonly string[] = [
  // articles
  'a', 'an', 'the',
  // conjunctions
  'and', 'or', 'nor', 'but', 'so', 'yet', 'if', 'as', 'than', 'because', 'while',
  // prepositions
  'for', 'with', 'without', 'in', 'on', 'at', 'by', 'of', 'to', 'from', 'into', 'onto', 'over', 'under',
  'up', 'down', 'per', 'via', 'vs', 'about', 'above', 'below', 'between', 'through', 'across', 'after',
  'before', 'around', 'inside', 'outside', 'near', 'off', 'out', 'within', 'against', 'along', 'x',
];

// ── Content patterns (precompiled once; the engine resets lastIndex) ──────────────────────────

/** An e-mail address (bounded parts keep this linear on huge descriptions). */
export const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu;

/** Cheap test that a text may hold an e-mail address: an `@` between a name character and a domain. */
export const EMAIL_PREFILTER = /@(?<=[\p{L}\p{N}._%+-]@)[\p{L}\p{N}-]+\./u;

/**
 * Scripts: `<script>` (inline or remote), `javascript:`/`vbscript:` URLs in an attribute, `on…=`
 * event handlers in a tag. Plain text ("JavaScript: The Good Parts", "onclick") does not match.
 */
export const ACTIVE_SCRIPT = /<script\b|=\s*["']?\s*(?:java|vb)script\s*:|<[a-z][^<>]*?\son[a-z]{3,}\s*=/gi;

/** Frames and embedded active objects. */
export const FRAMES = /<(?:i?frame|frameset|object|embed|applet)\b/gi;

/** Form controls. */
export const FORMS = /<(?:form|input|button|select|textarea)\b/gi;

/**
 * A link that leaves eBay: an http(s)/www URL whose host is not eBay's (ebay.*, ebaystatic, ebayimg),
 * except as an image source (`src="https://…"`), which eBay allows.
 */
export const OFF_EBAY_LINK =
  /(?<!\bsrc\s*=\s*["']?)(?:\bhttps?:\/\/|(?<![\w.-])www\.)(?!(?:[a-z0-9-]+\.)*(?:ebay|ebaystatic|ebayimg)\.[a-z]{2,}(?:\.[a-z]{2,})?(?![a-z0-9.-]))[^\s"'<>]+/gi;

/** Any HTML tag except a line break (`<br>`, `<br/>`, `<br />`). */
export const HTML_EXCEPT_BR = /<\/?(?!br\s*\/?>)[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/** URLs and bare shop domains (example.com, mystore.shop). */
export const URL_OR_DOMAIN =
  /\bhttps?:\/\/[^\s<>"']+|(?<![\w.-])www\.[^\s<>"']+|(?<![\p{L}\p{N}@.-])[\p{L}\p{N}-]+\.(?:com|net|org|shop|store|biz|info|io|co\.uk|de|fr|it|es|ca|com\.au)(?![\p{L}\p{N}-])/giu;

/** Cheap test that a text may hold a URL or a shop domain (starts on a literal, so it scans fast). */
export const URL_PREFILTER = /https?:\/\/|www\.|\.(?<=[\p{L}\p{N}-]\.)(?:com|net|org|shop|store|biz|info|io|co\.uk|de|fr|it|es|ca)(?![\p{L}\p{N}-])/iu;

/** Phone numbers: +44 20 7946 0958, (555) 123-4567, 555-123-4567, 555.123.4567. */
export const PHONE =
  /(?<![\d+])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})(?!\d)/g;

/** Prices: $19.99, € 5, 12.50 USD, 20 dollars. */
export const PRICE =
  /[$€£¥]\s?\d[\d,]*(?:\.\d{1,2})?|(?<![\p{L}\p{N}.,])\d[\d,]*(?:\.\d{1,2})?\s?(?:[$€£¥]|(?:USD|EUR|GBP|CAD|AUD|dollars?|euros?)(?!\p{L}))/giu;

/** A plain-http image URL (eBay requires https). */
export const PLAIN_HTTP = /^http:\/\//gi;

// ── Shared rule groups ────────────────────────────────────────────────────────────────────────

export const REQUIRED: Check = { type: 'required' };

/** Marks a rule as a quality check (the marketplace does not enforce it, but it sells), not a requirement. */
export const QUALITY = { kind: 'quality' } as const;

type TableRow = ReturnType<typeof ruleOf>;

/**
 * The description quality suggestion every marketplace with a description shares: at least 100
 * characters of text. `add` says what this marketplace's buyers look for in one.
 */
export function descriptionMinLength(rule: TableRow, add = 'features, size, materials'): RuleDef {
  return rule(
    'description.min_length',
    'description',
    'warning',
    10,
    `Description has {len} characters of text; aim for at least {min}. Add {short} more: ${add}.`,
    { type: 'minTextLength', min: 100 },
    QUALITY,
  );
}

/** Stock is a whole number of 0 or more on every marketplace. */
export function quantityWholeNumber(rule: TableRow): RuleDef {
  return rule('quantity.whole_number', 'quantity', 'error', 20, 'Quantity is {value}; it must be a whole number of 0 or more. Fix the stock count.', { type: 'wholeNumber' });
}
