import { describe, expect, it } from 'vitest';
import { compileBulkEdit, type BulkSubject } from '../../../common/edit/index.js';
import { bulkEditSchema, type BulkEdit } from '../../../common/edit-types.js';
import { ContractError } from '../../../common/result.js';

const subject: BulkSubject = {
  title: 'Sterling Silver Ring',
  description: 'A silver ring.',
  priceMinor: 2000,
  currency: 'USD',
  tags: ['ring', 'Silver'],
  status: 'active',
  brand: 'Acme',
  quantity: 3,
};

function apply(edit: BulkEdit, on: BulkSubject = subject): unknown {
  return compileBulkEdit(bulkEditSchema.parse(edit)).apply(on);
}

describe('compileBulkEdit', () => {
  it('set: only when the value differs', () => {
    expect(apply({ kind: 'set', field: 'brand', value: 'Globex' })).toEqual({ brand: 'Globex' });
    expect(apply({ kind: 'set', field: 'brand', value: ' Acme ' })).toBeNull();
    expect(apply({ kind: 'set', field: 'quantity', value: 3 })).toBeNull();
    expect(apply({ kind: 'set', field: 'quantity', value: null })).toEqual({ quantity: null });
    expect(apply({ kind: 'set', field: 'category', value: 'Rings' }, { category: null })).toEqual({ category: 'Rings' });
  });

  it('status', () => {
    expect(apply({ kind: 'status', status: 'draft' })).toEqual({ status: 'draft' });
    expect(apply({ kind: 'status', status: 'active' })).toBeNull();
  });

  it('replace in titles and descriptions', () => {
    const edit: BulkEdit = { kind: 'replace', fields: ['title', 'description'], find: 'silver', replace: 'gold', regex: false, caseSensitive: false };
    expect(apply(edit)).toEqual({ title: 'Sterling gold Ring', description: 'A gold ring.' });
    expect(apply({ ...edit, fields: ['description'] })).toEqual({ description: 'A gold ring.' });
    expect(apply({ ...edit, find: 'bronze' })).toBeNull();
  });

  it('replace refuses results longer than Listsmith stores', () => {
    const outcome = apply({ kind: 'replace', fields: ['title'], find: 'i', replace: 'x'.repeat(1000), regex: false, caseSensitive: false }, { title: 'i'.repeat(20) });
    expect(outcome).toEqual({ problem: 'Replacing would make the title 20,000 characters long; Listsmith stores at most 10,000.' });
  });

  it('tags', () => {
    expect(apply({ kind: 'tags', add: ['gift'], remove: ['silver'] })).toEqual({ tags: ['ring', 'gift'] });
    expect(apply({ kind: 'tags', add: ['RING'], remove: [] })).toBeNull();
  });

  it('price and currency', () => {
    expect(apply({ kind: 'price', op: 'percent', amount: 10, rounding: 'none' })).toEqual({ priceMinor: 2200 });
    expect(apply({ kind: 'price', op: 'add', amount: -30, rounding: 'none' })).toEqual({ problem: expect.stringContaining('below zero') });
    expect(apply({ kind: 'currency', from: 'USD', to: 'EUR', rate: 0.5, rounding: 'none' })).toEqual({ priceMinor: 1000, currency: 'EUR' });
    expect(apply({ kind: 'currency', from: 'GBP', to: 'EUR', rate: 0.5, rounding: 'none' })).toBeNull();
  });

  it('rejects edits that cannot be right before touching any listing', () => {
    const bad: BulkEdit[] = [
      { kind: 'replace', fields: ['title'], find: '(', replace: '', regex: true, caseSensitive: false },
      { kind: 'tags', add: ['Gift'], remove: ['gift'] },
      { kind: 'tags', add: [], remove: [] },
      { kind: 'price', op: 'set', amount: -1, rounding: 'none' },
      { kind: 'price', op: 'percent', amount: -101, rounding: 'none' },
      { kind: 'currency', from: 'USD', to: 'USD', rate: 1, rounding: 'none' },
      { kind: 'set', field: 'status', value: 'gone' },
    ];
    for (const edit of bad) expect(() => compileBulkEdit(edit), JSON.stringify(edit)).toThrow(ContractError);
  });

  it('declares what it reads and writes', () => {
    const price = compileBulkEdit({ kind: 'price', op: 'percent', amount: 1, rounding: 'none' });
    expect([price.reads, price.writes]).toEqual([['priceMinor', 'currency'], ['priceMinor']]);
    const replace = compileBulkEdit({ kind: 'replace', fields: ['title', 'title'], find: 'a', replace: 'b', regex: false, caseSensitive: false });
    expect(replace.writes).toEqual(['title']);
  });
});
