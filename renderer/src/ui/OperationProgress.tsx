import type { EventPayloads } from '../../../common/contract.js';
import { formatDuration, formatInteger } from '../format.js';

/** Progress of a long operation as the import wizard and the export dialog show it. */
export type Progress = Omit<EventPayloads['operation.progress'], 'operationId' | 'kind'>;

const PHASES: Record<string, string> = {
  reading: 'Reading the file',
  parsing: 'Reading the file',
  validating: 'Checking rows',
  writing: 'Saving listings',
  indexing: 'Updating the search index',
  finishing: 'Finishing',
  counting: 'Counting listings',
  exporting: 'Writing the file',
};

function phaseLabel(phase: string | undefined, fallback: string): string {
  if (phase === undefined || phase === '') return fallback;
  return PHASES[phase] ?? phase.charAt(0).toUpperCase() + phase.slice(1).replace(/_/g, ' ');
}

interface Props {
  progress: Progress | null;
  unit: string;
  fallbackPhase: string;
  testId: string;
  cancelling: boolean;
}

/** A long operation's progress: phase, done/total, rate and ETA (indeterminate until the first event). */
export function OperationProgress({ progress, unit, fallbackPhase, testId, cancelling }: Props) {
  const total = progress?.total ?? null;
  const done = progress?.done ?? 0;
  const pct = total !== null && total > 0 ? Math.min(100, (done / total) * 100) : null;
  return (
    <div className="op-progress" data-testid={testId} data-done={done} data-total={total ?? ''} aria-live="polite">
      <div className="op-phase">
        {cancelling ? 'Cancelling…' : phaseLabel(progress?.phase, fallbackPhase)}
        {pct !== null && <span className="op-pct"> {Math.floor(pct)} %</span>}
      </div>
      {pct !== null ? (
        <progress className="progress" max={100} value={pct} aria-label={`${fallbackPhase} progress`} />
      ) : (
        <progress className="progress" aria-label={`${fallbackPhase} progress`} />
      )}
      <div className="op-stats muted">
        <span data-testid={`${testId}-done`}>
          {formatInteger(done)}
          {total !== null ? ` of ${formatInteger(total)}` : ''} {unit}
        </span>
        {progress?.ratePerSecond !== null && progress?.ratePerSecond !== undefined && (
          <span>
            {formatInteger(progress.ratePerSecond)} {unit}/s
          </span>
        )}
        {progress?.etaSeconds !== null && progress?.etaSeconds !== undefined && <span>About {formatDuration(progress.etaSeconds)} left</span>}
      </div>
    </div>
  );
}

/** The dialog footer while an import or export runs: it goes on when the window is closed, and can be cancelled. */
export function RunningFooter({ operation, disabled, cancelling, onCancel }: { operation: 'import' | 'export'; disabled: boolean; cancelling: boolean; onCancel: () => void }) {
  return (
    <>
      <span className="foot-note muted">You can close this window; the {operation} goes on.</span>
      <button type="button" className="btn" data-testid={`${operation}-cancel`} disabled={disabled || cancelling} onClick={onCancel}>
        {cancelling ? 'Cancelling…' : `Cancel ${operation}`}
      </button>
    </>
  );
}
