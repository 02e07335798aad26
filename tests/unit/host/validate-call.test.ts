import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../../common/contract.js';
import { validateCall } from '../../../core/host/validate-call.js';

describe('validateCall: the main-process boundary', () => {
  it('accepts a well-formed call and returns the parsed input', () => {
    const call = validateCall('grid.rows', { viewId: '0.a', offset: 0, limit: 200 });
    expect(call).toEqual({ ok: true, method: 'grid.rows', input: { viewId: '0.a', offset: 0, limit: 200 } });
  });

  it.each([
    ['__proto__', {}],
    ['grid.drop', {}],
    [42, {}],
    [undefined, {}],
  ])('refuses unknown method %s', (method, input) => {
    const call = validateCall(method, input);
    expect(call.ok).toBe(false);
    expect(!call.ok && call.error.code).toBe('unknown_method');
  });

  it.each([
    ['grid.rows', { viewId: '0.a', offset: -1, limit: 200 }, 'offset'],
    ['grid.rows', { viewId: '0.a', offset: 0, limit: 10_000 }, 'limit'],
    ['grid.rows', { viewId: 5, offset: 0, limit: 10 }, 'viewId'],
    ['listing.get', { id: '1' }, 'id'],
    ['listing.get', { id: 1.5 }, 'id'],
    ['listing.get', null, '(input)'],
    ['grid.open', { sort: { column: 'title; DROP TABLE listings', direction: 'asc' }, filter: {} }, 'sort.column'],
    ['grid.open', { sort: { column: 'title', direction: 'asc' }, filter: { marketplaces: ['craigslist'] } }, 'filter.marketplaces.0'],
    ['app.info', { extra: true }, '(input)'],
    ['demo.generate', { count: 0 }, 'count'],
  ])('refuses malformed input to %s with a message naming the field', (method, input, path) => {
    const call = validateCall(method, input);
    expect(call.ok).toBe(false);
    if (call.ok) throw new Error('expected an error envelope');
    expect(call.error.code).toBe('invalid_input');
    expect(call.error.message).toContain(path);
    expect(call.error.message).toContain('Nothing was changed');
  });

  it('refuses an oversized payload before parsing it', () => {
    const call = validateCall('grid.open', { sort: { column: 'title', direction: 'asc' }, filter: {}, search: 'x'.repeat(MAX_INPUT_BYTES + 10) });
    expect(!call.ok && call.error.code).toBe('payload_too_large');
  });

  it('refuses input that cannot be serialized', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const call = validateCall('app.info', circular);
    expect(!call.ok && call.error.code).toBe('invalid_input');
  });
});
