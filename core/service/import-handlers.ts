import type { MappingPreset } from '../../common/contract.js';
import { ContractError } from '../../common/result.js';
import { defaultBackupDir } from '../backup/backup-handlers.js';
import { backupBeforeBigOperation } from '../backup/pre-operation.js';
import { estimateImportRows } from '../backup/pre-operation-size.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { readSetting, writeSetting } from '../catalog/settings.js';
import { readStats } from '../catalog/stats.js';
import { readStagedFile } from '../host/file-staging.js';
import { applyImport } from '../import/apply-import.js';
import { readImportReport, recordImportStart } from '../import/apply-import-record.js';
import { openImportSource } from '../import/open-import-source.js';
import { previewImport } from '../import/preview-import.js';
import { titleLookup } from '../import/title-matches.js';
import type { Handlers } from './handlers-type.js';

type ImportHandlers = Pick<Handlers, 'import.preview' | 'import.start' | 'import.report' | 'import.presets' | 'import.savePreset'>;

const PRESETS_KEY = 'import.presets';
const MAX_PRESETS = 50;

export function readPresets(catalog: Catalog): MappingPreset[] {
  const row = readSetting(catalog.db, PRESETS_KEY);
  if (!row) return [];
  try {
    const value = JSON.parse(row) as unknown;
    return Array.isArray(value) ? (value as MappingPreset[]) : [];
  } catch {
    return [];
  }
}

/**
 * Import over the staged file: preview on the background reader, the import itself as a long
 * operation on the writer (one transaction; see apply-import.ts). `import.start` answers at once
 * with the ids; progress comes as operation.progress (done/total in BYTES of the file, rate in
 * bytes/s, phase "importing"), the end as import.finished + catalog.changed.
 */
export function createImportHandlers(catalog: Catalog, stagingDir: string): ImportHandlers {
  return {
    // On the background reader: its catalog answers the title count without touching the writer.
    'import.preview': async ({ fileId, dialect, mapping, marketplace, defaultCurrency, matchBy }) => {
      const file = readStagedFile(stagingDir, fileId);
      return previewImport(file.path, {
        fileId,
        fileName: file.name,
        sizeBytes: file.sizeBytes,
        titleMatches: titleLookup(catalog.db),
        ...(dialect === undefined ? {} : { dialect }),
        ...(mapping === undefined ? {} : { mapping }),
        ...(marketplace === undefined ? {} : { marketplace }),
        ...(defaultCurrency === undefined ? {} : { defaultCurrency }),
        ...(matchBy === undefined ? {} : { matchBy }),
      });
    },

    'import.start': ({ fileId, dialect, mapping, marketplace, defaultCurrency, currencyOrigin, matchBy }, ctx) => {
      const file = readStagedFile(stagingDir, fileId);
      const importId = recordImportStart(catalog.db, { fileName: file.name, dialect, encoding: null, startedAt: Date.now() });
      const operationId = ctx.startOperation(async ({ operationId: id, signal }) => {
        // A big import into a catalog worth keeping gets a backup first (never blocks the import).
        const backup = await backupBeforeBigOperation(catalog.db, {
          reason: 'pre-import',
          size: await estimateImportRows(file.path, file.sizeBytes),
          catalogListings: readStats(catalog).listings,
          backupDir: defaultBackupDir(catalog.path),
          onBackupStart: () =>
            ctx.emit('operation.progress', { operationId: id, kind: 'import', phase: 'backing up', done: 0, total: null, ratePerSecond: null, etaSeconds: null }),
        });
        const source = await openImportSource(file.path, {
          fileName: file.name,
          dialect,
          ...(mapping === undefined ? {} : { mapping }),
          ...(marketplace === undefined ? {} : { marketplace }),
          ...(defaultCurrency === undefined ? {} : { defaultCurrency }),
          ...(currencyOrigin === undefined ? {} : { currencyOrigin }),
        });
        const report = await applyImport(catalog, source, {
          fileName: file.name,
          operationId: id,
          ...(matchBy === undefined ? {} : { matchBy }),
          importId,
          signal,
          onProgress: (progress) =>
            ctx.emit('operation.progress', {
              operationId: id,
              kind: 'import',
              phase: 'importing',
              done: progress.bytesRead,
              total: progress.totalBytes,
              ratePerSecond: progress.bytesPerSecond,
              etaSeconds: progress.etaSeconds,
            }),
        });
        if (backup?.outcome === 'failed') report.warnings.unshift({ line: 0, column: null, message: backup.detail });
        ctx.emit('import.finished', { operationId: id, report });
        if (report.imported + report.updated > 0) ctx.emit('catalog.changed', { reason: 'import', at: Date.now() });
      });
      return { importId, operationId };
    },

    'import.report': ({ importId }) => {
      const report = readImportReport(catalog.db, importId);
      if (!report) throw new ContractError('not_found', `Import #${importId} has no report (yet): it may still be running, or it is not in this catalog.`);
      return report;
    },

    'import.presets': () => readPresets(catalog),

    'import.savePreset': ({ name, dialect, mapping }) => {
      const presets = readPresets(catalog).filter((preset) => preset.name !== name);
      presets.unshift({ name, dialect, mapping });
      const kept = presets.slice(0, MAX_PRESETS);
      writeSetting(catalog.db, PRESETS_KEY, kept);
      return kept;
    },
  };
}
