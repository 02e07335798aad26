#!/usr/bin/env node
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeImportPrices, describeReadFrom, describeRowTally, isMergedRowWarning } from '../../common/import-report-text.js';
import { DEFAULT_EBAY_EURO_SITE, EBAY_EURO_SITES, type EbaySiteCode } from '../../common/ebay-sites.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../common/import-types.js';
import { drainIndexBacklog } from '../catalog/index-backlog.js';
import { openCatalog, type Catalog } from '../catalog/open-catalog.js';
import { readStats } from '../catalog/stats.js';
import { exportListings } from '../export/export-listings.js';
import { defaultDatabasePath } from '../host/data-dir.js';
import { applyImport } from '../import/apply-import.js';
import { openImportSource } from '../import/open-import-source.js';
import { titleLookup } from '../import/title-matches.js';
import { IMPORT_USAGE, ImportUsageError, parseImportOptions } from './import-options.js';
import { planImport } from './import-plan.js';
import { CHECK_USAGE, checkCatalog } from './check.js';
import { OPTIMIZE_USAGE, OptimizeUsageError, optimizeCatalog, parseMarketplace, parseListingFilter } from './optimize.js';
import { UNDO_USAGE, UndoUsageError, historyJson, parseChangeSetId, redoCommand, undoCommand } from './undo-command.js';
import { AiService } from '../ai/ai-service.js';
import { PHOTOS_USAGE, downloadCatalogPhotos } from './photos-command.js';

/**
 * `listsmith import <file> [--dialect D] [--map "Column=field,…"] [--match key|title] [--currency CODE] [--db PATH] [--json]`
 * `listsmith export --format F --out FILE [--ebay-site SITE] [--db PATH] [--json]`
 * `listsmith stats [--db PATH] --json`
 * `listsmith optimize --marketplace M [--filter F] [--apply] [--db PATH] [--json]` (core/cli/optimize.ts)
 * `listsmith check [--marketplace M] [--filter F] [--db PATH] [--json]` (core/cli/check.ts)
 * `listsmith undo [--change-set N] [--db PATH] [--json]`, `listsmith redo …` (core/cli/undo-command.ts)
 * `listsmith photos [--db PATH] [--json]` (core/cli/photos-command.ts)
 *
 * Runs in-process on the same core functions as the app (one writer connection). Progress goes to
 * stderr; with --json the LAST line on stdout is one JSON object. Exit 0 when the command ran
 * (rows may be rejected), 1 with one clear line when it could not, 2 for bad arguments.
 */
const USAGE = `Usage:
${IMPORT_USAGE}
  listsmith export --format F --out FILE [--ebay-site SITE] [--db PATH] [--json]
      writes FILE, and beside it one more file per set of listings that lack a column
      (FILE-2-without-vendor.csv…) or go to another eBay site (FILE-2-uk.csv…);
      --ebay-site: where EUR listings that name no eBay site go (${EBAY_EURO_SITES.join(', ')}; default ${DEFAULT_EBAY_EURO_SITE})
  listsmith stats [--db PATH] [--json]
${OPTIMIZE_USAGE}
${CHECK_USAGE}
${UNDO_USAGE}
${PHOTOS_USAGE}`;

class UsageError extends Error {}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dialect: { type: 'string' },
    map: { type: 'string' },
    match: { type: 'string' },
    currency: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'ebay-site': { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    marketplace: { type: 'string' },
    filter: { type: 'string' },
    apply: { type: 'boolean', default: false },
    ai: { type: 'boolean', default: false },
    'change-set': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: false,
});

const progressLine = (text: string): void => void process.stderr.write(process.stderr.isTTY ? `\r${text}\u001b[K` : `${text}\n`);
const endProgress = (): void => void (process.stderr.isTTY && process.stderr.write('\n'));
const stringOption = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

function openWriter(): Catalog {
  const path = resolve(stringOption('db') ?? defaultDatabasePath());
  mkdirSync(dirname(path), { recursive: true });
  return openCatalog(path, { role: 'writer' });
}

async function runImport(file: string | undefined): Promise<Record<string, unknown>> {
  if (!file) throw new UsageError('listsmith import needs a file.');
  const options = parseImportOptions({ dialect: stringOption('dialect'), map: stringOption('map'), match: stringOption('match'), currency: stringOption('currency') });
  const path = resolve(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`Cannot read ${file}: no such file.`);
  }
  if (size === 0) throw new Error(`Cannot import ${file}: the file is empty.`);
  const catalog = openWriter();
  try {
    const plan = await planImport(path, file, size, options, titleLookup(catalog.db));
    if (plan.hint !== null) process.stderr.write(`Prices without a currency of their own are read as ${plan.hint.code}: ${plan.hint.reason} (--currency CODE to choose another).\n`);
    if (plan.titleMatch !== null && plan.titleMatch.matching > 0 && options.matchBy === 'key') {
      const { matching, checked, scope } = plan.titleMatch;
      process.stderr.write(`${matching} of ${checked} ${scope === 'file' ? '' : 'first '}listings have the title of a stored listing; they are added as new ones (--match title updates those instead).\n`);
    }
    const source = await openImportSource(path, { fileName: file, dialect: plan.dialect, ...(plan.mapping === undefined ? {} : { mapping: plan.mapping }), ...plan.currency });
    let last = 0;
    const report = await applyImport(catalog, source, {
      fileName: file,
      operationId: 'cli',
      matchBy: options.matchBy,
      onProgress: (p) => {
        if (Date.now() - last < (process.stderr.isTTY ? 250 : 2_000)) return;
        last = Date.now();
        const percent = p.totalBytes > 0 ? Math.floor((p.bytesRead / p.totalBytes) * 100) : 0;
        progressLine(`${p.rows.toLocaleString('en-US')} rows (${percent}%), ${p.rowsPerSecond.toLocaleString('en-US')} rows/s${p.etaSeconds === null ? '' : `, ~${p.etaSeconds} s left`}`);
      },
    });
    // The app indexes a large import's listings in the background; the CLI finishes before it exits.
    drainIndexBacklog(catalog.db, (done, total) => {
      if (done < total && Date.now() - last < (process.stderr.isTTY ? 250 : 2_000)) return;
      last = Date.now();
      progressLine(`Indexing for search: ${Math.floor((done / total) * 100)} % of ${total.toLocaleString('en-US')} listings`);
    });
    endProgress();
    const fatal = !report.cancelled && report.imported + report.updated + report.unchanged === 0 && report.errors[0]?.line === 0 ? report.errors[0].message : null;
    if (fatal) throw new Error(fatal);
    const merged = report.warnings.filter(isMergedRowWarning);
    process.stderr.write(
      [
        `${report.dialect}: ${report.dataRows} rows → ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`,
        ...(report.containerNote == null ? [] : [describeReadFrom(report.containerNote)]),
        describeRowTally(report),
        `Listings: ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged; ${report.variants} variants`,
        ...merged.slice(0, 10).map((w) => `  merged: ${w.message}`),
        ...(merged.length > 10 ? [`  … ${merged.length - 10} more merged rows (see warnings)`] : []),
        describeImportPrices(report.currency, plan.hint?.reason ?? null),
        ...(report.changeSetId === null ? [] : [`Recorded as change set #${report.changeSetId}.`]),
      ].join('\n') + '\n',
    );
    return {
      dialect: report.dialect,
      encoding: report.encoding,
      containerNote: report.containerNote ?? null,
      dataRows: report.dataRows,
      rowUnit: report.rowUnit,
      imported: report.imported,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
      rows: report.rows,
      variants: report.variants,
      currency: { ...report.currency, ...(plan.hint === null ? {} : { hint: plan.hint.reason }) },
      matchBy: options.matchBy,
      changeSetId: report.changeSetId,
      errors: report.errors.map(({ line, column, message }) => ({ line, column, message })),
      warnings: report.warnings.map(({ line, column, message }) => ({ line, column, message })),
    };
  } finally {
    catalog.close();
  }
}

async function runExport(): Promise<Record<string, unknown>> {
  const format = stringOption('format');
  const out = stringOption('out');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of: ${EXPORT_FORMATS.join(', ')}.`);
  if (!out) throw new UsageError('listsmith export needs --out FILE.');
  const ebaySite = stringOption('ebay-site')?.toUpperCase();
  if (ebaySite !== undefined && !(EBAY_EURO_SITES as readonly string[]).includes(ebaySite)) {
    throw new UsageError(`--ebay-site must be an eBay site that takes euros: ${EBAY_EURO_SITES.join(', ')}.`);
  }
  const catalog = openWriter();
  try {
    const summary = await exportListings(catalog, {
      format: format as ExportFormat,
      scope: { kind: 'all' },
      outPath: resolve(out),
      ...(ebaySite === undefined ? {} : { ebaySite: ebaySite as EbaySiteCode }),
      onProgress: (p) => progressLine(`${p.phase} ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} listings`),
    });
    endProgress();
    for (const problem of summary.problems.slice(0, 20)) process.stderr.write(`  ${problem.message}\n`);
    process.stderr.write(`${summary.rows} listings written, ${summary.skipped} skipped, in ${summary.files.length} ${summary.files.length === 1 ? 'file' : 'files'}:\n`);
    for (const file of summary.files) process.stderr.write(`${file.path}  (${file.note})\n`);
    return {
      format: summary.format,
      rows: summary.rows,
      skipped: summary.skipped,
      path: summary.path,
      files: summary.files.map(({ path, rows, note }) => ({ path, rows, note })),
    };
  } finally {
    catalog.close();
  }
}

/** One JSON line per listing on stdout as it is checked; exit 1 when any listing has an error. */
function runCheck(): Record<string, unknown> {
  const marketplaceOption = stringOption('marketplace');
  const marketplace = marketplaceOption === undefined ? undefined : parseMarketplace(marketplaceOption);
  const scope = parseListingFilter(stringOption('filter'), marketplace ?? null);
  const catalog = openWriter();
  try {
    const totals = checkCatalog(catalog, { scope, ...(marketplace ? { marketplace } : {}), emit: (line) => process.stdout.write(`${JSON.stringify(line)}\n`) });
    process.stderr.write(`${totals.listings} listings checked: ${totals.withErrors} with errors, ${totals.withWarnings} with warnings\n`);
    if (totals.withErrors > 0) process.exitCode = 1;
    return { ...totals };
  } finally {
    catalog.close();
  }
}

function runStats(): Record<string, unknown> {
  const catalog = openWriter();
  try {
    const stats = readStats(catalog);
    return { listings: stats.listings, byMarketplace: stats.byMarketplace, byStatus: stats.byStatus };
  } finally {
    catalog.close();
  }
}

function aiFromEnvironment(catalog: Catalog): AiService {
  const service = new AiService({ db: catalog.db, runQueued: (work) => Promise.resolve().then(work), ...(process.env.GROQ_BASE_URL ? { baseURL: process.env.GROQ_BASE_URL } : {}) });
  const key = process.env.GROQ_API_KEY ?? null;
  service.setKey(key, { source: key ? 'environment' : 'none', protection: null, warning: null });
  if (!key) throw new Error('--ai needs a Groq API key: set GROQ_API_KEY (and GROQ_BASE_URL for another endpoint), or leave out --ai to use the rule optimizer.');
  return service;
}

async function runOptimize(): Promise<Record<string, unknown>> {
  const marketplace = parseMarketplace(stringOption('marketplace'));
  const scope = parseListingFilter(stringOption('filter'), marketplace);
  const catalog = openWriter();
  // --ai: the same AI client the app uses, keyed from the environment as the groq-sdk does.
  const ai = values.ai ? aiFromEnvironment(catalog) : undefined;
  const controller = new AbortController();
  // First Ctrl-C cancels the job cleanly; a second one leaves at once (SQLite keeps the file whole).
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nCancelling…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  let last = 0;
  try {
    const result = await optimizeCatalog(catalog, {
      marketplace,
      scope,
      apply: values.apply === true,
      signal: controller.signal,
      ...(ai ? { ai } : {}),
      onProgress: (p) => {
        const finished = p.state !== 'running' && p.state !== 'queued';
        if (!finished && Date.now() - last < (process.stderr.isTTY ? 250 : 2_000)) return;
        last = Date.now();
        const eta = p.etaMs === null || finished ? '' : `, ~${Math.ceil(p.etaMs / 1000)} s left`;
        progressLine(`${(p.done + p.failed).toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} listings, ${Math.round(p.rate).toLocaleString('en-US')} listings/s${eta}`);
      },
    });
    endProgress();
    const verb = values.apply ? `${result.applied} applied` : 'pending review';
    process.stderr.write(`${result.listings} listings → ${result.proposals} proposals (${verb}), ${result.failed} failed in ${result.seconds.toFixed(1)} s\n`);
    if (result.cancelled && !controller.signal.aborted) {
      // The AI stopped the job (daily limit, refused key): its reason, in one line.
      process.stderr.write(`listsmith: ${result.errors[0] ?? 'the job was stopped.'}\n`);
      process.exitCode = 1;
    } else if (result.cancelled) {
      process.stderr.write('listsmith: cancelled; nothing was applied.\n');
      process.exitCode = 130;
    } else if (result.failed > 0) {
      process.stderr.write(`listsmith: ${result.errors[0] ?? 'some listings could not be optimized.'}\n`);
      process.exitCode = 1;
    }
    if (result.flagged > 0) process.stderr.write(`listsmith: ${result.flagged} flagged AI fields were left for review (not applied).\n`);
    const { listings, proposals, applied, flagged, failed, errors, jobId, changeSetId, cancelled, seconds } = result;
    return { listings, proposals, applied, flagged, failed, errors, jobId, changeSetId, cancelled, seconds };
  } finally {
    process.off('SIGINT', onSigint);
    catalog.close();
  }
}

/** `listsmith undo` / `redo`: one step of the app's history; what it did goes to stderr as the app says it. */
function runHistory(command: 'undo' | 'redo'): Record<string, unknown> {
  const changeSetId = parseChangeSetId(stringOption('change-set'));
  if (command === 'redo' && changeSetId !== undefined) throw new UndoUsageError('--change-set is for undo only.');
  const catalog = openWriter();
  try {
    const result = command === 'undo' ? undoCommand(catalog, changeSetId) : redoCommand(catalog);
    process.stderr.write(`${result.message}\n`);
    return historyJson(result);
  } finally {
    catalog.close();
  }
}

/** `listsmith photos`: the catalog's photos saved for offline use now; progress on stderr. */
async function runPhotos(): Promise<Record<string, unknown>> {
  const catalog = openWriter();
  try {
    const status = await downloadCatalogPhotos(catalog, (s) => progressLine(`photos: ${s.cached} saved, ${s.queued} waiting, ${s.failed} could not be saved`));
    endProgress();
    const mb = (status.usedBytes / 1_048_576).toFixed(1);
    process.stderr.write(`${status.cached} photos saved (${mb} MB of ${status.settings.capMb} MB), ${status.failed} could not be saved${status.lastFailure ? ` (last: ${status.lastFailure.reason})` : ''}.\n`);
    if (status.state === 'offline') {
      process.stderr.write('listsmith: the network is unreachable; run it again when you are online.\n');
      process.exitCode = 1;
    } else if (status.state === 'full') {
      process.stderr.write('listsmith: the size limit is reached; raise it in the app to save more photos.\n');
    }
    const { state, cached, usedBytes, queued, failed, lastFailure } = status;
    return { state, cached, usedBytes, waiting: queued, failed, lastFailure };
  } finally {
    catalog.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  let result: Record<string, unknown>;
  if (command === 'import') result = await runImport(rest[0]);
  else if (command === 'export') result = await runExport();
  else if (command === 'stats') result = runStats();
  else if (command === 'optimize') result = await runOptimize();
  else if (command === 'check') result = runCheck();
  else if (command === 'undo' || command === 'redo') result = runHistory(command);
  else if (command === 'photos') result = await runPhotos();
  else throw new UsageError(`Unknown command "${command}".`);
  console.log(values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  endProgress();
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  console.error(`listsmith: ${message}`);
  const usage = error instanceof UsageError || error instanceof OptimizeUsageError || error instanceof ImportUsageError || error instanceof UndoUsageError;
  if (usage) console.error(USAGE);
  process.exit(usage ? 2 : 1);
});
