import { describe, expect, it } from 'vitest';
import type { GridRow, Listing } from '../../../common/listing.js';
import {
  buildBulkEdit,
  DEFAULT_FORM,
  formatSampleValue,
  parseNumber,
  parseTagList,
  readRates,
  regexProblem,
  rememberedRate,
  rememberRate,
  textChangeWindow,
  type BulkForm,
} from '../../../renderer/src/features/edit/bulk-edit-form.js';
import { historyKey, historyMessage } from '../../../renderer/src/features/history/history-slice.js';
import { checkInline, inlineChanges, rowFromListing, startEdit } from '../../../renderer/src/features/edit/inline-edit.js';

const row: GridRow = {
  id: 7,
  marketplace: 'etsy',
  sku: 'A-1',
  title: 'Blue mug',
  priceMinor: 1299,
  currency: 'USD',
  quantity: 3,
  status: 'active',
  variantCount: 0,
  updatedAt: 1_700_000_000_000,
  score: 80,
  errors: 0,
  pendingProposals: false,
  mainImage: null,
};

describe('inline edit', () => {
  it('starts from the row and sends only a real change', () => {
    const title = startEdit(row, 4, 'title');
    expect(title).toMatchObject({ id: 7, index: 4, original: 'Blue mug', text: 'Blue mug', expectedUpdatedAt: row.updatedAt });
    expect(inlineChanges(title)).toEqual({ ok: true, changes: null });
    expect(inlineChanges({ ...title, text: 'Red mug' })).toEqual({ ok: true, changes: { title: 'Red mug' } });
    const price = startEdit(row, 4, 'price');
    expect(price.original).toBe('12.99');
    expect(inlineChanges({ ...price, text: '12,99' })).toEqual({ ok: true, changes: null });
    expect(inlineChanges({ ...price, text: '14.5' })).toEqual({ ok: true, changes: { priceMinor: 1450 } });
    expect(inlineChanges({ ...price, text: '' })).toEqual({ ok: true, changes: { priceMinor: null } });
    expect(inlineChanges({ ...price, text: 'cheap' }).ok).toBe(false);
  });
  it('checks a title live against Etsy: counter, limit and the ALL-CAPS rule', () => {
    const check = checkInline({ field: 'title', text: 'HANDMADE BLUE CERAMIC MUG for tea', currency: 'USD', marketplace: 'etsy' });
    expect(check.count).toBe(33);
    expect(check.limit?.max).toBe(140);
    expect(check.issues.map((i) => i.ruleId)).toContain('etsy.title.caps_words');
    const calm = checkInline({ field: 'title', text: 'HANDMADE BLUE mug for tea', currency: 'USD', marketplace: 'etsy' });
    expect(calm.issues.map((i) => i.ruleId)).not.toContain('etsy.title.caps_words');
    expect(checkInline({ field: 'price', text: '-3', currency: 'USD', marketplace: 'etsy' }).problem).toMatch(/negative/);
  });
  it('rebuilds the grid row (score and errors) from the saved listing', () => {
    const listing = {
      ...row,
      title: 'THIS IS FAR TOO LOUD',
      sourceId: null,
      description: '',
      tags: [],
      materials: [],
      images: [],
      category: null,
      brand: null,
      condition: null,
      attributes: {},
      variants: [],
      createdAt: 0,
    } satisfies Listing;
    const next = rowFromListing(row, listing);
    expect(next.title).toBe('THIS IS FAR TOO LOUD');
    expect(next.errors).toBeGreaterThan(0);
    expect(next.score).toBeLessThan(100);
  });
});

describe('history', () => {
  it('maps the shortcuts', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(historyKey(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(historyKey(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(historyKey(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(historyKey(key('z', { metaKey: true }), true)).toBe('undo');
    expect(historyKey(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(historyKey(key('z'), false)).toBeNull();
    expect(historyKey(key('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
  it('says what was undone', () => {
    const changeSet = { id: 1, author: 'user' as const, kind: 'bulk' as const, summary: 'Price +10 % on 10,000 listings', listingCount: 10_000, state: 'undone' as const, createdAt: 0 };
    expect(historyMessage('undo', { changeSet, conflicts: 0 })).toBe('Undid: Price +10 % on 10,000 listings');
    expect(historyMessage('redo', { changeSet, conflicts: 2 })).toMatch(/^Redid: Price \+10 % on 10,000 listings — 2 values were left/);
    expect(historyMessage('undo', { changeSet: null, conflicts: 0 })).toBe('Nothing to undo.');
  });
});

describe('bulk edit form', () => {
  const form = (patch: Partial<BulkForm>): BulkForm => ({ ...DEFAULT_FORM, ...patch });
  it('builds price rules', () => {
    expect(buildBulkEdit(form({ amount: '10' }))).toEqual({ ok: true, edit: { kind: 'price', op: 'percent', amount: 10, rounding: 'none' } });
    expect(buildBulkEdit(form({ amount: '-2,5', priceOp: 'add', rounding: '0.99' }))).toEqual({ ok: true, edit: { kind: 'price', op: 'add', amount: -2.5, rounding: '0.99' } });
    expect(buildBulkEdit(form({ amount: '-150' })).ok).toBe(false);
    expect(buildBulkEdit(form({ amount: '-1', priceOp: 'set' })).ok).toBe(false);
    expect(buildBulkEdit(form({ amount: 'ten' })).ok).toBe(false);
  });
  it('builds find/replace, tags, set, status and currency edits', () => {
    expect(buildBulkEdit(form({ operation: 'replace', find: 'Mug', replace: 'Cup', inDescription: true }))).toEqual({
      ok: true,
      edit: { kind: 'replace', fields: ['title', 'description'], find: 'Mug', replace: 'Cup', regex: false, caseSensitive: false },
    });
    expect(buildBulkEdit(form({ operation: 'replace', find: '(', regex: true })).ok).toBe(false);
    expect(regexProblem('(', false)).toMatch(/not a valid regular expression/);
    expect(buildBulkEdit(form({ operation: 'tags', addTags: 'gift, Gift , handmade', removeTags: 'sale' }))).toEqual({
      ok: true,
      edit: { kind: 'tags', add: ['gift', 'handmade'], remove: ['sale'] },
    });
    expect(buildBulkEdit(form({ operation: 'tags', addTags: 'gift', removeTags: 'GIFT' })).ok).toBe(false);
    expect(buildBulkEdit(form({ operation: 'set', setField: 'quantity', setValue: '12' }))).toEqual({ ok: true, edit: { kind: 'set', field: 'quantity', value: 12 } });
    expect(buildBulkEdit(form({ operation: 'set', setField: 'brand', clearValue: true }))).toEqual({ ok: true, edit: { kind: 'set', field: 'brand', value: null } });
    expect(buildBulkEdit(form({ operation: 'set', setField: 'status', setStatus: 'draft' }))).toEqual({ ok: true, edit: { kind: 'set', field: 'status', value: 'draft' } });
    expect(buildBulkEdit(form({ operation: 'status', status: 'archived' }))).toEqual({ ok: true, edit: { kind: 'status', status: 'archived' } });
    expect(buildBulkEdit(form({ operation: 'currency', from: 'usd', to: 'EUR', rate: '0.92' }))).toEqual({
      ok: true,
      edit: { kind: 'currency', from: 'USD', to: 'EUR', rate: 0.92, rounding: 'none' },
    });
    expect(buildBulkEdit(form({ operation: 'currency', from: 'USD', to: 'USD', rate: '1' })).ok).toBe(false);
  });
  it('parses numbers and tag lists', () => {
    expect(parseNumber('+1.5')).toBe(1.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e3')).toBeNull();
    expect(parseTagList(' a ,, b  c ,A')).toEqual(['a', 'b c']);
  });
  it('remembers currency rates per pair', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(readRates(storage)).toEqual({ rates: {}, last: null });
    rememberRate(storage, 'USD', 'EUR', 0.92);
    rememberRate(storage, 'GBP', 'EUR', 1.17);
    const memory = readRates(storage);
    expect(rememberedRate(memory, 'usd', 'eur')).toBe(0.92);
    expect(memory.last).toEqual({ from: 'GBP', to: 'EUR' });
    data.set('listsmith.bulk-edit.rates', '{not json');
    expect(readRates(storage)).toEqual({ rates: {}, last: null });
  });
  it('shows sample values and a text change where it happens', () => {
    expect(formatSampleValue('priceMinor', 1999, 'USD')).toBe('$19.99');
    expect(formatSampleValue('status', 'sold_out', null)).toBe('Sold out');
    expect(formatSampleValue('tags', [], null)).toBe('(none)');
    const long = 'x'.repeat(300);
    const w = textChangeWindow(`${long} blue mug`, `${long} red mug`);
    expect(w.before.startsWith('…')).toBe(true);
    expect(w.before).toContain('blue mug');
    expect(w.after).toContain('red mug');
  });
});
