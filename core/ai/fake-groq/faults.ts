import { MISBEHAVIOURS } from './misbehaviour.js';

/**
 * Failures the fake produces on demand, so the client's handling of each one can be tested
 * without waiting for Groq to misbehave. Queued FIFO; each chat request takes at most one.
 */

export const FAKE_FAULTS = [
  /** 429 on tokens per minute, with retry-after. */
  'rate_minute',
  /** 429 on requests per day: the reset is hours away. */
  'rate_day',
  /** 413: one request larger than the TPM limit. */
  'too_large',
  /** 500. */
  'server_error',
  /** 502 with an HTML body, as a gateway sends it. */
  'bad_gateway',
  /** 498: flex-tier capacity exceeded. */
  'capacity',
  /** The socket is destroyed without any response. */
  'reset',
  /** 200 headers, then the body never finishes (until close()). */
  'stall',
  /** 200 headers and half of the JSON body, then the socket ends. */
  'truncated_body',
  /** 200 with a text/html error page. */
  'html',
  /** 200 `application/json` whose body is not JSON. */
  'invalid_json',
  /** 400 `json_validate_failed`: the model failed the JSON format. */
  'json_validate_failed',
  /** 401 `invalid_api_key`. */
  'auth',
  /** 200 with the content cut and `finish_reason: "length"`. */
  'length',
  /** 200 whose titles are 30 characters over `limits.titleMax` (to test the targeted re-ask). */
  'over_limit',
  /** 200 valid JSON whose listings lack `tags`. */
  'bad_shape',
  /** 200 in the right shape with embarrassing content: refusals, invented facts… (misbehaviour.ts). */
  ...MISBEHAVIOURS,
] as const;

export type FakeFault = (typeof FAKE_FAULTS)[number];

export function isFakeFault(value: string): value is FakeFault {
  return (FAKE_FAULTS as readonly string[]).includes(value);
}

export class FaultQueue {
  private readonly queue: FakeFault[] = [];

  push(fault: FakeFault, count: number): void {
    if (!isFakeFault(fault)) throw new Error(`Unknown fake Groq fault: ${String(fault)}`);
    if (!Number.isInteger(count) || count < 0) throw new Error(`Fault count must be a whole number ≥ 0, got ${count}`);
    for (let i = 0; i < count; i += 1) this.queue.push(fault);
  }

  /** The fault for the next chat request, if any. */
  take(): FakeFault | undefined {
    return this.queue.shift();
  }

  pending(): readonly FakeFault[] {
    return [...this.queue];
  }

  clear(): void {
    this.queue.length = 0;
  }
}
