/**
 * A conservative test that HTML already fits an allow-list, so clean descriptions are left byte for
 * byte as the seller wrote them (sanitize-html would re-serialize them: `<br>` → `<br />`, entities
 * decoded). Anything it cannot read plainly — comments, odd tags, encoded attribute values — counts
 * as not clean and goes through sanitize-html.
 */
import type { DescriptionPolicy } from './description-policy.js';
import { forbiddingRule } from './forbidden-text.js';

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'background', 'poster', 'cite', 'data', 'xlink:href']);
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
/** After `<`: a letter, `/`, `!` or `?` opens markup; anything else is text ("a < b"). */
const OPENS_MARKUP = /[a-zA-Z/!?]/;

function attributeAllowed(tag: string, name: string, value: string, policy: DescriptionPolicy): boolean {
  const allowed = policy.allowedAttributes[tag]?.includes(name) || policy.allowedAttributes['*']?.includes(name);
  if (!allowed) return false;
  // Encoded characters can hide a scheme ("jav&#x61;script:"); let sanitize-html decode and judge.
  if (value.includes('&')) return false;
  if (URL_ATTRIBUTES.has(name)) {
    const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
    if (scheme !== undefined && !policy.allowedSchemes.includes(scheme)) return false;
    if (forbiddingRule(value, policy.textRules) !== null) return false;
  }
  return true;
}

/** True when every tag and attribute of `html` is on the policy's allow-list. */
export function fitsAllowList(html: string, policy: DescriptionPolicy): boolean {
  let at = html.indexOf('<');
  while (at >= 0) {
    TAG.lastIndex = at;
    const m = TAG.exec(html);
    if (m === null) {
      if (OPENS_MARKUP.test(html.charAt(at + 1))) return false;
      at = html.indexOf('<', at + 1);
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (!policy.allowedTags.includes(tag)) return false;
    if (m[1] !== '/') {
      for (const a of (m[3] ?? '').matchAll(ATTRIBUTE)) {
        const name = (a[1] ?? '').toLowerCase();
        if (!attributeAllowed(tag, name, a[2] ?? a[3] ?? a[4] ?? '', policy)) return false;
      }
    } else if ((m[3] ?? '').trim().length > 0) return false;
    at = html.indexOf('<', at + m[0].length);
  }
  return true;
}
