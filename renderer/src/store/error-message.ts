import { ContractError, type ErrorCode } from '../../../common/result.js';

/** The code and the seller-facing message of a failed call (or any thrown value). */
export function errorMessage(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof ContractError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'internal', message: err.message || 'Something went wrong.' };
  return { code: 'internal', message: 'Something went wrong.' };
}
