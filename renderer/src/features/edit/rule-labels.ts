import { MARKETPLACE_LABELS, type Marketplace } from '../../../../common/listing.js';
import { ruleById, type RuleDef } from '../../../../common/rules/index.js';
import { fieldTitle } from '../../../../common/edit/field-labels.js';

/* Short, seller-facing names for marketplace rules (ids look like `etsy.title.max_length`), for
 * places that list rules without a particular listing: the dashboard's top failing rules and the
 * score explanation's tooltips. The full message of a failing rule comes from the engine. */

const WHAT: Record<string, string> = {
  required: 'missing',
  present: 'missing',
  max_length: 'too long',
  min_length: 'too short',
  max_count: 'too many',
  min_count: 'too few',
  allowed_characters: 'has characters not allowed',
  banned_characters: 'has banned characters',
  caps_words: 'too many ALL-CAPS words',
  all_caps: 'written in ALL CAPS',
  once_only_characters: 'repeats % : & or +',
  starts_with: 'does not start with a letter or digit',
  fill: 'too short for search',
  recommended_length: 'over the recommended length',
  word_repeat: 'repeats a word too often',
  promotional: 'has promotional phrases',
  no_html: 'contains HTML',
  no_urls: 'contains links',
  no_external_links: 'contains external links',
  no_email: 'contains an email address',
  no_phone: 'contains a phone number',
  no_prices: 'mentions prices',
  no_forms: 'contains a form',
  no_frames: 'contains frames',
  no_scripts: 'contains scripts',
  https: 'not on https',
  not_negative: 'negative',
  positive: 'not above zero',
  whole_number: 'not a whole number',
  search_terms_bytes: 'over the byte limit',
};

export interface RuleLabel {
  /** "Title too long". */
  name: string;
  marketplace: Marketplace | null;
  /** "Etsy", or '' for an unknown rule. */
  marketplaceLabel: string;
  rule: RuleDef | undefined;
}

/** A rule id → its short name, marketplace and definition (unknown ids still get a readable name). */
export function ruleLabel(ruleId: string): RuleLabel {
  const rule = ruleById(ruleId);
  const parts = ruleId.split('.');
  const marketplace = rule?.marketplace ?? null;
  const field = rule?.field ?? parts[1] ?? '';
  const what = parts.slice(2).join('.');
  const fieldName = fieldTitle(field) ?? (field === '' ? 'Rule' : field.replace(/_/g, ' '));
  const whatName = WHAT[what] ?? what.replace(/[_.]/g, ' ');
  const counted = what === 'min_count' ? 'Too few' : what === 'max_count' ? 'Too many' : what === 'use_all' ? 'Not all' : null;
  return {
    name: counted !== null ? `${counted} ${fieldName.toLowerCase()}${what === 'use_all' ? ' used' : ''}` : whatName === '' ? fieldName : `${fieldName} ${whatName}`,
    marketplace,
    marketplaceLabel: marketplace === null ? (parts[0] ?? '') : MARKETPLACE_LABELS[marketplace],
    rule,
  };
}

/**
 * The rule's message template made readable without a listing: placeholders become "…" (a
 * pluralized noun keeps its plural). For tooltips only.
 */
export function ruleTemplateText(rule: RuleDef): string {
  return rule.message
    .replace(/\{[a-zA-Z]+:([^}/]+)\/([^}]+)\}/g, '$2')
    .replace(/\{[a-zA-Z]+:([^}]+)\}/g, '$1s')
    .replace(/\{[a-zA-Z]+\?([^}/]+)\/([^}]+)\}/g, '$2')
    .replace(/\{[a-zA-Z]+\}/g, '…');
}
