/**
 * Types of the marketplace rules engine. Pure data: no Node, no DOM, no React.
 *
 * A rule is one row of a marketplace's table (common/rules/marketplaces/<name>.ts): a stable id, the
 * field it looks at, how bad a failure is, a seller-facing message template, the points a failure
 * costs in the quality score, and a `check` — a small data description of the test the engine runs
 * (compiled once, at module load, into a closure with precompiled regexes).
 */
import type { Listing, Marketplace } from '../listing.js';

/** The value each rule field holds. `price` is `Listing.priceMinor` (minor units). */
export interface FieldValues {
  title: string;
  description: string;
  tags: readonly string[];
  materials: readonly string[];
  images: readonly string[];
  price: number | null;
  quantity: number | null;
  sku: string | null;
  brand: string | null;
  condition: string | null;
  /** Item specifics / attributes (name → value). */
  attributes: Readonly<Record<string, string>>;
}
export type RuleField = keyof FieldValues;

export const RULE_FIELDS: readonly RuleField[] = [
  'title',
  'description',
  'tags',
  'materials',
  'images',
  'price',
  'quantity',
  'sku',
  'brand',
  'condition',
  'attributes',
];

/** The listing fields the engine reads. */
export type RuleInput = Pick<
  Listing,
  'title' | 'description' | 'tags' | 'materials' | 'images' | 'priceMinor' | 'quantity' | 'sku' | 'brand' | 'condition' | 'attributes'
>;

/** 'error': the marketplace rejects (or suppresses) the listing. 'warning': it hurts the listing. */
export type Severity = 'error' | 'warning';

/**
 * 'requirement': a marketplace rule or policy. 'quality': a positive-quality check (has ≥ 3 images,
 * a real description…) that the marketplace does not enforce but that sells.
 */
export type RuleKind = 'requirement' | 'quality';

/** How text is counted. Titles and descriptions: Unicode code points. Amazon search terms: UTF-8 bytes. */
export type LengthUnit = 'characters' | 'bytes';

/**
 * What a rule tests. The engine interprets these (common/rules/checks.ts). String checks on a list
 * field (tags, materials, images) apply to each item. Regexes must carry the `g` flag where noted;
 * the engine resets `lastIndex` before every use.
 */
export type Check =
  /** Non-blank string, non-null number, non-empty list. */
  | { type: 'required' }
  /** Length of the text (or of each list item) ≤ max, in `unit` (default characters = code points). */
  | { type: 'maxLength'; max: number; unit?: LengthUnit }
  /** Length ≥ min code points (only when non-empty: blank is `required`'s job). */
  | { type: 'minLength'; min: number }
  /** Title uses at least `ratio` of `of` characters (blank titles fail too). */
  | { type: 'fill'; ratio: number; of: number }
  /** Visible text (HTML tags not counted, entities count 1) ≥ min characters. */
  | { type: 'minTextLength'; min: number }
  /** `pattern` (flags `gu`) matches ONE disallowed character. */
  | { type: 'forbiddenChars'; pattern: RegExp; allowed: string }
  /** The text must start with a character matching `pattern` (anchored, no `g`). */
  | { type: 'startsWith'; pattern: RegExp; expected: string }
  /** Each of `chars` appears at most `max` times. */
  | { type: 'maxCharCount'; chars: string; max: number }
  /** At most `max` words written in ALL CAPS (a word with ≥ 2 upper-case letters and no lower-case one). */
  | { type: 'maxCapsWords'; max: number }
  /** Not the whole text in capitals (fires when no lower-case letter and ≥ `minWords` ALL-CAPS words). */
  | { type: 'notAllCaps'; minWords: number }
  /** No word (case-insensitive, containing a letter) more than `max` times, `exempt` words excepted. */
  | { type: 'maxWordRepeat'; max: number; exempt: readonly string[] }
  /**
   * `pattern` (flag `g`) finds forbidden content. `prefilter`: a literal every match contains, or a
   * cheap regex (no `g`) that matches wherever `pattern` could — texts without it are skipped fast.
   */
  | { type: 'forbiddenText'; pattern: RegExp; prefilter?: string | RegExp }
  /** Whole-word phrases (case-insensitive; `%` `$` allowed inside); compiled to one regex at load. */
  | { type: 'forbiddenPhrases'; phrases: readonly string[] }
  /**
   * List (or attributes) has ≥ min entries. `emptyIsRequired`: an empty list passes, because the
   * table's `required` rule on the field already reports it (one finding, one penalty).
   */
  | {
      type: 'minItems';
      min: number;
      emptyIsRequired?: boolean;
      /**
       * The rule costs its points in proportion to the entries missing (rounded up), so each entry
       * added wins points back (Etsy's 13 tag slots: every tag is another search).
       */
      perMissingItem?: boolean;
    }
  /** List (or attributes) has ≤ max entries. */
  | { type: 'maxItems'; max: number }
  /** The list joined with `separator` is ≤ max UTF-8 bytes. */
  | { type: 'maxJoinedBytes'; max: number; separator: string }
  /** Number ≥ min when present (null passes: that is `required`'s job). */
  | { type: 'minValue'; min: number }
  /** Number is a whole number ≥ 0 when present. */
  | { type: 'wholeNumber' }
  /** Every attribute name and value ≤ max characters. */
  | { type: 'entryMaxLength'; max: number };

export interface RuleDef {
  /** Stable id, `<marketplace>.<field>.<what>`: the UI, the optimizer and saved reports key on it. */
  id: string;
  marketplace: Marketplace;
  field: RuleField;
  severity: Severity;
  kind: RuleKind;
  /** Points this rule costs in the quality score when it fails (see score.ts). */
  points: number;
  /**
   * Seller-facing message template: what is wrong AND what to do. Placeholders: `{name}` inserts a
   * variable (numbers get thousands separators); `{name:noun}` inserts "1 noun" / "2 nouns"; `{name?it/them}` the word alone;
   * `{name:singular/plural}` for irregular plurals. Variables per check: see checks.ts.
   */
  message: string;
  check: Check;
  /** Where the rule comes from / why, for the rules documentation. */
  source?: string;
}

/** A range in the field's text, in UTF-16 code units (JS string indices: `text.slice(start, end)`). */
export interface Span {
  start: number;
  end: number;
  /** For list fields (tags, materials, images): which item the range is in. */
  item?: number;
}

export interface Issue {
  ruleId: string;
  field: RuleField;
  severity: Severity;
  kind: RuleKind;
  message: string;
  /** Points the failure costs in the score. */
  points: number;
  /** The first offending range, for highlighting. */
  span?: Span;
  /** All offending ranges (capped at 50) when there is more than one. */
  spans?: Span[];
}

export interface RuleResult {
  issues: Issue[];
  /** 0–100, see score.ts. */
  score: number;
  errors: number;
  warnings: number;
}

/** For the UI's counters. `max` null: no hard limit. */
export interface FieldLimit {
  max: number | null;
  recommended?: number;
  min?: number;
  /** For list fields: the limit of each item (e.g. Etsy tags: 20 characters). */
  itemMax?: number;
  unit: LengthUnit | 'items';
}
