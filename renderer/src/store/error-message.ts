import { ContractError, type ErrorCode } from '../../../common/result.js';

const GENERIC = 'Something went wrong.';

/** The code and the seller-facing message of a failed call (or any thrown value); never blank. */
export function errorMessage(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof ContractError) return { code: err.code, message: err.message || GENERIC };
  if (err instanceof Error) return { code: 'internal', message: err.message || GENERIC };
  return { code: 'internal', message: GENERIC };
}

/** The message alone, for a dialog that shows it inline. */
export function messageOf(err: unknown): string {
  return errorMessage(err).message;
}
