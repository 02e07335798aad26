/**
 * Tells a passing hiccup from an outage. Groq answering a web page, 5xx after 5xx, or bodies that
 * stop arriving are each retried (ai-call.ts), but when they keep coming, retrying for minutes
 * helps nobody: after a streak of failures with no good answer in between — `maxFailures` of
 * them over at least `minStreakMs` (a burst of parallel requests failing together is one hiccup),
 * or at least two spread over `maxStreakMs` (slow failures: timeouts) — the breaker opens. Every call then fails at
 * once with an `outage` error naming the cause, the job runner pauses the job (nothing done is
 * lost) and the seller resumes it from Jobs. After `coolDownMs` one call may try again (a probe):
 * a good answer closes the breaker, a failure opens it for another cool-down.
 */
import { AiCallError, formatWait } from './ai-failure.js';

export interface OutageBreakerOptions {
  /** Consecutive failures that open the breaker once the streak lasted minStreakMs (default 5). */
  maxFailures?: number;
  /** How long maxFailures must span (default 5 s). */
  minStreakMs?: number;
  /** A streak this old (from the first failed attempt's start) opens it at its second failure (default 20 s). */
  maxStreakMs?: number;
  /** How long an open breaker refuses calls before letting one probe through (default 30 s). */
  coolDownMs?: number;
  now?: () => number;
}

interface Streak {
  failures: number;
  startedAt: number;
  lastReason: string;
}

export class OutageBreaker {
  private readonly maxFailures: number;
  private readonly minStreakMs: number;
  private readonly maxStreakMs: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;
  private streak: Streak | null = null;
  private openedAt: number | null = null;
  private probing = false;
  private reason: string | null = null;

  constructor(options: OutageBreakerOptions = {}) {
    this.maxFailures = Math.max(2, options.maxFailures ?? 5);
    this.minStreakMs = Math.max(0, options.minStreakMs ?? 5_000);
    this.maxStreakMs = Math.max(0, options.maxStreakMs ?? 20_000);
    this.coolDownMs = Math.max(0, options.coolDownMs ?? 30_000);
    this.now = options.now ?? Date.now;
  }

  /** Before an attempt: throws the `outage` error while open (one probe passes after the cool-down). */
  check(): void {
    if (this.openedAt === null) return;
    if (!this.probing && this.now() - this.openedAt >= this.coolDownMs) {
      this.probing = true;
      return;
    }
    throw this.error();
  }

  /** A good answer: the streak is over (and an open breaker closes). */
  success(): void {
    this.streak = null;
    this.openedAt = null;
    this.probing = false;
    this.reason = null;
  }

  /**
   * A transient failure of an attempt that started at `startedAt`, with its reason in words.
   * Returns the `outage` error when this failure opens (or re-opens) the breaker, else null.
   */
  failure(reason: string, startedAt: number): AiCallError | null {
    const now = this.now();
    if (this.openedAt !== null) {
      // A failed probe (or a call that was already in flight): stay open for another cool-down.
      this.openedAt = now;
      this.probing = false;
      this.reason = reason;
      return this.error();
    }
    const streak = this.streak ?? { failures: 0, startedAt, lastReason: reason };
    streak.failures++;
    streak.startedAt = Math.min(streak.startedAt, startedAt);
    streak.lastReason = reason;
    this.streak = streak;
    const lasted = now - streak.startedAt;
    if ((streak.failures >= this.maxFailures && lasted >= this.minStreakMs) || (streak.failures >= 2 && lasted >= this.maxStreakMs)) {
      this.openedAt = now;
      this.reason = `${reason}; ${streak.failures} failed attempts in ${formatWait(Math.max(1, lasted))}`;
      return this.error();
    }
    return null;
  }

  /** The seller resumed: forget the outage and let calls through at once. */
  reset(): void {
    this.success();
  }

  isOpen(): boolean {
    return this.openedAt !== null;
  }

  private error(): AiCallError {
    const reason = this.reason ?? 'no good answer';
    return new AiCallError('outage', `Groq is not answering properly (${reason}). The job is paused; resume it from Jobs when Groq works again.`, { detail: reason });
  }
}
