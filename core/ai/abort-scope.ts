/**
 * One AbortController fed by several causes (the caller's cancel, a deadline, a per-attempt
 * timeout), remembering which fired first so the failure can be named right.
 */

export interface AbortScope {
  readonly signal: AbortSignal;
  /** The first cause that fired, or null. */
  readonly firedBy: string | null;
  /** Removes the timer and the parent listeners; call when the guarded work is over. */
  dispose(): void;
}

export interface AbortCause {
  /** A name for `firedBy`. */
  name: string;
  /** What the scope's signal aborts with when this cause fires. */
  reason: () => unknown;
  /** Fire when this signal aborts... */
  signal?: AbortSignal;
  /** ...or at this epoch ms. */
  at?: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export function createAbortScope(causes: AbortCause[], now: () => number = Date.now): AbortScope {
  const controller = new AbortController();
  let firedBy: string | null = null;
  const cleanups: (() => void)[] = [];
  const fire = (cause: AbortCause): void => {
    if (controller.signal.aborted) return;
    firedBy = cause.name;
    controller.abort(cause.reason());
    dispose();
  };
  const dispose = (): void => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  for (const cause of causes) {
    if (cause.signal) {
      if (cause.signal.aborted) {
        fire(cause);
        break;
      }
      const listener = (): void => fire(cause);
      const parent = cause.signal;
      parent.addEventListener('abort', listener, { once: true });
      cleanups.push(() => parent.removeEventListener('abort', listener));
    }
    if (cause.at !== undefined) {
      const delay = cause.at - now();
      if (delay <= 0) {
        fire(cause);
        break;
      }
      // Past setTimeout's 32-bit range the timer would fire at once; such a deadline never matters.
      if (delay > MAX_TIMER_MS) continue;
      const timer = setTimeout(() => fire(cause), delay);
      cleanups.push(() => clearTimeout(timer));
    }
  }
  return {
    signal: controller.signal,
    get firedBy() {
      return firedBy;
    },
    dispose,
  };
}
