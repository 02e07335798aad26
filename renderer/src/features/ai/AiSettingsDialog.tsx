import { useCallback, useState } from 'react';
import { AI_TIER_NAMES, type AiStatus, type AiTierName } from '../../../../common/ai-types.js';
import { formatDateTime, formatInteger } from '../../format.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { aiCalls } from './ai-calls.js';
import { Modal } from '../../ui/Modal.js';
import { usePolling } from '../../ui/use-polling.js';

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

const TIER_LABELS: Record<AiTierName, string> = { free: 'Free', developer: 'Developer (paid)' };
/** Offered before the key's own model list is fetched. */
const KNOWN_MODELS = ['llama-3.1-8b-instant', 'llama-3.3-70b-versatile', 'openai/gpt-oss-20b', 'openai/gpt-oss-120b'];
const REFRESH_MS = 5_000;

/**
 * Tools › AI settings: paste, test and remove the Groq key (stored by the app, never shown again), the
 * tier and model the rate limiter plans for, and today's usage with the budget Groq reports left.
 */
export function AiSettingsDialog({ onClose }: { onClose: () => void }) {
  const calls = useCalls(aiCalls);
  const [ai, setAi] = useState<AiStatus | null>(null);
  const [key, setKey] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirmRemove, setConfirmRemove] = useState(false);

  const load = useCallback(() => {
    calls.status().then(setAi, (err: unknown) => setStatus({ kind: 'error', message: errorMessage(err).message }));
  }, [calls]);
  usePolling(load, REFRESH_MS);

  const busy = status.kind === 'busy';
  const fail = (err: unknown) => setStatus({ kind: 'error', message: errorMessage(err).message });

  const test = () => {
    setStatus({ kind: 'busy', what: 'Testing the key with Groq…' });
    calls.testKey().then((result) => {
      setStatus(result.ok ? { kind: 'done', message: result.message } : { kind: 'error', message: result.message });
      load();
    }, fail);
  };

  const save = () => {
    setStatus({ kind: 'busy', what: 'Saving the key…' });
    calls.setKey(key).then((next) => {
      setKey('');
      setAi(next);
      test();
    }, fail);
  };

  const remove = () => {
    setConfirmRemove(false);
    setStatus({ kind: 'busy', what: 'Removing the key…' });
    calls.removeKey().then((next) => {
      setAi(next);
      setStatus({ kind: 'done', message: 'The key was removed. AI rewriting is off until you add one.' });
    }, fail);
  };

  const configure = (change: { tier?: AiTierName; model?: string }) => {
    calls.configure(change).then(setAi, fail);
  };

  const models = ai ? [...new Set([...(ai.models ?? KNOWN_MODELS), ai.model])].sort() : KNOWN_MODELS;
  const keyLine = ai
    ? ai.key.source === 'environment'
      ? 'A key is set in the environment (GROQ_API_KEY); it is used while set.'
      : ai.key.present
        ? `A key is saved (${ai.key.protection ?? 'stored by the app'}).`
        : 'No key yet. AI rewriting needs a Groq API key (console.groq.com › API Keys); the rule optimizer works without one.'
    : 'Loading…';

  return (
    <Modal titleId="ai-settings-title" title="AI rewriting (Groq)" subtitle="Your key stays on this computer and is only sent to Groq." onClose={onClose} testId="ai-settings-dialog" busy={busy}>
      {status.kind === 'busy' && <p role="status">{status.what}</p>}
      {status.kind === 'done' && (
        <p role="status" className="callout callout-ok" data-testid="ai-settings-message">
          {status.message}
        </p>
      )}
      {status.kind === 'error' && (
        <p role="alert" className="callout callout-error" data-testid="ai-settings-message">
          {status.message}
        </p>
      )}

      <section className="ai-section" aria-labelledby="ai-key-heading">
        <h3 id="ai-key-heading">API key</h3>
        <p data-testid="ai-key-state">{keyLine}</p>
        {ai?.key.warning && <p className="callout callout-warn">{ai.key.warning}</p>}
        <form
          className="ai-key-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (key.trim().length > 0) save();
          }}
        >
          <label htmlFor="ai-key-input">{ai?.key.present ? 'Replace the key' : 'Paste your key'}</label>
          <input
            id="ai-key-input"
            data-testid="ai-key-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="gsk_…"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={busy || key.trim().length === 0} data-testid="ai-key-save">
            Save and test
          </button>
        </form>
        <div className="ai-key-actions">
          <button type="button" className="btn" onClick={test} disabled={busy || !ai?.key.present} data-testid="ai-key-test">
            Test key
          </button>
          {ai?.key.source === 'stored' &&
            (confirmRemove ? (
              <span className="confirm-inline">
                Remove the saved key?{' '}
                <button type="button" className="btn btn-danger" onClick={remove}>
                  Remove
                </button>{' '}
                <button type="button" className="btn" onClick={() => setConfirmRemove(false)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" className="btn" onClick={() => setConfirmRemove(true)} disabled={busy} data-testid="ai-key-remove">
                Remove key…
              </button>
            ))}
        </div>
      </section>

      <section className="ai-section" aria-labelledby="ai-plan-heading">
        <h3 id="ai-plan-heading">Plan and model</h3>
        <div className="ai-plan">
          <label>
            Groq plan
            <select data-testid="ai-tier" value={ai?.tier ?? 'free'} disabled={!ai} onChange={(e) => configure({ tier: e.target.value as AiTierName })}>
              {AI_TIER_NAMES.map((tier) => (
                <option key={tier} value={tier}>
                  {TIER_LABELS[tier]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Model
            <select data-testid="ai-model" value={ai?.model ?? ''} disabled={!ai} onChange={(e) => configure({ model: e.target.value })}>
              {models.map((model) => (
                <option key={model} value={model}>
                  {model}
                </option>
              ))}
            </select>
          </label>
        </div>
        {ai && (
          <p className="muted">
            Listsmith paces requests to {formatInteger(ai.limits.rpm)} requests and {formatInteger(ai.limits.tpm)} tokens a minute ({formatInteger(ai.limits.rpd)} requests a day), and follows what Groq reports.
            {ai.models === null ? ' Test the key to list the models it can use.' : ''}
          </p>
        )}
      </section>

      {ai && (
        <section className="ai-section" aria-labelledby="ai-usage-heading">
          <h3 id="ai-usage-heading">Today</h3>
          <table className="table" aria-label="AI usage today" data-testid="ai-usage">
            <tbody>
              <tr>
                <th scope="row">Requests sent</th>
                <td data-testid="ai-requests-today">{formatInteger(ai.usage.requestsToday)}</td>
              </tr>
              <tr>
                <th scope="row">Tokens used</th>
                <td>{formatInteger(ai.usage.tokensToday)}</td>
              </tr>
              <tr>
                <th scope="row">Requests left today (Groq)</th>
                <td>{ai.usage.remainingRequestsToday === null ? '— (known after the first request)' : formatInteger(ai.usage.remainingRequestsToday)}</td>
              </tr>
              <tr>
                <th scope="row">Tokens left this minute (Groq)</th>
                <td>{ai.usage.remainingTokensThisMinute === null ? '—' : formatInteger(ai.usage.remainingTokensThisMinute)}</td>
              </tr>
            </tbody>
          </table>
          {ai.usage.pausedUntil !== null && (
            <p className="callout callout-warn" data-testid="ai-paused">
              The daily budget is used up: AI jobs wait until {formatDateTime(ai.usage.pausedUntil)}. The rule optimizer works meanwhile.
            </p>
          )}
          {ai.lastError && <p className="callout callout-error">Last problem: {ai.lastError}</p>}
        </section>
      )}
    </Modal>
  );
}
