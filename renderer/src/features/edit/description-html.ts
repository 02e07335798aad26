/**
 * The description editor's HTML: what its formatted view can hold and how it is written back.
 * Reading goes through DOMParser (an inert document: nothing runs, nothing loads) and the editor's
 * DOM is rebuilt from an allow-list with createElement and text nodes, never innerHTML, so listing
 * text stays text. Writing walks the editor's DOM the same way: only these tags, only `href` (http,
 * https, mailto) on links — Shopify's `data-start`/`data-mce` attributes, styles and classes are
 * dropped — which is a subset of every HTML marketplace's allow-list (core/optimizer/description-policy.ts).
 */

/** Tags the formatted view keeps (after renaming b → strong, i → em). */
const KEPT = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4']);
const RENAMED: Readonly<Record<string, string>> = { b: 'strong', i: 'em', h1: 'h2', h5: 'h4', h6: 'h4', div: 'p' };
/** Wrappers whose content is kept without them. */
const UNWRAPPED = new Set(['span', 'font', 'u', 'small', 'big', 'section', 'article', 'header', 'footer', 'main', 'center', 'blockquote', 'pre', 'code', 'sup', 'sub', 'mark', 'abbr', 'cite', 'time', 'label']);
/** Content that would be lost: the formatted view refuses to rewrite a description holding any. */
const LOSSY = new Set(['table', 'img', 'picture', 'video', 'audio', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'input', 'select', 'textarea', 'button', 'hr', 'dl', 'figure']);
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link']);
const SAFE_HREF = /^(https?:|mailto:)/i;

function tagOf(node: Element): string {
  const tag = node.tagName.toLowerCase();
  return RENAMED[tag] ?? tag;
}

/** Tags in `html` the formatted view cannot keep (tables, images, media, forms…), for the notice. */
export function lossyTags(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = new Set<string>();
  for (const el of doc.body.querySelectorAll('*')) if (LOSSY.has(el.tagName.toLowerCase())) found.add(el.tagName.toLowerCase());
  return [...found].sort();
}

/** Copies the allowed part of `from`'s children into `into` (a node of `doc`). */
function copyAllowed(from: Node, into: Node, doc: Document): void {
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    const raw = el.tagName.toLowerCase();
    if (DROPPED.has(raw) || LOSSY.has(raw)) continue;
    const tag = tagOf(el);
    if (!KEPT.has(tag) || UNWRAPPED.has(raw)) {
      copyAllowed(el, into, doc);
      continue;
    }
    const out = doc.createElement(tag);
    if (tag === 'a') {
      const href = (el.getAttribute('href') ?? '').trim();
      if (!SAFE_HREF.test(href)) {
        copyAllowed(el, into, doc);
        continue;
      }
      out.setAttribute('href', href);
    }
    copyAllowed(el, out, doc);
    into.appendChild(out);
  }
}

/** Fills the editor element with the allowed part of `html` (a description, untrusted). */
export function renderDescription(html: string, target: HTMLElement): void {
  const parsed = new DOMParser().parseFromString(looksLikeHtml(html) ? html : textToHtml(html), 'text/html');
  target.replaceChildren();
  copyAllowed(parsed.body, target, target.ownerDocument);
}

/** The editor's content as the description's HTML: allowed tags only, no attributes but safe links. */
export function serializeDescription(root: HTMLElement): string {
  const doc = document.implementation.createHTMLDocument('');
  const clean = doc.createElement('div');
  copyAllowed(root, clean, doc);
  // Empty paragraphs and trailing line breaks left by the browser's editing add nothing.
  for (const p of clean.querySelectorAll('p')) if (p.textContent?.trim() === '' && p.querySelector('br, li') === null) p.remove();
  return clean.innerHTML.replace(/(<br>)+$/, '').trim();
}

/** A description without tags (typed as plain text): its lines become paragraphs in the formatted view. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^>]*>/i.test(text);
}

function textToHtml(text: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\r?\n/)
    .map((line) => `<p>${line === '' ? '<br>' : escape(line)}</p>`)
    .join('');
}
