/**
 * When a finished long job deserves an OS notification: only when no Listsmith window has focus
 * (the in-app toast is enough otherwise) and only for jobs that took a while. Pure, tested.
 */
export interface JobFinished {
  kind: 'import' | 'export' | 'backup';
  ok: boolean;
  /** Milliseconds the job ran, when known. */
  durationMs?: number;
  summary: string;
}

const MIN_DURATION_MS = 10_000;

export function notificationFor(job: JobFinished, anyWindowFocused: boolean): { title: string; body: string } | null {
  if (anyWindowFocused) return null;
  if (job.durationMs !== undefined && job.durationMs < MIN_DURATION_MS) return null;
  const what = job.kind === 'import' ? 'Import' : job.kind === 'export' ? 'Export' : 'Backup';
  return { title: job.ok ? `${what} finished` : `${what} failed`, body: job.summary.slice(0, 200) };
}

/** Reads the `import.finished` / `export.finished` payloads defensively (their shapes belong to the import/export work). */
export function jobFromCoreEvent(event: string, payload: unknown): JobFinished | null {
  if (event !== 'import.finished' && event !== 'export.finished') return null;
  const p = (payload ?? {}) as { report?: Record<string, unknown>; summary?: Record<string, unknown> | null; error?: unknown; durationMs?: unknown };
  if (event === 'import.finished') {
    const r = p.report ?? {};
    const num = (v: unknown) => (typeof v === 'number' ? v : 0);
    const changed = num(r.imported) + num(r.updated);
    const rejected = num(r.rejected);
    const summary = `${changed.toLocaleString('en-US')} listings imported or updated${rejected ? `, ${rejected.toLocaleString('en-US')} rows rejected` : ''}.`;
    return { kind: 'import', ok: p.report !== undefined, summary, ...durationOf(r) };
  }
  const ok = typeof p.error !== 'string' || p.error === '';
  const rows = typeof p.summary?.rows === 'number' ? p.summary.rows : undefined;
  const summary = !ok ? 'The export did not complete. Open Listsmith for details.' : rows !== undefined ? `${rows.toLocaleString('en-US')} listings exported.` : 'The export is complete.';
  return { kind: 'export', ok, summary, ...durationOf(p.summary ?? {}) };
}

function durationOf(source: Record<string, unknown>): { durationMs?: number } {
  if (typeof source.durationMs === 'number') return { durationMs: source.durationMs };
  if (typeof source.startedAt === 'number' && typeof source.finishedAt === 'number') return { durationMs: source.finishedAt - source.startedAt };
  return {};
}
