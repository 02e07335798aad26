/**
 * Expands a regex replacement template the way String.prototype.replace does ($$, $&, $`, $',
 * $1–$99, $<name>), so find/replace can build the result piece by piece and stop as soon as it
 * grows past a cap — a pattern matching everywhere in a long description must not build a
 * gigabyte string first.
 */
export function expandReplacement(
  template: string,
  match: string,
  captures: readonly (string | undefined)[],
  position: number,
  input: string,
  groups: Readonly<Record<string, string | undefined>> | undefined,
): string {
  if (!template.includes('$')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c !== '$' || i + 1 >= template.length) {
      out += c;
      i++;
      continue;
    }
    const next = template[i + 1]!;
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '&') {
      out += match;
      i += 2;
    } else if (next === '`') {
      out += input.slice(0, position);
      i += 2;
    } else if (next === "'") {
      out += input.slice(position + match.length);
      i += 2;
    } else if (next >= '0' && next <= '9') {
      const consumed = captureReference(template, i + 1, captures.length);
      if (consumed === null) {
        out += '$';
        i++;
      } else {
        out += captures[consumed.index - 1] ?? '';
        i += 1 + consumed.length;
      }
    } else if (next === '<' && groups !== undefined) {
      const close = template.indexOf('>', i + 2);
      if (close === -1) {
        out += '$<';
        i += 2;
      } else {
        out += groups[template.slice(i + 2, close)] ?? '';
        i = close + 1;
      }
    } else {
      out += '$';
      i++;
    }
  }
  return out;
}

/** $nn when 01–99 names a capture, else $n when 1–9 does (the spec's GetSubstitution rule). */
function captureReference(template: string, at: number, captureCount: number): { index: number; length: number } | null {
  const one = template.charCodeAt(at) - 48;
  const secondCode = template.charCodeAt(at + 1);
  if (secondCode >= 48 && secondCode <= 57) {
    const two = one * 10 + (secondCode - 48);
    if (two >= 1 && two <= captureCount) return { index: two, length: 2 };
  }
  if (one >= 1 && one <= captureCount) return { index: one, length: 1 };
  return null;
}
