import { describe, expect, it } from 'vitest';
import { isRead } from '../../../common/method-reads.js';

describe('isRead', () => {
  it('is true for the grid and listing reads, which may wait for a reconnect', () => {
    for (const m of ['grid.open', 'grid.rows', 'listing.get', 'catalog.stats'] as const) expect(isRead(m)).toBe(true);
  });

  it('is false for writes, long background reads, host and shell calls', () => {
    for (const m of ['listing.update', 'ai.status', 'export.start', 'diagnostics.get', 'update.check'] as const) {
      expect(isRead(m)).toBe(false);
    }
  });
});
