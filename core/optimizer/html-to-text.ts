/**
 * HTML description → plain text for marketplaces that show plain text: block ends and `<br>`
 * become line breaks, list items start with "- ", scripts and styles disappear with their content,
 * entities become characters. The seller's words stay as they were.
 */
import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

const BREAK = /<br\s*\/?>/gi;
const BLOCK_END = /<\/(?:p|div|li|h[1-6]|tr|table|ul|ol|dl|dt|dd|blockquote|section|article|header|footer|pre|figure|figcaption)\s*>/gi;
const LIST_ITEM = /<li(?:\s[^<>]*)?>/gi;
/** A `<` that would read as a tag once decoded: kept encoded so the text has no markup. */
const TAG_LIKE = /<(?=[a-zA-Z/!?])/g;

/** Markup of any kind: a tag, a comment or a doctype. */
export const MARKUP = /<(?:[a-zA-Z][^<>]*|\/[a-zA-Z][^<>]*|!--[^]*?--|![a-zA-Z][^<>]*)>/;

/** Plain-text clean-up: single spaces, trimmed lines, at most one empty line in a row. */
function tidyPlainText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\p{Zs}]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Tags that end a line. Text with none of them is plain text with a few inline tags (<b>): its own line breaks count. */
const STRUCTURE = /<(?:br|p|div|li|h[1-6]|tr|table|ul|ol)\b/i;

/** `textFilter` edits each text run (still HTML-escaped), e.g. to remove contact details. */
export function htmlToText(html: string, textFilter?: (text: string) => string): string {
  // In structured HTML, source line breaks mean nothing: the tags say where lines end.
  const flat = STRUCTURE.test(html) ? html.replace(/\s+/g, ' ') : html;
  const marked = flat.replace(BREAK, '\n').replace(BLOCK_END, '$&\n').replace(LIST_ITEM, '$&- ');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {}, ...(textFilter ? { textFilter } : {}) });
  return tidyPlainText(decodeHTML(text).replace(TAG_LIKE, '&lt;'));
}
