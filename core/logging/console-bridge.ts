/**
 * In a worker thread, sends everything written to `console` (ours and libraries') to the main
 * thread's log through a worker logger, so nothing a worker says is lost to a detached stdout and
 * every line is redacted before it leaves the thread. Call once, at the top of a worker entry.
 */
import type { WorkerLogger } from './worker-log.js';

export function forwardConsole(logger: WorkerLogger, target: Console = console): void {
  target.error = logger.error;
  target.warn = logger.warn;
  target.info = logger.info;
  target.log = logger.info;
  target.debug = logger.debug;
}
