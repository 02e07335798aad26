import { z } from 'zod';
import type { EventName, MethodName } from './contract-names.js';
import type { GridRow, Listing, ListingStatus, Marketplace } from './listing.js';
import { MAX_PAGE_SIZE, filterSchema, gridQuerySchema } from './grid.js';
import {
  columnMappingSchema,
  currencyCodeSchema,
  exportFormatSchema,
  importDialectSchema,
  matchBySchema,
  type ColumnMapping,
  type ExportSummary,
  type ImportDialect,
  type ImportPreview,
  type ImportReport,
  type RowProblem,
} from './import-types.js';
import { marketplaceSchema } from './listing.js';
import { aiConfigureSchema, aiKeySchema, type AiKeyTest, type AiStatus } from './ai-types.js';
import type { AppCommand, BackupInfo, UpdateState } from './desktop-types.js';
import type { DiagnosticsSnapshot } from './diagnostics-types.js';
import { photoConfigureSchema, type PhotoSettings, type PhotoSourcePage, type PhotoStatus } from './photo-types.js';
import { EBAY_SITES, ebaySiteCodeSchema, type EbaySiteCode } from './ebay-sites.js';
import type { ExportFilePlan } from './import-types.js';
import {
  bulkEditSchema,
  listingChangesSchema,
  type BulkPreview,
  type BulkResult,
  type ChangeSetSummary,
  type DashboardStats,
  type DeletePreview,
  type DeleteResult,
  type RevisionEntry,
  type UndoState,
} from './edit-types.js';
import {
  jobIdSchema,
  jobPrioritySchema,
  priceRulesSchema,
  proposalListInputSchema,
  proposalSelectorSchema,
  type AcceptOutcome,
  type JobProgressEvent,
  type JobSummary,
  type ProposalList,
} from './job-types.js';

/**
 * The one contract between the renderer and the core. Each method names its input schema (checked
 * in the main process before anything runs), its output type, where it runs and its deadline.
 * Adding a method = one entry here + one handler in the handler map of the place it runs
 * (core/host/route-call.ts sends each call there; tests/unit/host/method-places.test.ts checks).
 */
export const METHOD_PLACES = [
  /** The single writer thread, in its call queue: every catalog write, one at a time. */
  'writer',
  /** The writer thread, at once, outside its queue: waits on the network (Groq), never on the catalog. */
  'writer-unqueued',
  /** The least busy grid reader thread (grid views stay on the reader that opened them). */
  'reader',
  /** The reader kept for long reads (exports, file previews, backups) so the grid never waits behind them. */
  'background',
  /** The host process itself (core/host/create-core.ts): state across threads, secrets, the photo cache, cancel. */
  'host',
  /** The app shell in front of the core: Electron's main process; the web host answers with its own versions. */
  'shell',
] as const;
export type MethodPlace = (typeof METHOD_PLACES)[number];

/** Derived from `runs` for clients that only ask whether a call reads (it is retried on reconnect). */
export type MethodAccess = 'read' | 'write' | 'background' | 'control';
const ACCESS_OF: Record<MethodPlace, MethodAccess> = {
  writer: 'write',
  'writer-unqueued': 'write',
  reader: 'read',
  background: 'background',
  host: 'control',
  shell: 'control',
};

export interface MethodSpec<I extends z.ZodType, O, R extends MethodPlace = MethodPlace> {
  input: I;
  /** Where the call runs: see METHOD_PLACES. The one declaration; `access` is derived from it. */
  runs: R;
  access: MethodAccess;
  /** The client fails the call with `timeout` after this long instead of hanging the UI. */
  timeoutMs: number;
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType, R extends MethodPlace>(spec: Omit<MethodSpec<I, O, R>, 'output' | 'access'>): MethodSpec<I, O, R> => ({ ...spec, access: ACCESS_OF[spec.runs] });
}

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  databasePath: string;
  transport: 'electron' | 'web';
}

export interface CatalogStats {
  listings: number;
  byMarketplace: Partial<Record<Marketplace, number>>;
  byStatus: Partial<Record<ListingStatus, number>>;
}

export interface GridView {
  viewId: string;
  total: number;
  /** A search only: listings a large import committed that are not indexed for search yet (it may miss them). */
  notIndexed?: number;
}

export interface GridPage {
  viewId: string;
  offset: number;
  rows: GridRow[];
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const viewId = z.string().min(1).max(64);
const empty = z.object({}).strict();
/** A file the user gave the app (dropped, picked or uploaded), staged by the host: see core/host/file-staging.ts. */
const fileId = z.string().regex(/^[a-f0-9]{32}$/);
const operationId = z.string().min(1).max(64);

/** Which listings an export or bulk operation covers. */
export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('query'), filter: filterSchema, search: z.string().max(500).optional() }).strict(),
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(1_000_000) }).strict(),
]);
export type Scope = z.infer<typeof scopeSchema>;

/** The eBay site of EUR listings whose source names none (an export choice): a site that takes euros. */
const euroSiteSchema = ebaySiteCodeSchema.refine((code) => EBAY_SITES[code].currency === 'EUR', { message: 'Pick an eBay site that takes euros (Germany, France, Italy, Spain…).' });

export interface MappingPreset {
  name: string;
  dialect: ImportDialect;
  mapping: ColumnMapping;
}

export interface ExportPreview {
  rows: number;
  /** Listings that cannot be exported to this format, and why (first 200). */
  skipped: RowProblem[];
  skippedCount: number;
  /** Values that will be shortened or changed to fit the format, file-level notes first (first 200). */
  changed: RowProblem[];
  changedCount: number;
  /** The files the export writes (one per column set or layout) and why each is separate. */
  files: ExportFilePlan[];
  /** EUR listings that name no eBay site go to `site` (the seller may pick another); null: none. */
  ebaySiteChoice: { listings: number; site: EbaySiteCode } | null;
}

/** A saved edit: the listing as stored now and the change set it made (null: nothing changed). */
export interface EditOutcome {
  listing: Listing;
  changeSet: ChangeSetSummary | null;
}

/** What undo/redo did: the change set it walked (null: nothing to do), and what is next. */
export interface UndoOutcome {
  changeSet: ChangeSetSummary | null;
  /** Listings it wrote. */
  changed: number;
  /** Fields left alone because something else changed them since (e.g. a later import). */
  conflicts: number;
  /** Listings it took out of the catalog (undo of an import: its new listings; redo of a delete). */
  removed: number;
  /** Listings it put back whole, with their ids (undo of a delete; redo of an import). */
  putBack: number;
  /** Listings it could not put back: the catalog now has another listing with their marketplace id. Kept for a later undo. */
  leftOut: number;
  state: UndoState;
}

export const contract = {
  'app.info': method<AppInfo>()({ input: empty, runs: 'reader', timeoutMs: 5_000 }),
  'catalog.stats': method<CatalogStats>()({ input: empty, runs: 'reader', timeoutMs: 5_000 }),
  'grid.open': method<GridView>()({ input: gridQuerySchema.strict(), runs: 'reader', timeoutMs: 20_000 }),
  'grid.rows': method<GridPage>()({
    input: z
      .object({
        viewId,
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
      })
      .strict(),
    runs: 'reader',
    timeoutMs: 5_000,
  }),
  'grid.close': method<{ closed: boolean }>()({ input: z.object({ viewId }).strict(), runs: 'reader', timeoutMs: 5_000 }),
  'listing.get': method<Listing>()({ input: z.object({ id }).strict(), runs: 'reader', timeoutMs: 5_000 }),
  /** Saves an edit of one listing; hard-limit violations (title too long for the marketplace…) fail `invalid_input` and change nothing. */
  'listing.update': method<EditOutcome>()({
    input: z
      .object({
        id,
        changes: listingChangesSchema,
        /** The `updatedAt` the editor loaded; if the listing changed since, the call fails `conflict`. */
        expectedUpdatedAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      })
      .strict(),
    runs: 'writer',
    timeoutMs: 10_000,
  }),
  'listing.history': method<{ revisions: RevisionEntry[] }>()({
    input: z.object({ id, limit: z.number().int().min(1).max(500).optional() }).strict(),
    runs: 'reader',
    timeoutMs: 5_000,
  }),
  /** Puts the listing's fields back to what they were before that revision (a new, undoable change). */
  'revision.revert': method<EditOutcome>()({ input: z.object({ revisionId: id }).strict(), runs: 'writer', timeoutMs: 10_000 }),
  'bulk.preview': method<BulkPreview>()({
    input: z.object({ scope: scopeSchema, edit: bulkEditSchema }).strict(),
    runs: 'background',
    timeoutMs: 120_000,
  }),
  'bulk.apply': method<BulkResult>()({
    input: z.object({ scope: scopeSchema, edit: bulkEditSchema }).strict(),
    runs: 'writer',
    timeoutMs: 15 * 60_000,
  }),
  'history.state': method<UndoState>()({ input: empty, runs: 'reader', timeoutMs: 5_000 }),
  /** How many listings of the scope are in the catalog now (the confirmation states it). */
  'listings.deletePreview': method<DeletePreview>()({ input: z.object({ scope: scopeSchema }).strict(), runs: 'background', timeoutMs: 120_000 }),
  /** Deletes the scope's listings as ONE undoable change set (history.undo puts them back, ids and history included). */
  'listings.delete': method<DeleteResult>()({ input: z.object({ scope: scopeSchema }).strict(), runs: 'writer', timeoutMs: 15 * 60_000 }),
  /** `changeSetId`: undo only if that change set is the newest undoable one (else `conflict`, saying what came after). */
  'history.undo': method<UndoOutcome>()({ input: z.object({ changeSetId: id.optional() }).strict(), runs: 'writer', timeoutMs: 15 * 60_000 }),
  'history.redo': method<UndoOutcome>()({ input: empty, runs: 'writer', timeoutMs: 15 * 60_000 }),
  'dashboard.stats': method<DashboardStats>()({ input: empty, runs: 'reader', timeoutMs: 5_000 }),
  'demo.generate': method<{ inserted: number }>()({
    input: z
      .object({
        count: z.number().int().min(1).max(2_000_000),
        seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
      })
      .strict(),
    runs: 'writer',
    timeoutMs: 15 * 60_000,
  }),
  'import.preview': method<ImportPreview>()({
    input: z
      .object({
        fileId,
        dialect: importDialectSchema.optional(),
        mapping: columnMappingSchema.optional(),
        marketplace: marketplaceSchema.optional(),
        /** The currency of listings whose file states none (USD when left out). */
        defaultCurrency: currencyCodeSchema.optional(),
        /** 'title': the preview marks the listings that would update a stored listing with the same title. */
        matchBy: matchBySchema.optional(),
      })
      .strict(),
    runs: 'background',
    timeoutMs: 60_000,
  }),
  /** Starts an import in the writer; progress arrives as operation.progress, the end as import.finished. */
  'import.start': method<{ importId: number; operationId: string }>()({
    input: z
      .object({
        fileId,
        dialect: importDialectSchema,
        mapping: columnMappingSchema.optional(),
        marketplace: marketplaceSchema.optional(),
        /** As for import.preview: send what the preview used, so the import stores what it showed. */
        defaultCurrency: currencyCodeSchema.optional(),
        /** 'hint': defaultCurrency is the preview's currencyHint, left as the wizard pre-filled it (the report says so). */
        currencyOrigin: z.enum(['chosen', 'hint']).optional(),
        /** Listings without id or SKU: 'key' (default) adds them; 'title' updates the stored listing with exactly that title. */
        matchBy: matchBySchema.optional(),
      })
      .strict(),
    runs: 'writer',
    timeoutMs: 30_000,
  }),
  'import.report': method<ImportReport>()({ input: z.object({ importId: id }).strict(), runs: 'reader', timeoutMs: 10_000 }),
  'import.presets': method<MappingPreset[]>()({ input: empty, runs: 'reader', timeoutMs: 5_000 }),
  'import.savePreset': method<MappingPreset[]>()({
    input: z.object({ name: z.string().trim().min(1).max(80), dialect: importDialectSchema, mapping: columnMappingSchema }).strict(),
    runs: 'writer',
    timeoutMs: 10_000,
  }),
  'export.preview': method<ExportPreview>()({
    input: z.object({ format: exportFormatSchema, scope: scopeSchema, ebaySite: euroSiteSchema.optional() }).strict(),
    runs: 'background',
    timeoutMs: 120_000,
  }),
  /**
   * Writes the export to staged files (each downloadable at /files/<fileId>): `fileId` is the first
   * file's; export.finished lists them all (summary.files). The end arrives as export.finished.
   */
  'export.start': method<{ operationId: string; fileId: string; fileName: string }>()({
    input: z.object({ format: exportFormatSchema, scope: scopeSchema, ebaySite: euroSiteSchema.optional() }).strict(),
    runs: 'background',
    timeoutMs: 30_000,
  }),
  /** `folder`: where the backup files are, to tell the seller (an absolute path on this machine). */
  'backup.list': method<{ backups: BackupInfo[]; folder: string }>()({ input: empty, runs: 'reader', timeoutMs: 10_000 }),
  'backup.create': method<BackupInfo>()({
    input: z.object({ reason: z.enum(['manual', 'pre-import', 'pre-bulk-edit', 'scheduled']) }).strict(),
    runs: 'background',
    timeoutMs: 30 * 60_000,
  }),
  /** Answered by the desktop shell (closes the core, restores, reopens); the web host refuses it. */
  'backup.restore': method<{ restored: string; undo: string | null }>()({
    input: z.object({ backupId: z.string().regex(/^catalog-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z-]+\.sqlite$/).max(120) }).strict(),
    runs: 'shell',
    timeoutMs: 30 * 60_000,
  }),
  'update.getState': method<UpdateState>()({ input: empty, runs: 'shell', timeoutMs: 5_000 }),
  'update.check': method<UpdateState>()({ input: empty, runs: 'shell', timeoutMs: 60_000 }),
  'update.install': method<{ restarting: boolean }>()({ input: empty, runs: 'shell', timeoutMs: 5_000 }),
  /** Answered by the host (never queued behind a busy thread): call timings, slow queries, queues, thread health, log file. */
  'diagnostics.get': method<DiagnosticsSnapshot>()({ input: empty, runs: 'host', timeoutMs: 5_000 }),
  /** Queues an optimization job for a scope of listings; the writer runs it in the background (progress: job.progress). */
  'jobs.start': method<JobSummary>()({
    input: z
      .object({
        scope: scopeSchema,
        marketplace: marketplaceSchema,
        /** optimize: the offline rule optimizer; ai: rewriting through Groq (needs a key; same review). */
        kind: z.enum(['optimize', 'ai']),
        priority: jobPrioritySchema.optional(),
        /** Apply the proposals at once as one undoable change set instead of waiting for review. */
        autoApply: z.boolean().optional(),
        /** The seller's price rules; without them prices are left alone. */
        priceRules: priceRulesSchema.optional(),
      })
      .strict(),
    runs: 'writer',
    timeoutMs: 120_000,
  }),
  /** Running and queued jobs first, then the most recent finished ones. */
  'jobs.list': method<{ jobs: JobSummary[] }>()({ input: empty, runs: 'reader', timeoutMs: 5_000 }),
  'jobs.cancel': method<JobSummary>()({ input: z.object({ jobId: jobIdSchema }).strict(), runs: 'writer', timeoutMs: 10_000 }),
  /** Queues a failed or cancelled job's unfinished listings again. */
  'jobs.retry': method<JobSummary>()({ input: z.object({ jobId: jobIdSchema }).strict(), runs: 'writer', timeoutMs: 10_000 }),
  /** Pending proposals of one listing, of one job and/or a grid query, or of the whole catalog; `pending` counts them all. */
  'proposals.list': method<ProposalList>()({ input: proposalListInputSchema, runs: 'reader', timeoutMs: 20_000 }),
  /** Accepts pending proposals as ONE undoable change set (history.undo reverts it). */
  'proposals.accept': method<AcceptOutcome>()({ input: z.object({ selector: proposalSelectorSchema }).strict(), runs: 'writer', timeoutMs: 15 * 60_000 }),
  'proposals.reject': method<{ rejected: number }>()({ input: z.object({ selector: proposalSelectorSchema }).strict(), runs: 'writer', timeoutMs: 15 * 60_000 }),
  /** AI settings and today's usage. Never contains the key. */
  'ai.status': method<AiStatus>()({ input: empty, runs: 'writer-unqueued', timeoutMs: 5_000 }),
  /** Tier (free/developer) and model; the rate limiter follows at once. */
  'ai.configure': method<AiStatus>()({ input: aiConfigureSchema, runs: 'writer', timeoutMs: 5_000 }),
  /** Stores a pasted Groq key in the secret store (safeStorage in the desktop app); it never comes back. */
  'ai.setKey': method<AiStatus>()({ input: aiKeySchema, runs: 'host', timeoutMs: 10_000 }),
  'ai.removeKey': method<AiStatus>()({ input: empty, runs: 'host', timeoutMs: 10_000 }),
  /** Lists the key's models (GET /models): proves the key works without spending tokens. */
  'ai.testKey': method<AiKeyTest>()({ input: empty, runs: 'writer-unqueued', timeoutMs: 30_000 }),
  /** The local photo cache: answered by the host, which downloads and serves the copies. */
  'photos.status': method<PhotoStatus>()({ input: empty, runs: 'host', timeoutMs: 5_000 }),
  /** Turns background photo downloads on or off and sets the size cap (stored in the catalog's settings). */
  'photos.configure': method<PhotoStatus>()({ input: photoConfigureSchema, runs: 'host', timeoutMs: 10_000 }),
  /** The stored photo settings (read by the host when it starts). */
  'photos.settings': method<PhotoSettings>()({ input: empty, runs: 'reader', timeoutMs: 5_000 }),
  /** Saves the photo settings (the host calls it for photos.configure). */
  'photos.saveSettings': method<PhotoSettings>()({
    input: z.object({ enabled: z.boolean(), capMb: z.number().int().min(1).max(100_000) }).strict(),
    runs: 'writer',
    timeoutMs: 10_000,
  }),
  /** A page of the catalog's photo addresses in listing id order, for the host's background download sweep. */
  'photos.sources': method<PhotoSourcePage>()({
    input: z.object({ afterId: z.number().int().min(0), limit: z.number().int().min(1).max(5_000) }).strict(),
    runs: 'background',
    timeoutMs: 30_000,
  }),
  /** Asks a running import/export/bulk operation to stop; it rolls back (imports) or discards its file. */
  'operation.cancel': method<{ cancelled: boolean }>()({ input: z.object({ operationId }).strict(), runs: 'host', timeoutMs: 5_000 }),
} as const satisfies { [M in MethodName]: MethodSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** The input after validation (defaults applied): what handlers receive. */
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;
/** The methods the contract declares to run at one place (or any of several). */
export type MethodsRunningIn<P extends MethodPlace> = { [M in MethodName]: Contract[M]['runs'] extends P ? M : never }[MethodName];

/** Events the core pushes to every connected renderer. */
export interface EventPayloads {
  'catalog.changed': { reason: 'demo' | 'import' | 'edit' | 'restore' | 'rescore'; at: number };
  'demo.progress': { done: number; total: number };
  /** Progress of a long operation (import, export, …); `total` is null when unknown. */
  'operation.progress': { operationId: string; kind: 'import' | 'export'; phase: string; done: number; total: number | null; ratePerSecond: number | null; etaSeconds: number | null };
  'import.finished': { operationId: string; report: ImportReport };
  'export.finished': { operationId: string; summary: ExportSummary | null; fileId: string; error: string | null };
  'app.command': AppCommand;
  'update.state': UpdateState;
  'job.progress': JobProgressEvent;
}

// Compile-time check: contract-names.ts and this module list the same methods and events.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatch: Exact<keyof Contract, MethodName> = true;
const eventsMatch: Exact<keyof EventPayloads, EventName> = true;
void methodsMatch;
void eventsMatch;

export { METHOD_NAMES, EVENT_NAMES, type MethodName, type EventName } from './contract-names.js';

/** Largest serialized input the core accepts (bytes of JSON); larger calls fail `payload_too_large`. */
export const MAX_INPUT_BYTES = 1_000_000;
