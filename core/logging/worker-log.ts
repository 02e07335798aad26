/**
 * Worker threads do not write log files: they post their log lines to the thread that owns the
 * logger (the Electron main process or the web host), as Signal does. Lines are formatted and
 * REDACTED in the worker, before they cross the thread boundary, and capped in size.
 *
 * Proposed wiring (see core/backup/contract-entries.md, "worker logging"):
 *   worker-protocol.ts  FromWorker |= WorkerLogMessage
 *   catalog.worker.ts   const log = createWorkerLogger((m) => post(m), `catalog ${data.role}`);
 *                       console.error(...) → log.error(...)
 *   catalog-thread.ts   case 'log': this.onLog?.(message); break;
 *   create-core.ts      CoreOptions.log?: (message: WorkerLogMessage) => void  (default: console)
 *   main.ts             log: (m) => log.scope(m.scope)[m.level](m.text)
 */
import { format } from 'node:util';
import { redact } from './redact.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export interface WorkerLogMessage {
  type: 'log';
  level: LogLevel;
  scope: string;
  text: string;
}

const MAX_LINE = 8 * 1024;
const LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export function formatLogArgs(args: readonly unknown[]): string {
  const text = format(...args.map((a) => (a instanceof Error ? (a.stack ?? `${a.name}: ${a.message}`) : a)));
  const clean = redact(text);
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE)}… [${clean.length - MAX_LINE} more chars]` : clean;
}

export type WorkerLogger = Record<LogLevel, (...args: unknown[]) => void>;

export function createWorkerLogger(post: (message: WorkerLogMessage) => void, scope: string): WorkerLogger {
  const at = (level: LogLevel) => (...args: unknown[]) => post({ type: 'log', level, scope, text: formatLogArgs(args) });
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** Host side: accepts only well-formed log messages (a worker is trusted, but be strict anyway). */
export function isWorkerLogMessage(value: unknown): value is WorkerLogMessage {
  const m = value as WorkerLogMessage | null;
  return (
    typeof m === 'object' && m !== null && m.type === 'log' && LEVELS.includes(m.level) && typeof m.scope === 'string' && m.scope.length < 100 && typeof m.text === 'string'
  );
}
