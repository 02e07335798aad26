import { useEffect, useState } from 'react';
import type { Listing } from '../../../../common/listing.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { useApp } from '../../store/context.js';
import { aiRewriteBlocked } from './ai-blocked.js';
import { useAiStatus } from './use-ai-status.js';
import { jobCalls } from '../jobs/job-calls.js';
import { useJobs, useJobsStore } from '../jobs/jobs-store.js';

type Phase = { kind: 'idle' } | { kind: 'starting' } | { kind: 'running'; jobId: number } | { kind: 'nothing' } | { kind: 'error'; message: string };

/**
 * "Rewrite with AI" for the listing open in the editor: a one-listing AI job sent as interactive,
 * so it goes ahead of any bulk AI job (its own runner lane, first in the rate limiter). When it is
 * done the review opens on its proposal (accept or reject per field, undoable); a failure or a
 * pause (Groq down) shows its reason here. It rewrites the saved listing: save edits first.
 * Keyed by listing id where it is used, so opening another listing starts afresh.
 */
export function AiRewriteButton({ listing, dirty }: { listing: Listing; dirty: boolean }) {
  const calls = useCalls(jobCalls);
  const jobs = useJobsStore();
  const offline = useApp((s) => s.offline);
  const ai = useAiStatus();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const jobId = phase.kind === 'running' ? phase.jobId : null;
  const job = useJobs((s) => (jobId === null ? undefined : s.jobs.find((j) => j.id === jobId)));

  // Failed, cancelled or paused (Groq down): its reason, from the job itself.
  const stopped = job !== undefined && job.state !== 'queued' && job.state !== 'running' && job.state !== 'done';
  const stoppedMessage = stopped ? (job.error ?? `The AI rewrite ${job.state === 'paused' ? 'is paused' : 'did not finish'}; see Jobs.`) : null;

  // Done: open the review on its proposal, or say there is none.
  useEffect(() => {
    if (job === undefined || jobId === null || job.state !== 'done') return;
    let live = true;
    calls.proposals({ jobId, limit: 1 }).then(
      (list) => {
        if (!live) return;
        if (list.matching > 0) {
          setPhase({ kind: 'idle' });
          jobs.getState().openReview(jobId);
        } else setPhase({ kind: 'nothing' });
      },
      (err: unknown) => live && setPhase({ kind: 'error', message: errorMessage(err).message }),
    );
    return () => {
      live = false;
    };
  }, [job, jobId, calls, jobs]);

  const start = async () => {
    setPhase({ kind: 'starting' });
    try {
      const started = await calls.start({ scope: { kind: 'ids', ids: [listing.id] }, marketplace: listing.marketplace, kind: 'ai', priority: 'interactive' });
      jobs.getState().upsert(started);
      setPhase({ kind: 'running', jobId: started.id });
    } catch (err) {
      setPhase({ kind: 'error', message: errorMessage(err).message });
    }
  };

  const blocked = aiRewriteBlocked({ offline, ai, dirty });
  const busy = phase.kind === 'starting' || (phase.kind === 'running' && !stopped);
  const message = phase.kind === 'error' ? phase.message : stoppedMessage;
  return (
    <div className="ai-rewrite" data-testid="ai-rewrite" data-phase={phase.kind}>
      <button
        type="button"
        className="btn"
        data-testid="ai-rewrite-button"
        disabled={blocked !== null || busy}
        title={blocked ?? 'Propose a better title, description and tags written by AI (Groq), checked against the marketplace rules. You review before anything changes.'}
        onClick={() => void start()}
      >
        {busy ? 'Rewriting with AI…' : 'Rewrite with AI'}
      </button>
      {busy && (
        <span className="muted ai-rewrite-note" role="status" data-testid="ai-rewrite-status">
          {job?.state === 'queued' ? 'waiting for Groq…' : 'the AI is writing; the review opens when it is done'}
        </span>
      )}
      {phase.kind === 'nothing' && (
        <span className="muted ai-rewrite-note" role="status" data-testid="ai-rewrite-status">
          The AI found nothing to improve that passes the {listing.marketplace} rules.
        </span>
      )}
      {message !== null && (
        <div className="callout callout-warn" role="alert" data-testid="ai-rewrite-error">
          {message}
        </div>
      )}
    </div>
  );
}
