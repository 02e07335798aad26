import type { MethodName } from '../../common/contract-names.js';
import { fail, type Envelope } from '../../common/result.js';
import type { CatalogThread } from './catalog-thread.js';

/**
 * The grid reader threads, and the one place view ids are rewritten: a grid view lives in the
 * memory of the reader that opened it, so `grid.open` prefixes its id with that reader's index
 * ("1.v7") and `grid.rows` / `grid.close` go to that reader with the local id. Any other reader
 * call goes to the least busy reader.
 */
export class GridReaders {
  constructor(private readonly readers: readonly CatalogThread[]) {}

  async call(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    if (method === 'grid.rows' || method === 'grid.close') return this.callViewReader(method, input as { viewId: string });
    const readerIndex = this.leastBusy();
    const envelope = await this.readers[readerIndex]!.call(method, input);
    if (envelope.ok && method === 'grid.open') {
      const view = envelope.value as { viewId: string };
      return { ok: true, value: { ...view, viewId: `${readerIndex}.${view.viewId}` } };
    }
    return envelope;
  }

  private async callViewReader(method: 'grid.rows' | 'grid.close', input: { viewId: string }): Promise<Envelope<unknown>> {
    const { viewId, ...rest } = input;
    const [readerIndex, localId] = splitViewId(viewId);
    const reader = readerIndex === undefined ? undefined : this.readers[readerIndex];
    if (!reader || localId === undefined) return fail('not_found', 'This view of the catalog has expired; reload the grid.');
    const envelope = await reader.call(method, { ...rest, viewId: localId });
    return envelope.ok && method === 'grid.rows' ? { ok: true, value: { ...(envelope.value as object), viewId } } : envelope;
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.readers.length; i++) if (this.readers[i]!.inFlight < this.readers[best]!.inFlight) best = i;
    return best;
  }
}

function splitViewId(viewId: string): [number | undefined, string | undefined] {
  const dot = viewId.indexOf('.');
  if (dot <= 0) return [undefined, undefined];
  const index = Number(viewId.slice(0, dot));
  return Number.isInteger(index) ? [index, viewId.slice(dot + 1)] : [undefined, undefined];
}
