/**
 * Feeds written by hand or by a template often put a raw `&` in a link (`…png?v=1&width=990`).
 * XML requires `&amp;`, and a strict parser reads everything after such an `&` as one broken
 * entity: the rest of the feed, every item after it, is lost. This turns each `&` that starts no
 * entity or character reference into `&amp;` before parsing (outside CDATA sections, where `&` is
 * already text), chunk by chunk, and counts them so the report can say so.
 */
const BARE = /&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_:][\w.:-]*;)/g;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';
/** A reference or a CDATA marker is never longer than this: only a tail this short may be cut. */
const CARRY = 40;

export class BareAmpersands {
  /** How many `&` were read as text. */
  count = 0;
  /** The line of the first one (1-based), or null. */
  firstLine: number | null = null;
  private held = '';
  private inCdata = false;
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
      if (this.inCdata) {
        const close = text.indexOf(CDATA_CLOSE, at);
        const end = close === -1 ? text.length : close + CDATA_CLOSE.length;
        out += this.pass(text.slice(at, end));
        at = end;
        if (close !== -1) this.inCdata = false;
      } else {
        const open = text.indexOf(CDATA_OPEN, at);
        const end = open === -1 ? text.length : open + CDATA_OPEN.length;
        out += this.escape(text.slice(at, open === -1 ? end : open)) + (open === -1 ? '' : CDATA_OPEN);
        at = end;
        if (open !== -1) this.inCdata = true;
      }
    }
    return out;
  }

  private escape(markup: string): string {
    const repaired = markup.replace(BARE, (_match, offset: number) => {
      this.count++;
      this.firstLine ??= this.line + countLines(markup, offset);
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
}

/** Line breaks in text before `to`. */
function countLines(text: string, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
