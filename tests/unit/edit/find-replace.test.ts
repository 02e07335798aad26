import { describe, expect, it } from 'vitest';
import { compileReplacer, escapeRegExp, expandReplacement } from '../../../common/edit/index.js';
import { ContractError } from '../../../common/result.js';

const plain = { regex: false, caseSensitive: false };
const regex = { regex: true, caseSensitive: true };

describe('compileReplacer — plain text', () => {
  it('finds the text as typed, case-insensitively by default, every occurrence', () => {
    expect(compileReplacer('ring', 'Band', plain).replaceAll('Ring ring RING', 100)).toEqual({ text: 'Band Band Band' });
    expect(compileReplacer('ring', 'Band', { regex: false, caseSensitive: true }).replaceAll('Ring ring RING', 100)).toEqual({ text: 'Ring Band RING' });
  });

  it('treats regex characters and $ patterns literally', () => {
    expect(compileReplacer('$5 (new)', '$1 [x]', plain).replaceAll('Only $5 (new) today', 100)).toEqual({ text: 'Only $1 [x] today' });
    expect(compileReplacer('a.c', 'X', plain).replaceAll('abc a.c', 100)).toEqual({ text: 'abc X' });
    expect(compileReplacer('1-2 / 3', '$&$&', plain).replaceAll('size 1-2 / 3', 100)).toEqual({ text: 'size $&$&' });
    expect(compileReplacer('\\d+', 'N', plain).replaceAll('a \\d+ 12', 100)).toEqual({ text: 'a N 12' });
  });

  it('returns null when nothing matches or nothing changes', () => {
    expect(compileReplacer('silver', 'gold', plain).replaceAll('Copper ring', 100)).toBeNull();
    expect(compileReplacer('gold', 'gold', plain).replaceAll('gold ring', 100)).toBeNull();
  });

  it('handles Unicode: accents, case folding beyond ASCII, emoji', () => {
    expect(compileReplacer('ÉTÉ', 'winter', plain).replaceAll('Robe été légère', 100)).toEqual({ text: 'Robe winter légère' });
    expect(compileReplacer('😀', '🙂', plain).replaceAll('Smile 😀 😀', 100)).toEqual({ text: 'Smile 🙂 🙂' });
    expect(compileReplacer('straße', 'street', plain).replaceAll('Straße 5', 100)).toEqual({ text: 'street 5' });
  });

  it('refuses a result longer than the cap, reporting the full length', () => {
    const result = compileReplacer('a', 'aaaa', plain).replaceAll('a'.repeat(10), 20);
    expect(result).toEqual({ tooLong: 40 });
  });
});

describe('compileReplacer — regular expressions', () => {
  it('supports groups in the replacement ($1, $<name>, $&, $$)', () => {
    expect(compileReplacer('(\\d+)\\s*cm', '$1 cm', regex).replaceAll('Width 30cm, height 20   cm', 100)).toEqual({ text: 'Width 30 cm, height 20 cm' });
    expect(compileReplacer('(?<size>[SML]) size', 'size $<size>', regex).replaceAll('M size shirt', 100)).toEqual({ text: 'size M shirt' });
    expect(compileReplacer('ring', '[$&] $$5', regex).replaceAll('ring', 100)).toEqual({ text: '[ring] $5' });
    expect(compileReplacer('^', 'NEW ', regex).replaceAll('Mug', 100)).toEqual({ text: 'NEW Mug' });
  });

  it('is case-sensitive only when asked', () => {
    expect(compileReplacer('vintage', 'Retro', { regex: true, caseSensitive: false }).replaceAll('VINTAGE vintage', 100)).toEqual({ text: 'Retro Retro' });
    expect(compileReplacer('vintage', 'Retro', regex).replaceAll('VINTAGE vintage', 100)).toEqual({ text: 'VINTAGE Retro' });
  });

  it('counts an emoji as one character in Unicode mode', () => {
    expect(compileReplacer('^.', '', regex).replaceAll('😀 Smile', 100)).toEqual({ text: ' Smile' });
  });

  it('rejects an invalid pattern with a message saying what to do', () => {
    expect(() => compileReplacer('(unclosed', 'x', regex)).toThrow(ContractError);
    expect(() => compileReplacer('(unclosed', 'x', regex)).toThrow(/“\(unclosed” is not a valid regular expression \(Unterminated group\)\. Fix the pattern/);
    expect(() => compileReplacer('[z-a]', 'x', regex)).toThrow(/not a valid regular expression/);
  });

  it('stops growing a zero-width pattern over a long text at the cap', () => {
    const text = 'x'.repeat(100_000);
    const result = compileReplacer('', '-'.repeat(1000), regex).replaceAll(text, 500_000);
    expect(result).toEqual({ tooLong: 100_000 + 100_001 * 1000 });
  });
});

describe('expandReplacement matches String.prototype.replace', () => {
  const cases: [RegExp, string, string][] = [
    [/(a)(b)?/g, 'x$1-$2-$3-$10-$01-$00-$$-$&-$`-$\'-$', 'cab ab a'],
    [/(?<first>\w)(\w)/gu, '$<first>|$<missing>|$<first|$2', 'ab cd'],
    [/((((((((((a))))))))))/g, '$10|$11|$1', 'a'],
    [/é/giu, '[$&]', 'É café'],
  ];
  it.each(cases)('%s with %s', (pattern, template, input) => {
    const expected = input.replace(pattern, template);
    const manual = input.replace(pattern, (...args: unknown[]) => {
      const hasGroups = typeof args.at(-1) === 'object';
      const tail = hasGroups ? 3 : 2;
      return expandReplacement(
        template,
        args[0] as string,
        args.slice(1, args.length - tail) as (string | undefined)[],
        args[args.length - tail] as number,
        input,
        hasGroups ? (args.at(-1) as Record<string, string>) : undefined,
      );
    });
    expect(manual).toBe(expected);
  });

  it('and the replacer gives the same text as the native replace', () => {
    const input = 'Sterling Silver Ring size 7, silver chain 45cm';
    for (const [find, replace] of [
      ['(s)ilver', '$1ILVER'],
      ['(\\d+)(cm)?', '<$2:$1>'],
      ['\\b(\\w)(\\w*)', '$2$1ay'],
    ] as const) {
      expect(compileReplacer(find, replace, { regex: true, caseSensitive: false }).replaceAll(input, 1000)).toEqual({ text: input.replace(new RegExp(find, 'giu'), replace) });
    }
  });
});

describe('escapeRegExp', () => {
  it('makes every character literal and stays valid in Unicode mode', () => {
    const text = '.*+?^${}()|[]\\/-a';
    expect(new RegExp(escapeRegExp(text), 'u').test(`x${text}x`)).toBe(true);
  });
});
