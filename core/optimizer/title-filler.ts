/** Removes promotional filler from a title: the optimizer's own table and the marketplace's phrases. */
import { phraseAlternatives } from './phrase-pattern.js';
import { FILLER_PATTERNS, FILLER_PHRASES } from './promotional-filler.js';
import { tidyTitle } from './title-tidy.js';

const FILLER = new RegExp([...FILLER_PATTERNS, ...phraseAlternatives(FILLER_PHRASES)].join('|'), 'giu');

export interface Removal {
  text: string;
  /** What was removed, as written (distinct). */
  removed: string[];
}

function removeAll(title: string, pattern: RegExp, removed: string[]): string {
  pattern.lastIndex = 0;
  return title.replace(pattern, (found) => {
    const shown = found.trim();
    if (shown.length > 0 && !removed.includes(shown)) removed.push(shown);
    return ' ';
  });
}

/**
 * Removes the marketplace's promotional phrases (`promotional`, from its rule) and — unless
 * `rulesOnly` — the optimizer's filler table.
 */
export function removeFiller(title: string, promotional: RegExp | null, rulesOnly: boolean): Removal {
  const removed: string[] = [];
  let text = title;
  if (!rulesOnly) text = removeAll(text, FILLER, removed);
  if (promotional !== null) text = removeAll(text, promotional, removed);
  return { text: removed.length === 0 ? title : tidyTitle(text), removed };
}
