import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ProposalSelectorInput, ProposalView, SpellingView } from '../../../../common/job-types.js';
import type { Listing } from '../../../../common/listing.js';
import { FIELD_TITLES } from '../../../../common/edit/field-labels.js';
import { formatCount, formatInteger, formatPrice } from '../../format.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { jobCalls } from '../jobs/job-calls.js';
import { useApp, useAppStore } from '../../store/context.js';
import { describeQuery, queryScope } from '../grid/query.js';
import { tagDiff, wordDiff } from './word-diff.js';
import { Modal } from '../../ui/Modal.js';
import { ErrorCallout } from '../../ui/ErrorCallout.js';
import './optimize.css';

/** Field proposals shown at a time; deciding them brings the next ones. */
export const REVIEW_PAGE_SIZE = 50;

interface ListingGroup {
  listingId: number;
  proposals: ProposalView[];
}

function groupByListing(proposals: readonly ProposalView[]): ListingGroup[] {
  const groups = new Map<number, ListingGroup>();
  for (const p of proposals) {
    let g = groups.get(p.listingId);
    if (g === undefined) {
      g = { listingId: p.listingId, proposals: [] };
      groups.set(p.listingId, g);
    }
    g.proposals.push(p);
  }
  return [...groups.values()];
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value));
const asTags = (value: unknown): string[] => (Array.isArray(value) ? value.map((t) => String(t)) : []);
const asMinor = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function TextDiff({ before, after, testId }: { before: string; after: string; testId: string }) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <div className={`diff diff-text${testId === 'diff-description' ? ' diff-long' : ''}`} data-testid={testId}>
      {parts.map((part, i) =>
        part.op === 'removed' ? (
          <del key={i} className="diff-removed">
            {part.text}
          </del>
        ) : part.op === 'added' ? (
          <ins key={i} className="diff-added">
            {part.text}
          </ins>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}

function FieldDiff({ proposal, currency }: { proposal: ProposalView; currency: string }) {
  if (proposal.field === 'tags') {
    const tags = tagDiff(asTags(proposal.before), asTags(proposal.after));
    return (
      <div className="diff diff-tags" data-testid="diff-tags">
        {tags.map((t) =>
          t.op === 'removed' ? (
            <del key={`r-${t.tag}`} className="diff-tag diff-removed">
              {t.tag}
            </del>
          ) : t.op === 'added' ? (
            <ins key={`a-${t.tag}`} className="diff-tag diff-added">
              {t.tag}
            </ins>
          ) : (
            <span key={`s-${t.tag}`} className="diff-tag">
              {t.tag}
            </span>
          ),
        )}
      </div>
    );
  }
  if (proposal.field === 'price') {
    return (
      <div className="diff" data-testid="diff-price">
        <del className="diff-removed">{formatPrice(asMinor(proposal.before), currency)}</del> → <ins className="diff-added">{formatPrice(asMinor(proposal.after), currency)}</ins>
      </div>
    );
  }
  return <TextDiff before={asText(proposal.before)} after={asText(proposal.after)} testId={`diff-${proposal.field}`} />;
}

interface Actions {
  busy: boolean;
  decide(selector: ProposalSelectorInput, accept: boolean): void;
}

function DecideButtons({ label, selector, actions, testId }: { label: string; selector: ProposalSelectorInput; actions: Actions; testId: string }) {
  return (
    <span className="review-decide">
      <button type="button" className="btn btn-small" disabled={actions.busy} onClick={() => actions.decide(selector, true)} data-testid={`${testId}-accept`} aria-label={`Accept ${label}`}>
        Accept
      </button>
      <button type="button" className="btn btn-small" disabled={actions.busy} onClick={() => actions.decide(selector, false)} data-testid={`${testId}-reject`} aria-label={`Reject ${label}`}>
        Reject
      </button>
    </span>
  );
}

const SPELLING_FIELD_LABELS: Record<SpellingView['field'], string> = { title: 'title', description: 'description', tags: 'tag' };

/** Words the dictionary does not know, with its best guesses. Never applied: the seller decides. */
function SpellingHints({ words }: { words: readonly SpellingView[] }) {
  return (
    <div className="review-spelling" data-testid="review-spelling">
      <div className="review-field-label">Spelling</div>
      <ul className="review-spelling-list">
        {words.map((w) => (
          <li key={`${w.field}-${w.item ?? ''}-${w.word}`} data-testid="spelling-word" data-word={w.word} data-field={w.field}>
            <span className="review-spelling-word">{w.word}</span>
            <span className="muted">
              {' '}
              ({SPELLING_FIELD_LABELS[w.field]}){w.suggestions.length > 0 ? ' → ' : ' — no suggestion'}
            </span>
            {w.suggestions.length > 0 && <span data-testid="spelling-suggestions">{w.suggestions.join(', ')}</span>}
          </li>
        ))}
      </ul>
      <span className="review-spelling-note">Suggestions only — nothing is changed. Fix a word in the listing editor if it is a typo.</span>
    </div>
  );
}

function ListingReview({ group, listing, spelling, actions }: { group: ListingGroup; listing: Listing | undefined; spelling: readonly SpellingView[] | undefined; actions: Actions }) {
  const titleProposal = group.proposals.find((p) => p.field === 'title');
  const title = listing?.title ?? (titleProposal !== undefined ? asText(titleProposal.before) : '');
  const name = title.trim() === '' ? `Listing #${group.listingId}` : title;
  return (
    <section className="review-listing" data-testid="review-listing" data-listing-id={group.listingId}>
      <div className="review-listing-head">
        <h3 className="review-listing-title">{name}</h3>
        <DecideButtons label={`the changes to ${name}`} selector={{ kind: 'listings', listingIds: [group.listingId] }} actions={actions} testId="review-listing" />
      </div>
      {group.proposals.map((p) => (
        <div key={p.id} className="review-field" data-testid="review-field" data-proposal-id={p.id} data-field={p.field}>
          <div className="review-field-label">{FIELD_TITLES[p.field]}</div>
          <div className="review-field-body">
            <FieldDiff proposal={p} currency={listing?.currency ?? 'USD'} />
            {p.changes.length > 0 && (
              <ul className="review-reasons">
                {p.changes.map((c, i) => (
                  // A flagged AI field (core/ai/output-checks): "Accept all" skips it; its reason says why.
                  <li key={`${c.ruleId}-${i}`} data-rule={c.ruleId} className={c.ruleId.startsWith('ai.flag.') ? 'review-flag' : undefined} data-testid={c.ruleId.startsWith('ai.flag.') ? 'review-flag' : undefined}>
                    {c.ruleId.startsWith('ai.flag.') && <strong>Flagged: </strong>}
                    {c.reason} <span className="review-rule mono">{c.ruleId}</span>
                    {c.fixes.length === 0 && (c.gain ?? 0) > 0 && (
                      <span className="review-gain" data-testid="review-gain">
                        {' '}
                        +{c.gain} score
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <DecideButtons label={`the ${FIELD_TITLES[p.field].toLowerCase()} change`} selector={{ kind: 'ids', ids: [p.id] }} actions={actions} testId="review-field" />
        </div>
      ))}
      {spelling !== undefined && spelling.length > 0 && <SpellingHints words={spelling} />}
    </section>
  );
}

/**
 * Review of one job's proposals: per listing, each field before → after as a word diff with the
 * rules behind it, and spelling suggestions (shown, never applied); accept or reject a field, a
 * listing, the whole job, or — when the grid is filtered — every proposal of the job on listings
 * matching the grid's search and filters (the count shown first). Accepting writes one undoable
 * change (author: optimizer).
 */
export function ReviewDialog({ jobId, onClose }: { jobId: number; onClose: () => void }) {
  const calls = useCalls(jobCalls);
  const store = useAppStore();
  const [proposals, setProposals] = useState<ProposalView[] | null>(null);
  const [listings, setListings] = useState<ReadonlyMap<number, Listing>>(new Map());
  const [spelling, setSpelling] = useState<ReadonlyMap<number, SpellingView[]>>(new Map());
  const gridQuery = useApp((s) => s.query);
  const importLabel = useApp((s) => s.importLabel);
  // The grid's filter as it was when the dialog opened: the count and the action cover the same listings.
  const [matchScope] = useState(() => queryScope(gridQuery));
  const [matchLabel] = useState(() => describeQuery(gridQuery, importLabel));
  const [matching, setMatching] = useState<number | null>(null);
  // The job's pending changes and the listings they are on: one count (core tallyPendingProposals) the grid's "Has proposals" filter agrees with.
  const [total, setTotal] = useState<{ changes: number; listings: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ReactNode>(null);

  /** Reads the next page of pending proposals (callers set `loading` first; it starts true). */
  const load = useCallback(
    (): Promise<void> =>
      calls
        .proposals({ jobId, limit: REVIEW_PAGE_SIZE, spelling: true })
        .then(async (page) => {
          const ids = [...new Set(page.proposals.map((p) => p.listingId))];
          const [pairs, matched] = await Promise.all([
            Promise.all(ids.map((id) => calls.listing(id).then((l) => [id, l] as const, () => null))),
            // Only the count: how many of this job's proposals "accept all matching" would cover.
            matchScope.kind === 'query'
              ? calls.proposals({ jobId, query: { filter: matchScope.filter, ...(matchScope.search === undefined ? {} : { search: matchScope.search }) }, limit: 1 }).then((m) => m.matching)
              : Promise.resolve(null),
          ]);
          const found = new Map<number, Listing>();
          for (const pair of pairs) if (pair !== null) found.set(pair[0], pair[1]);
          setListings(found);
          setSpelling(new Map(page.spelling.map((s) => [s.listingId, s.words])));
          setMatching(matched);
          setTotal({ changes: page.matching, listings: page.matchingListings });
          setProposals(page.proposals);
          setError(null);
        })
        .catch((err: unknown) => setError(errorMessage(err).message))
        .finally(() => setLoading(false)),
    [calls, jobId, matchScope],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const decide = useCallback(
    (selector: ProposalSelectorInput, accept: boolean) => {
      setBusy(true);
      setError(null);
      void (async () => {
        try {
          if (accept) {
            const result = await calls.accept(selector);
            const summary = result.changeSet?.summary;
            const stale = result.stale > 0 ? ` ${formatCount(result.stale, 'change was', 'changes were')} skipped: the listing changed after the proposal was made.` : '';
            const flagged =
              result.flagged > 0
                ? ` ${formatCount(result.flagged, 'flagged AI change was', 'flagged AI changes were')} left for you: each says why it was flagged, and is accepted only on its own.`
                : '';
            setOutcome(
              <>
                <strong>Accepted {formatCount(result.accepted, 'change', 'changes')} on {formatCount(result.listings, 'listing', 'listings')}.</strong>
                {summary !== undefined && <> You can undo “{summary}” with Undo in the toolbar or Ctrl+Z.</>}
                {stale}
                {flagged}
              </>,
            );
            const s = store.getState();
            s.showNotice(summary === undefined ? 'Nothing changed.' : `Done: ${summary}. Undo with ${navigator.platform.includes('Mac') ? '⌘Z' : 'Ctrl+Z'}.`);
            void s.refreshHistory();
          } else {
            const result = await calls.reject(selector);
            setOutcome(<strong>Rejected {formatCount(result.rejected, 'change', 'changes')}.</strong>);
          }
          setLoading(true);
          await load();
        } catch (err) {
          setError(errorMessage(err).message);
        } finally {
          setBusy(false);
        }
      })();
    },
    [calls, load, store],
  );

  const actions: Actions = { busy: busy || loading, decide };
  const groups = useMemo(() => groupByListing(proposals ?? []), [proposals]);
  const none = proposals !== null && proposals.length === 0;
  const more = proposals !== null && proposals.length >= REVIEW_PAGE_SIZE;
  const matchSelector: ProposalSelectorInput | null =
    matchScope.kind === 'query' ? { kind: 'query', filter: matchScope.filter, ...(matchScope.search === undefined ? {} : { search: matchScope.search }), jobId } : null;

  // One accept-all (and one reject-all): the grid's matching listings when it was filtered, else the whole job.
  const allSelector: ProposalSelectorInput = matchSelector ?? { kind: 'job', jobId };
  const allCount = matchSelector !== null ? matching : (total?.changes ?? null);
  const allDisabled = busy || loading || none || allCount === 0;
  const allLabel = allCount === null ? '' : ` ${formatInteger(allCount)}${matchSelector !== null ? ' matching' : ''}`;
  const footer = (
    <>
      <button type="button" className="btn" data-testid="review-close" onClick={onClose} disabled={busy}>
        Close
      </button>
      <button type="button" className="btn" data-testid="review-reject-all" disabled={allDisabled} onClick={() => decide(allSelector, false)}>
        Reject all{allLabel}
      </button>
      <button type="button" className="btn btn-primary" data-testid="review-accept-all" disabled={allDisabled} onClick={() => decide(allSelector, true)}>
        {busy ? 'Working…' : `Accept all${allLabel}`}
      </button>
    </>
  );

  return (
    <Modal
      titleId="review-title"
      title={`Review proposals — job #${jobId}`}
      subtitle={<span className="muted">Removed words are struck through in red, added ones in green. Nothing changes until you accept.</span>}
      onClose={() => {
        if (!busy) onClose();
      }}
      footer={footer}
      testId="review-dialog"
      size="wide"
      busy={busy || loading}
    >
      <div className="review" data-testid="review-body" data-count={proposals?.length ?? ''} data-loading={loading}>
        {outcome !== null && (
          <div className="callout callout-ok" role="status" data-testid="review-outcome">
            {outcome}
          </div>
        )}
        <ErrorCallout message={error} testId="review-error" />
        {none && (
          <p className="muted" data-testid="review-empty">
            Nothing left to review in this job.
          </p>
        )}
        {total !== null && total.changes > 0 && (
          <p className="review-total" data-testid="review-total" data-changes={total.changes} data-listings={total.listings}>
            <strong>
              {formatCount(total.changes, 'proposed change', 'proposed changes')} on {formatCount(total.listings, 'listing', 'listings')}
            </strong>{' '}
            left in this job.
          </p>
        )}
        {matchSelector !== null && matching !== null && (
          <div className="review-matching" data-testid="review-matching" data-count={matching}>
            <span className="review-matching-text">
              <strong data-testid="review-matching-count">{formatCount(matching, 'proposed change', 'proposed changes')}</strong> of this job{' '}
              {matching === 1 ? 'is on a listing' : 'are on listings'} matching the grid’s search and filters
              {matchLabel !== '' && <span className="muted"> ({matchLabel})</span>}: Accept all and Reject all cover only those.
            </span>
          </div>
        )}
        {proposals !== null && proposals.length > 0 && (
          <p className="muted review-page-note" data-testid="review-page-note">
            {more
              ? `The first ${formatInteger(proposals.length)} proposed changes; accept or reject them to see the next ones — or decide the whole job at once.`
              : `All of them are shown below.`}
          </p>
        )}
        {groups.map((g) => (
          <ListingReview key={g.listingId} group={g} listing={listings.get(g.listingId)} spelling={spelling.get(g.listingId)} actions={actions} />
        ))}
      </div>
    </Modal>
  );
}

export default ReviewDialog;
