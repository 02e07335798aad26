import { Fragment, useEffect, useState } from 'react';
import type { DiagnosticsSnapshot, SlowQuery } from '../../../../common/diagnostics-types.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { diagnosticsCalls } from './diagnostics-calls.js';
import { formatBytes, formatCount, formatDateTime, formatInteger } from '../../format.js';
import { Modal } from '../../ui/Modal.js';
import './diagnostics.css';

/** While the panel is open it refreshes this often; closed, it costs nothing. */
const REFRESH_MS = 2_000;

const ms = (value: number): string => (value < 10 ? value.toFixed(1) : formatInteger(Math.round(value)));

/**
 * Help › Diagnostics: what the core is doing, for the seller and for support — contract call
 * timings (p50/p95 per method), slow SQLite statements with their query plans, queue depths,
 * thread health and where the log file is. Reads `diagnostics.get`, answered by the host.
 */
export function DiagnosticsDialog({ onClose }: { onClose: () => void }) {
  const calls = useCalls(diagnosticsCalls);
  const [snapshot, setSnapshot] = useState<DiagnosticsSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      calls.snapshot().then(
        (value) => {
          if (!live) return;
          setSnapshot(value);
          setError(null);
        },
        (err: unknown) => {
          if (live) setError(errorMessage(err).message);
        },
      ).finally(() => {
        // The next refresh starts after this one ended: a slow answer never stacks up calls.
        if (live) timer = setTimeout(load, REFRESH_MS);
      });
    };
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [calls]);

  return (
    <Modal
      titleId="diagnostics-title"
      title="Diagnostics"
      subtitle={snapshot ? `Updated ${formatDateTime(snapshot.at)} · refreshes every 2 s` : 'Reading…'}
      onClose={onClose}
      testId="diagnostics-dialog"
      size="wide"
    >
      {error !== null && (
        <p role="alert" className="callout callout-error">
          {error}
        </p>
      )}
      {snapshot === null ? (
        <p className="muted">Reading diagnostics…</p>
      ) : (
        <div className="diagnostics">
          <LogSection snapshot={snapshot} />
          <IpcSection snapshot={snapshot} />
          <SlowQuerySection snapshot={snapshot} />
          <QueueSection snapshot={snapshot} />
          <WorkerSection snapshot={snapshot} />
        </div>
      )}
    </Modal>
  );
}

function LogSection({ snapshot }: { snapshot: DiagnosticsSnapshot }) {
  return (
    <section className="diagnostics-section" data-testid="diagnostics-log">
      <h3>Log file</h3>
      {snapshot.log.file === null ? (
        <p className="muted">This host logs to its console only.</p>
      ) : (
        <p>
          <code className="diagnostics-path" data-testid="diagnostics-log-file">
            {snapshot.log.file}
          </code>
          {snapshot.log.openCommand !== null && <span className="muted"> — open its folder with {snapshot.log.openCommand}.</span>}
        </p>
      )}
    </section>
  );
}

function IpcSection({ snapshot }: { snapshot: DiagnosticsSnapshot }) {
  return (
    <section className="diagnostics-section">
      <h3>Requests</h3>
      <p className="muted">Time from the request reaching the core to its answer, over the last {snapshot.samplesPerMethod} calls of each kind.</p>
      {snapshot.ipc.length === 0 ? (
        <p className="muted">No requests yet.</p>
      ) : (
        <div className="table-scroll diagnostics-scroll">
          <table className="table" aria-label="Request timings" data-testid="diagnostics-ipc">
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col" className="align-end">Calls</th>
                <th scope="col" className="align-end">Errors</th>
                <th scope="col" className="align-end">p50 ms</th>
                <th scope="col" className="align-end">p95 ms</th>
                <th scope="col" className="align-end">Max ms</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.ipc.map((row) => (
                <tr key={row.method} data-testid="diagnostics-ipc-row" data-method={row.method} data-count={row.count}>
                  <td>
                    <code>{row.method}</code>
                  </td>
                  <td className="align-end num">{formatInteger(row.count)}</td>
                  <td className={`align-end num${row.errors > 0 ? ' diagnostics-bad' : ''}`}>{formatInteger(row.errors)}</td>
                  <td className="align-end num">{ms(row.p50Ms)}</td>
                  <td className="align-end num">{ms(row.p95Ms)}</td>
                  <td className="align-end num">{ms(row.maxMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SlowQuerySection({ snapshot }: { snapshot: DiagnosticsSnapshot }) {
  const [open, setOpen] = useState<string | null>(null);
  const key = (q: SlowQuery, i: number) => `${q.at}-${q.thread}-${i}`;
  return (
    <section className="diagnostics-section">
      <h3>Slow queries</h3>
      <p className="muted">Catalog statements over {snapshot.slowQueryThresholdMs} ms (the last 50), with SQLite’s query plan.</p>
      {snapshot.slowQueries.length === 0 ? (
        <p className="muted" data-testid="diagnostics-no-slow">None so far.</p>
      ) : (
        <div className="table-scroll diagnostics-scroll">
          <table className="table" aria-label="Slow queries" data-testid="diagnostics-slow">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Thread</th>
                <th scope="col" className="align-end">ms</th>
                <th scope="col">Statement</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.slowQueries.map((q, i) => {
                const k = key(q, i);
                const expanded = open === k;
                return (
                  <Fragment key={k}>
                    <tr data-testid="diagnostics-slow-row">
                      <td>{formatDateTime(q.at)}</td>
                      <td>{q.thread}</td>
                      <td className="align-end num">{ms(q.durationMs)}</td>
                      <td>
                        <button type="button" className="link-button diagnostics-sql" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : k)}>
                          {q.sql}
                        </button>
                      </td>
                    </tr>
                    {expanded && (
                      <tr className="diagnostics-plan-row">
                        <td colSpan={4}>
                          {q.plan.length > 0 ? (
                            <pre className="diagnostics-plan" data-testid="diagnostics-plan">
                              {planText(q)}
                            </pre>
                          ) : (
                            <p className="muted">No plan: {q.planError ?? 'SQLite gave none.'}</p>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** EXPLAIN QUERY PLAN rows as SQLite's shell prints them: indented under their parent. */
function planText(q: SlowQuery): string {
  const depth = new Map<number, number>();
  return q.plan
    .map((row) => {
      const d = (depth.get(row.parent) ?? -1) + 1;
      depth.set(row.id, d);
      return `${'  '.repeat(d)}${row.detail}`;
    })
    .join('\n');
}

function QueueSection({ snapshot }: { snapshot: DiagnosticsSnapshot }) {
  const pool = snapshot.optimizerPool;
  const jobs = snapshot.jobQueue;
  const rows: [string, string][] = [
    ...snapshot.threads.map((t): [string, string] => [`Catalog ${t.name}: requests waiting or running`, formatInteger(t.queued)]),
    ...snapshot.threads.filter((t) => t.operations !== null).map((t): [string, string] => [`Catalog ${t.name}: long operations`, formatInteger(t.operations)]),
    ['Optimization jobs active', jobs ? formatInteger(jobs.activeJobs) : '—'],
    ['Listings queued for optimization', jobs ? formatInteger(jobs.queuedItems) : '—'],
    ['Listings being optimized', jobs ? formatInteger(jobs.runningItems) : '—'],
    ['Optimizer batches running / waiting', pool ? `${formatInteger(pool.running)} / ${formatInteger(pool.queued)}` : '—'],
  ];
  return (
    <section className="diagnostics-section">
      <h3>Queues</h3>
      <table className="table diagnostics-pairs" aria-label="Queues" data-testid="diagnostics-queues">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="align-end num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function WorkerSection({ snapshot }: { snapshot: DiagnosticsSnapshot }) {
  const pool = snapshot.optimizerPool;
  const faults = pool ? Object.entries(pool.faults).filter(([, n]) => n > 0) : [];
  const backup = snapshot.backupWorker;
  const pre = snapshot.preOperationBackup;
  return (
    <section className="diagnostics-section">
      <h3>Workers</h3>
      <div className="table-scroll">
        <table className="table" aria-label="Catalog threads" data-testid="diagnostics-threads">
          <thead>
            <tr>
              <th scope="col">Thread</th>
              <th scope="col">State</th>
              <th scope="col" className="align-end">Restarts</th>
              <th scope="col" className="align-end">Heap</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.threads.map((t) => (
              <tr key={t.name} data-testid="diagnostics-thread" data-alive={t.alive}>
                <td>Catalog {t.name}</td>
                <td className={t.alive && !t.unresponsive ? '' : 'diagnostics-bad'}>{!t.alive ? 'Stopped (restarts on next request)' : t.unresponsive ? 'Busy (no answer in 0.5 s)' : 'Running'}</td>
                <td className="align-end num">{formatInteger(t.restarts)}</td>
                <td className="align-end num">{t.heapUsedBytes === null ? '—' : formatBytes(t.heapUsedBytes)}</td>
                <td>{t.lastError ? `${formatDateTime(t.lastError.at)}: ${t.lastError.message}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="diagnostics-facts">
        <li>
          Optimizer pool:{' '}
          {pool === null
            ? 'not available'
            : !pool.started
              ? `not started (${pool.threads} threads when a job runs)`
              : `${pool.liveThreads} of ${pool.threads} threads alive, ${formatInteger(pool.completed)} batches done`}
          {faults.length > 0 && <span className="diagnostics-bad"> — faults: {faults.map(([kind, n]) => `${kind.replace(/_/g, ' ')} ${n}`).join(', ')}</span>}
        </li>
        <li>
          Backups:{' '}
          <span data-testid="diagnostics-backups">
            {backup.tasks === 0
              ? 'none run since Listsmith started'
              : `${formatCount(backup.tasks, 'backup task', 'backup tasks')} since Listsmith started, ${formatInteger(backup.failures)} failed${backup.running > 0 ? `, ${backup.running} running` : ''}${backup.lastTask ? ` (last: ${backup.lastTask.kind}, ${formatDateTime(backup.lastTask.at)})` : ''}`}
          </span>
          {backup.lastTask && !backup.lastTask.ok && <span className="diagnostics-bad"> — last {backup.lastTask.kind} failed: {backup.lastTask.message}</span>}
        </li>
        <li>
          Backup before big imports and bulk edits:{' '}
          {pre === null ? 'none needed so far' : <span className={pre.outcome === 'failed' ? 'diagnostics-bad' : ''}>{`${pre.outcome} ${formatDateTime(pre.at)} — ${pre.detail}`}</span>}
        </li>
      </ul>
    </section>
  );
}
