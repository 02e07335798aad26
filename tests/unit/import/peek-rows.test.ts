import { describe, expect, it } from 'vitest';
import { peekRows } from '../../../core/import/peek-rows.js';

/** A source that records whether it was closed (its finally ran), as the decoder's file stream does. */
function source(count: number): { rows: AsyncIterable<number>; closed: () => boolean } {
  let closed = false;
  async function* rows(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < count; i++) yield i;
    } finally {
      closed = true;
    }
  }
  return { rows: rows(), closed: () => closed };
}

describe('peekRows', () => {
  it('gives the head, then every item again in order', async () => {
    const { rows } = source(5);
    const peeked = await peekRows(rows, 2);
    expect(peeked.head).toEqual([0, 1]);
    const all: number[] = [];
    for await (const row of peeked.rows) all.push(row);
    expect(all).toEqual([0, 1, 2, 3, 4]);
  });

  it('a consumer that stops early closes the source (no file stream left open)', async () => {
    const s = source(100);
    const peeked = await peekRows(s.rows, 3);
    for await (const row of peeked.rows) if (row === 5) break;
    expect(s.closed()).toBe(true);
  });

  it('a short source is read to its end by the peek', async () => {
    const s = source(2);
    const peeked = await peekRows(s.rows, 20);
    expect(peeked.head).toEqual([0, 1]);
    expect(s.closed()).toBe(true);
    const all: number[] = [];
    for await (const row of peeked.rows) all.push(row);
    expect(all).toEqual([0, 1]);
  });
});
