/**
 * Two mistakes of hand-kept and template-written feeds that make a strict XML parser lose every
 * item after them, repaired in the text before parsing, chunk by chunk, and counted so the report
 * can say so:
 * - a raw `&` in a link (`…png?v=1&width=990`): XML requires `&amp;`, and the parser reads the
 *   rest of the feed as one broken entity. Each `&` that starts no entity or character reference
 *   becomes `&amp;` (outside CDATA sections, where `&` is already text);
 * - a CDATA section closed with `]]` instead of `]]>` (`…молоком.]]</g:description>`): the section
 *   never ends and swallows the feed. `]]</name>` where `name` is the element the section opened
 *   in (text never holds its own element's closing tag) is read as `]]></name>`.
 */
const BARE = /&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_:][\w.:-]*;)/g;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';
/** The last start tag of a piece of markup: the element a CDATA section right after it belongs to. */
const LAST_START_TAG = /<([A-Za-z_][\w:.-]*)(?:\s[^<>]*)?>\s*$/;
/** A reference, a CDATA marker or a broken close is never longer than this: only a tail this short may be cut. */
const CARRY = 64;

export interface RepairCount {
  count: number;
  /** The line of the first one (1-based), or null. */
  firstLine: number | null;
}

export class XmlFeedRepair {
  readonly bareAmpersands: RepairCount = { count: 0, firstLine: null };
  readonly unclosedCdata: RepairCount = { count: 0, firstLine: null };
  private held = '';
  /** Inside a CDATA section: the element it opened in ('' when unknown); null outside. */
  private cdataIn: string | null = null;
  private recentMarkup = '';
  private line = 1;

  /** The next chunk of the feed, repaired; a possibly cut tail waits for the next chunk. */
  push(chunk: string): string {
    const text = this.held + chunk;
    // Keep back the tail from the first character that may begin a marker or a reference near the
    // end: whatever begins before it is complete (none is longer than CARRY).
    const start = Math.max(0, text.length - CARRY);
    const first = text.slice(start).search(/[&<\]]/);
    const cut = first === -1 ? text.length : start + first;
    this.held = text.slice(cut);
    return this.repair(text.slice(0, cut));
  }

  /** What is left at the end of the feed. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return this.repair(rest);
  }

  private repair(text: string): string {
    let out = '';
    let at = 0;
    while (at < text.length) {
      if (this.cdataIn !== null) {
        const close = text.indexOf(CDATA_CLOSE, at);
        const broken = this.cdataIn === '' ? -1 : text.indexOf(`]]</${this.cdataIn}>`, at);
        if (broken !== -1 && (close === -1 || broken < close)) {
          this.note(this.unclosedCdata, text, at, broken);
          out += this.pass(text.slice(at, broken + 2)) + '>';
          at = broken + 2;
          this.cdataIn = null;
          continue;
        }
        const end = close === -1 ? text.length : close + CDATA_CLOSE.length;
        out += this.pass(text.slice(at, end));
        at = end;
        if (close !== -1) this.cdataIn = null;
      } else {
        const open = text.indexOf(CDATA_OPEN, at);
        const markup = text.slice(at, open === -1 ? text.length : open);
        out += this.escape(markup);
        // The markup just before, across chunks: where the start tag a section opens in is.
        const recent = this.recentMarkup + markup;
        this.recentMarkup = recent.slice(-CARRY);
        if (open === -1) break;
        out += CDATA_OPEN;
        at = open + CDATA_OPEN.length;
        this.cdataIn = LAST_START_TAG.exec(recent)?.[1] ?? '';
        this.recentMarkup = '';
      }
    }
    return out;
  }

  private escape(markup: string): string {
    const repaired = markup.replace(BARE, (_match, offset: number) => {
      this.note(this.bareAmpersands, markup, 0, offset);
      return '&amp;';
    });
    this.line += countLines(markup, markup.length);
    return repaired;
  }

  /** Text passed through unchanged: only its lines are counted. */
  private pass(text: string): string {
    this.line += countLines(text, text.length);
    return text;
  }

  /** Counts a repair at `offset` of `text`, whose part before `from` is already counted in `line`. */
  private note(repair: RepairCount, text: string, from: number, offset: number): void {
    repair.count++;
    repair.firstLine ??= this.line + countLines(text.slice(from), offset - from);
  }
}

/** Line breaks in text before `to`. */
function countLines(text: string, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
