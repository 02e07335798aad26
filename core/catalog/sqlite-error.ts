import { ContractError } from '../../common/result.js';

/**
 * Turns SQLite's own failures into errors a seller can act on. Anything else passes through
 * unchanged (and becomes a generic `internal` error at the boundary).
 */
export function fromSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code.startsWith('SQLITE_FULL')) {
    return new ContractError('disk_full', 'The disk is full, so the change could not be saved. Nothing was lost: free some space and try again.');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ContractError('conflict', 'The catalog is busy with another change (or another program holds it). Nothing was changed; try again in a moment.');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new ContractError('database_unavailable', 'The catalog file is read-only, so changes cannot be saved. Check the file permissions or free disk space.');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new ContractError('database_unavailable', 'The catalog file is damaged. Restore it from a backup; Listsmith did not change it.');
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return new ContractError('database_unavailable', 'Listsmith could not read or write the catalog file (disk or permission problem). Nothing was changed.');
  }
  return error;
}
