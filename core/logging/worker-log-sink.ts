/**
 * Host side of worker logging: writes a worker's line through the app's logger (electron-log in
 * the shell, its Node flavour in the web host), scoped by the thread, so it lands in the same
 * rotated, redacted file as the host's own lines. The text was redacted in the worker already;
 * the logger's hook redacts it again (cheap, and safe against a worker built without it).
 */
import type { LogLevel, WorkerLogMessage } from './worker-log.js';

export interface ScopedLogger {
  scope(name: string): Record<LogLevel, (...args: unknown[]) => void>;
}

export function workerLogSink(logger: ScopedLogger): (message: WorkerLogMessage) => void {
  const scopes = new Map<string, Record<LogLevel, (...args: unknown[]) => void>>();
  return (message) => {
    let scoped = scopes.get(message.scope);
    if (!scoped) scopes.set(message.scope, (scoped = logger.scope(message.scope)));
    scoped[message.level](message.text);
  };
}
