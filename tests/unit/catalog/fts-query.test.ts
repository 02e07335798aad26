import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../core/catalog/fts-query.js';

describe('toFtsQuery', () => {
  it('quotes every word, ANDs them and makes the last a prefix', () => {
    expect(toFtsQuery('silver necklace')).toBe('"silver" "necklace"*');
    expect(toFtsQuery('  Silver   ')).toBe('"Silver"*');
  });

  it('neutralises FTS5 syntax and doubles quotes', () => {
    expect(toFtsQuery('a"b OR')).toBe('"a""b" "OR"*');
    expect(toFtsQuery('NEAR(a b)')).toBe('"NEAR(a" "b)"');
    expect(toFtsQuery('title:foo -bar')).toBe('"title:foo" "-bar"*');
  });

  it('keeps one-character last words whole and drops punctuation-only words', () => {
    expect(toFtsQuery('mug a')).toBe('"mug" "a"');
    expect(toFtsQuery('t-sh')).toBe('"t-sh"*');
    expect(toFtsQuery('mug - * ( "')).toBe('"mug"*');
    expect(toFtsQuery('- mug * a (')).toBe('"mug" "a"');
    expect(toFtsQuery('* - "" ')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('\u0000\u0007')).toBeNull();
  });
});
