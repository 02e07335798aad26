/**
 * The description pipeline: plain text for marketplaces that show plain text, an allow-list
 * sanitize for the others (eBay: its active-content ban), then the seller's text cleared of what
 * the marketplace's rules forbid (contact details, off-site links). HTML that already fits the
 * allow-list is left byte for byte. A proposal that would cost score points (removed script text
 * counted as description length) is dropped.
 */
import sanitizeHtml from 'sanitize-html';
import { MARKETPLACE_LABELS, type Marketplace } from '../../common/listing.js';
import { ruleById } from '../../common/rules/index.js';
import { listOf } from '../../common/rules/text.js';
import { ChangeLog } from './change-log.js';
import { quotedList } from './changed-words.js';
import { descriptionPolicy, type DescriptionPolicy } from './description-policy.js';
import { fieldPoints } from './field-rules.js';
import { forbiddingRule, noteRemoval, removeForbiddenText } from './forbidden-text.js';
import { fitsAllowList } from './html-allow-list.js';
import { htmlToText, MARKUP } from './html-to-text.js';
import type { FieldProposal } from './proposal.js';

/**
 * What a forbidden link becomes: a plain span keeps the words and drops the address. (Renaming it
 * to a disallowed tag would drop the tag too, but sanitize-html then closes the next link at that
 * depth with the renamed tag.)
 */
const UNWRAPPED = 'span';

function sanitizeOptions(policy: DescriptionPolicy, removed?: Map<string, string[]>): sanitizeHtml.IOptions {
  const options: sanitizeHtml.IOptions = {
    allowedTags: [...policy.allowedTags],
    allowedAttributes: Object.fromEntries(Object.entries(policy.allowedAttributes).map(([tag, names]) => [tag, [...names]])),
    allowedSchemes: [...policy.allowedSchemes],
    allowProtocolRelative: false,
    // Inline styles stay as written (eBay templates); parsing them needs postcss and only filters.
    parseStyleAttributes: false,
  };
  if (removed !== undefined) {
    options.textFilter = (text) => removeForbiddenText(text, policy.textRules, removed, 'html');
    // A link the rules forbid ("mailto:", an off-eBay shop) loses its tag; its words stay.
    options.transformTags = {
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        const rule = forbiddingRule(href, policy.textRules);
        if (rule === null) return { tagName, attribs };
        noteRemoval(removed, rule.ruleId, href);
        return { tagName: UNWRAPPED, attribs: {} };
      },
    };
  }
  return options;
}

function removalReason(removed: Map<string, string[]>, label: string): string {
  const found = [...removed.values()].flat();
  const kinds = [...removed.keys()].map((id) => (id.endsWith('email') ? 'e-mail addresses' : id.endsWith('phone') ? 'phone numbers' : 'links'));
  return `Removed ${listOf([...new Set(kinds)])} (${quotedList(found, 3)}); ${label} does not allow them in descriptions.`;
}

function optimize(description: string, marketplace: Marketplace): ChangeLog<'description'> {
  const policy = descriptionPolicy(marketplace);
  const label = MARKETPLACE_LABELS[marketplace];
  const log = new ChangeLog('description', marketplace, description);
  const hasMarkup = MARKUP.test(description);
  const removed = new Map<string, string[]>();

  if (policy.format === 'text') {
    if (hasMarkup) {
      const noHtmlRule = ruleById(`${marketplace}.description.no_html`) !== undefined;
      log.record(
        'optimizer.description.plain_text',
        htmlToText(description),
        `Turned the HTML into plain text with line breaks; ${label} ${noHtmlRule ? 'does not allow HTML' : 'shows descriptions as plain text'}.`,
      );
    }
    log.record('optimizer.description.contact', removeForbiddenText(log.value, policy.textRules, removed, 'text'), removalReason(removed, label));
    return log;
  }

  if (!hasMarkup) {
    log.record('optimizer.description.contact', removeForbiddenText(description, policy.textRules, removed, 'text'), removalReason(removed, label));
    return log;
  }
  if (!fitsAllowList(description, policy)) {
    log.record(
      'optimizer.description.sanitize',
      sanitizeHtml(description, sanitizeOptions(policy)),
      `Removed active or unsafe HTML (scripts, event handlers, frames, forms, javascript: links) ${
        marketplace === 'ebay' ? 'that eBay blocks' : 'that puts buyers at risk wherever the description is shown'
      }. Your text and formatting stay.`,
    );
  }
  if (forbiddingRule(log.value, policy.textRules) !== null) {
    log.record('optimizer.description.contact', sanitizeHtml(log.value, sanitizeOptions(policy, removed)), removalReason(removed, label));
  }
  return log;
}

/** The description proposal, or null when the description is best left as it is. */
export function optimizeDescription(description: string, marketplace: Marketplace): FieldProposal<'description'> | null {
  const log = optimize(description, marketplace);
  const proposal = log.proposal();
  if (proposal === null) return null;
  return fieldPoints('description', proposal.after, marketplace) <= fieldPoints('description', description, marketplace) ? proposal : null;
}
