import { toErrorData, type Envelope } from '../../../common/result.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { fromSqliteError } from '../../../core/catalog/sqlite-error.js';
import { validateCall } from '../../../core/host/validate-call.js';
import { createReaderHandlers } from '../../../core/service/reader-handlers.js';
import { createWriterHandlers } from '../../../core/service/writer-handlers.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';

export interface InProcessCore {
  /** validate → handler → envelope, mapping SQLite failures exactly as workers/catalog.worker.ts does. */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Every event the handlers emitted, in order. */
  events: { event: string; payload: unknown }[];
  /** Resolves when every operation started so far (imports, checkpoints) has ended. */
  settled(): Promise<void>;
  /** Operations that threw instead of reporting their end (the UI would wait for them forever). */
  failedOperations: unknown[];
}

/**
 * The contract over a catalog connection the test opened itself, on the test's thread — so a
 * fault can be set on that very connection (e.g. `PRAGMA max_page_count`), which the worker
 * threads of createCore would hide. Operations run right after their call, as on the writer.
 */
export function inProcessCore(catalog: Catalog, stagingDir: string): InProcessCore {
  const info = { appVersion: '0.0.0-faults', transport: 'web' as const, stagingDir };
  // One connection plays both catalog threads here: the writer's methods and the readers'.
  const handlers: Partial<Record<string, (input: unknown, ctx: HandlerContext) => unknown>> = {
    ...(createReaderHandlers({ catalog, views: new GridViews(catalog), info }) as object),
    ...(createWriterHandlers({ catalog, info }) as object),
  };
  const events: InProcessCore['events'] = [];
  const failedOperations: unknown[] = [];
  let operations: Promise<void> = Promise.resolve();
  const ctx: HandlerContext = {
    emit: (event, payload) => void events.push({ event, payload }),
    startOperation(run) {
      const operationId = `op-${events.length}-${Date.now()}`;
      const controller = new AbortController();
      // As on the worker: the operation runs after the call; one that throws only reaches the log there.
      operations = operations.then(() => run({ operationId, signal: controller.signal }).catch((error: unknown) => void failedOperations.push(error)));
      return operationId;
    },
  };
  return {
    events,
    failedOperations,
    settled: () => operations,
    async call(method, input) {
      const call = validateCall(method, input);
      if (!call.ok) return call;
      try {
        const handler = handlers[call.method];
        if (!handler) return { ok: false, error: { code: 'unknown_method', message: `${call.method} is not answered by a catalog thread.` } };
        return { ok: true, value: await handler(call.input, ctx) };
      } catch (thrown) {
        return { ok: false, error: toErrorData(fromSqliteError(thrown)) };
      }
    },
  };
}
