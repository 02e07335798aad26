/**
 * How each marketplace takes descriptions: as HTML (with which tags and attributes) or as plain
 * text, and which of its rules forbid content in the seller's text (contact details, off-site
 * links) — the patterns are the rules' own, so the optimizer removes exactly what they flag.
 */
import { DESCRIPTION_FORMAT } from '../../common/description-format.js';
import type { Marketplace } from '../../common/listing.js';
import { perMarketplace } from '../../common/per-marketplace.js';
import { ruleById } from '../../common/rules/index.js';
import sanitizeHtml from 'sanitize-html';

export interface TextRule {
  ruleId: string;
  /** Global regex (a private copy of the rule's). */
  pattern: RegExp;
}

export interface DescriptionPolicy {
  /** 'text': the marketplace shows plain text (HTML appears literally or is refused). */
  format: 'html' | 'text';
  allowedTags: readonly string[];
  allowedAttributes: Readonly<Record<string, readonly string[]>>;
  allowedSchemes: readonly string[];
  /** Rules whose matches are removed from the text (and whose links are unwrapped). */
  textRules: readonly TextRule[];
}

const SAFE_TAGS: readonly string[] = [...sanitizeHtml.defaults.allowedTags, 'img'];
const SAFE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'name', 'target', 'title', 'rel'],
  img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'loading'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

/**
 * eBay descriptions are full HTML pages with inline styling (templates use tables, fonts, colours);
 * only active content is banned: scripts, event handlers, frames, forms, plugins.
 */
const EBAY_TAGS: readonly string[] = [...SAFE_TAGS, 'font', 'center', 'big', 'strike', 'tt'];
const EBAY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  ...SAFE_ATTRIBUTES,
  '*': ['style', 'class', 'id', 'align', 'valign', 'width', 'height', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'title', 'dir', 'lang'],
  font: ['color', 'face', 'size'],
};

interface PolicyData {
  /** Documents the table; the format itself is DESCRIPTION_FORMAT's (common/description-format.ts). */
  format: 'html' | 'text';
  tags?: readonly string[];
  attributes?: Readonly<Record<string, readonly string[]>>;
  schemes?: readonly string[];
  textRuleIds?: readonly string[];
}

const DATA: Readonly<Record<Marketplace, PolicyData>> = {
  ebay: {
    format: 'html',
    tags: EBAY_TAGS,
    attributes: EBAY_ATTRIBUTES,
    schemes: ['http', 'https'],
    textRuleIds: ['ebay.description.no_email', 'ebay.description.no_external_links'],
  },
  // Amazon shows plain text with line breaks, and no contact details or links.
  amazon: { format: 'text', textRuleIds: ['amazon.description.no_urls', 'amazon.description.no_email', 'amazon.description.no_phone'] },
  // Etsy shows descriptions as plain text: tags would appear literally.
  etsy: { format: 'text' },
  shopify: { format: 'html' },
  woocommerce: { format: 'html' },
  google: { format: 'html' },
  other: { format: 'html' },
};

function build(marketplace: Marketplace): DescriptionPolicy {
  const data = DATA[marketplace];
  const textRules: TextRule[] = [];
  for (const ruleId of data.textRuleIds ?? []) {
    const check = ruleById(ruleId)?.check;
    // A rule renamed in the table must not silently stop being applied.
    if (check?.type !== 'forbiddenText') throw new Error(`description policy: ${ruleId} is not a forbiddenText rule`);
    textRules.push({ ruleId, pattern: new RegExp(check.pattern.source, check.pattern.flags.includes('g') ? check.pattern.flags : `${check.pattern.flags}g`) });
  }
  return {
    format: DESCRIPTION_FORMAT[marketplace],
    allowedTags: data.tags ?? SAFE_TAGS,
    allowedAttributes: data.attributes ?? SAFE_ATTRIBUTES,
    allowedSchemes: data.schemes ?? ['http', 'https', 'mailto', 'tel'],
    textRules,
  };
}

/** A marketplace's description policy, built from its rule table on first use. */
export const descriptionPolicy = perMarketplace(build);
