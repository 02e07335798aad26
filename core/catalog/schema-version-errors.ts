import { ContractError } from '../../common/result.js';

/** The seller-facing refusal for a file written by a newer Listsmith; nothing in it was changed. */
export function databaseNewerError(found: number, known: number): ContractError {
  return new ContractError(
    'database_newer',
    `This catalog was saved by a newer version of Listsmith (schema ${found}, this app knows ${known}). Update Listsmith to open it; the file was not changed.`,
    { found, known },
  );
}

/** A reader found a schema the writer has not brought up to date (the writer must open first). */
export function databaseNotReadyError(found: number, known: number): ContractError {
  return new ContractError(
    'database_unavailable',
    `The catalog is not ready to read yet (schema ${found}, expected ${known}). Restart Listsmith; if this keeps happening, the file may be damaged.`,
    { found, known },
  );
}
