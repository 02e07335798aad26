import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { MARKETPLACE_LABELS, STATUS_LABELS, type Listing } from '../../../../common/listing.js';
import { MAX_SCORE } from '../../../../common/rules/index.js';
import { formatDateTime } from '../../format.js';
import { TabList } from '../../ui/TabList.js';
import { useApp, useAppStore } from '../../store/context.js';
import { diffDraft, draftFromListing, isDirty, ruleInputOf, type Draft } from './draft.js';
import { useEditorStore, type EditorSession } from './editor-store.js';
import { AiRewriteButton } from '../ai/AiRewriteButton.js';
import { HistoryList } from '../history/HistoryList.js';
import { ListingEditor, useListingCheck, type ListingCheck } from './ListingEditor.js';
import { ruleLabel } from './rule-labels.js';
import './editor.css';

type PaneTab = 'edit' | 'history';
const SAVE_SHORTCUT = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘S' : 'Ctrl+S';

function scoreClass(score: number): string {
  return score >= 80 ? 'score-good' : score >= 50 ? 'score-fair' : 'score-poor';
}

/** The quality score with its explanation: every point lost, named by its rule. */
function ScoreExplanation({ check, marketplace }: { check: ListingCheck; marketplace: string }) {
  const lost = MAX_SCORE - check.score;
  return (
    <details className="score-details" data-testid="score-details">
      <summary className="score-summary">
        <span className={`score-pill ${scoreClass(check.score)}`} data-testid="detail-score" data-score={check.score} aria-label={`Quality score ${check.score} of 100`}>
          {check.score}
        </span>
        <span className="score-caption">
          Quality for {marketplace}
          {check.issues.length === 0 ? (
            <span className="muted"> · no issues</span>
          ) : (
            <span className="muted">
              {' '}
              · {check.errors > 0 && <span className="score-errors">{check.errors === 1 ? '1 error' : `${check.errors} errors`}</span>}
              {check.errors > 0 && check.warnings > 0 && ', '}
              {check.warnings > 0 && (check.warnings === 1 ? '1 warning' : `${check.warnings} warnings`)}
            </span>
          )}
        </span>
      </summary>
      <div className="score-body">
        {check.issues.length === 0 ? (
          <p className="muted">This listing passes every {marketplace} rule: 100 of 100.</p>
        ) : (
          <>
            <p className="muted">
              100 − {lost > 100 ? `${check.issues.reduce((n, i) => n + i.points, 0)} (capped at 0)` : lost} = {check.score}. Each point lost names its rule:
            </p>
            <ul className="score-issues" data-testid="score-issues">
              {check.issues.map((issue) => (
                <li key={issue.ruleId} className={`issue-${issue.severity}`} data-rule={issue.ruleId}>
                  <span className="score-points">−{issue.points}</span>
                  <span>
                    <span className="score-rule">{ruleLabel(issue.ruleId).name}</span>
                    <span className="score-message">{issue.message}</span>
                    <code className="score-rule-id">{issue.ruleId}</code>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}

function SaveBar({
  session,
  dirty,
  onSave,
  onDiscard,
  onReload,
}: {
  session: EditorSession | undefined;
  dirty: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onReload: () => void;
}) {
  const saving = session?.saving ?? false;
  const offline = useApp((s) => s.offline);
  const error = session?.error ?? null;
  const newer = session?.newer ?? null;
  const savedAt = session?.savedAt ?? null;
  // "Saved" shows for a few seconds after each successful save.
  const [savedNoteGone, setSavedNoteGone] = useState<number | null>(null);
  useEffect(() => {
    if (savedAt === null) return;
    const t = setTimeout(() => setSavedNoteGone(savedAt), 4_000);
    return () => clearTimeout(t);
  }, [savedAt]);
  const justSaved = savedAt !== null && savedNoteGone !== savedAt;
  const showReload = error?.kind === 'conflict' || newer !== null;
  return (
    <div className="save-bar" data-testid="save-bar">
      {error !== null && (
        <p className={`save-error save-error-${error.kind}`} role="alert" data-testid="save-error" data-kind={error.kind}>
          {error.message}
        </p>
      )}
      {error === null && newer !== null && (
        <p className="save-notice" role="status" data-testid="save-newer">
          This listing was changed elsewhere at {formatDateTime(newer.updatedAt)} (an import, a bulk edit or an undo). Reload to get that version — your unsaved edits are
          kept on top.
        </p>
      )}
      <div className="save-actions">
        <button type="button" className="btn btn-primary" data-testid="save-listing" disabled={!dirty || saving || offline} onClick={onSave} aria-keyshortcuts="Control+S Meta+S">
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn" data-testid="discard-listing" disabled={!dirty || saving} onClick={onDiscard}>
          Discard
        </button>
        {showReload && (
          <button type="button" className="btn" data-testid="reload-listing" disabled={saving} onClick={onReload}>
            Reload
          </button>
        )}
        <span className="save-status" role="status" data-testid="save-status">
          {saving ? 'Saving…' : dirty && offline ? 'Unsaved changes, kept until the connection is back' : dirty ? 'Unsaved changes' : justSaved ? 'Saved' : ''}
        </span>
        <span className="save-hint muted" aria-hidden="true">
          {SAVE_SHORTCUT}
        </span>
      </div>
    </div>
  );
}

function LoadedDetail({ listing, loading, onClose }: { listing: Listing; loading: boolean; onClose: () => void }) {
  const appStore = useAppStore();
  const editor = useEditorStore();
  const session = useStore(editor, (s) => s.sessions[listing.id]);
  const [tab, setTab] = useState<PaneTab>('edit');

  useEffect(() => {
    editor.getState().open(listing);
    editor.getState().prune(listing.id);
  }, [editor, listing]);

  const base = session?.base ?? listing;
  const fallbackDraft = useMemo(() => draftFromListing(listing), [listing]);
  const draft = session?.draft ?? fallbackDraft;
  const diff = useMemo(() => diffDraft(base, draft), [base, draft]);
  const dirty = isDirty(diff);
  const ruleInput = useMemo(() => ruleInputOf(base, draft), [base, draft]);
  const check = useListingCheck(ruleInput, base.marketplace);
  const saving = session?.saving ?? false;
  // Lost connection: the fields keep the draft but take no typing until the core answers again.
  const offline = useApp((s) => s.offline);

  // Keeps the grid and the pane on the saved version at once (catalog.changed refreshes them too).
  const showSaved = useCallback(
    (saved: Listing) => {
      const d = appStore.getState().detail;
      if (d !== null && d.id === saved.id && (d.listing === null || d.listing.updatedAt <= saved.updatedAt)) {
        appStore.setState({ detail: { id: saved.id, listing: saved, loading: false, error: null } });
      }
    },
    [appStore],
  );
  const save = useCallback(() => {
    void editor
      .getState()
      .save(listing.id)
      .then((saved) => {
        if (saved !== null) showSaved(saved);
      });
  }, [editor, listing.id, showSaved]);
  const onEdit = useCallback((patch: Partial<Draft>) => editor.getState().edit(base, patch), [editor, base]);

  // Ctrl/Cmd+S saves from anywhere while the pane is open (and never opens the browser's "Save page").
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const marketplace = MARKETPLACE_LABELS[base.marketplace] ?? base.marketplace;
  return (
    <>
      <div className="detail-head">
        <span className="muted">Listing {listing.id}</span>
        {dirty && (
          <span className="dirty-dot" data-testid="detail-dirty" title="Unsaved changes">
            <span aria-hidden="true">●</span> Unsaved
          </span>
        )}
        {loading && <span className="spinner" aria-label="Loading" />}
        <button type="button" className="icon-button" aria-label="Close details" data-testid="detail-close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="detail-summary">
        <h2 className="detail-title" data-testid="detail-title">
          {base.title}
        </h2>
        <div className="detail-badges">
          <span className={`mp mp-${base.marketplace}`}>{marketplace}</span>
          <span className={`status status-${base.status}`}>{STATUS_LABELS[base.status] ?? base.status}</span>
          {base.sourceId !== null && <span className="muted mono" title="Marketplace id">#{base.sourceId}</span>}
          {base.sku !== null && (
            <span className="muted mono" data-testid="detail-sku" title="SKU">
              {base.sku}
            </span>
          )}
          {base.brand !== null && (
            <span className="muted" data-testid="detail-brand">
              by {base.brand}
            </span>
          )}
        </div>
        <ScoreExplanation check={check} marketplace={marketplace} />
        <AiRewriteButton key={base.id} listing={base} dirty={dirty} />
        <TabList
          tabs={[
            {
              id: 'edit',
              label: (
                <>
                  Edit
                  {dirty && <span className="tab-dot" aria-label="(unsaved changes)" />}
                </>
              ),
            },
            { id: 'history', label: 'History' },
          ]}
          selected={tab}
          onSelect={setTab}
          label="Listing views"
          prefix="pane"
          panelId={(id) => `pane-panel-${id}`}
        />
      </div>
      <div className="detail-body" role="tabpanel" id={`pane-panel-${tab}`} aria-labelledby={`pane-tab-${tab}`}>
        {tab === 'edit' ? (
          <ListingEditor base={base} draft={draft} check={check} problems={diff.problems} onEdit={onEdit} disabled={saving || offline} />
        ) : (
          <HistoryList key={listing.id} listing={base} onReverted={showSaved} />
        )}
      </div>
      {tab === 'edit' && (
        <SaveBar
          session={session}
          dirty={dirty}
          onSave={save}
          onDiscard={() => editor.getState().discard(listing.id)}
          onReload={() => void editor.getState().reload(listing.id)}
        />
      )}
    </>
  );
}

export function DetailPane() {
  const detail = useApp((s) => s.detail);
  const closeDetail = useApp((s) => s.closeDetail);
  if (detail === null) return null;
  return (
    <aside className="detail detail-editing" aria-label="Listing details" data-testid="detail-pane" data-listing-id={detail.id} aria-busy={detail.loading}>
      {detail.listing !== null && detail.listing.id === detail.id ? (
        <LoadedDetail listing={detail.listing} loading={detail.loading} onClose={closeDetail} />
      ) : (
        <>
          <div className="detail-head">
            <span className="muted">Listing {detail.id}</span>
            {detail.loading && <span className="spinner" aria-label="Loading" />}
            <button type="button" className="icon-button" aria-label="Close details" data-testid="detail-close" onClick={closeDetail}>
              ×
            </button>
          </div>
          <div className="detail-body">
            {detail.error !== null ? (
              <p className="detail-error" role="alert">
                {detail.error}
              </p>
            ) : (
              <div className="detail-skeleton" data-state="loading">
                <span className="skeleton-bar" />
                <span className="skeleton-bar short" />
                <span className="skeleton-bar" />
              </div>
            )}
          </div>
        </>
      )}
    </aside>
  );
}
