/**
 * Every contract call answers with an envelope: errors cross process boundaries as plain data
 * (an Error thrown in one process is not the Error another sees), with a code programs can branch
 * on and a message a seller can act on.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'payload_too_large',
  'timeout',
  'unauthorized',
  'not_found',
  'conflict',
  'database_newer',
  'database_unavailable',
  'disk_full',
  'cancelled',
  'disconnected',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractErrorData {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable details (e.g. the failing field paths). */
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorData };

/** The error the client raises when a call fails; carries the code across the boundary. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.details = details;
  }
  toData(): ContractErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Envelope<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Any thrown value → error data; unknown errors become `internal` without leaking internals. */
export function toErrorData(err: unknown): ContractErrorData {
  if (err instanceof ContractError) return err.toData();
  if (isErrorData(err)) return err;
  return { code: 'internal', message: 'Something went wrong inside Listsmith. Your catalog was not changed; details are in the log.' };
}

export function isErrorData(value: unknown): value is ContractErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ContractErrorData).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ContractErrorData).code) &&
    typeof (value as ContractErrorData).message === 'string'
  );
}
