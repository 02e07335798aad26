import { useEffect } from 'react';
import { aiUnavailable } from '../ai/ai-blocked.js';
import { useAiStatus } from '../ai/use-ai-status.js';
import { formatDateTime } from '../../format.js';

export type OptimizeMethod = 'optimize' | 'ai';

/**
 * "How": the offline rule optimizer, or AI rewriting through Groq (title, description, tags).
 * The AI option says why it cannot be used (no key, daily budget used up) instead of failing later.
 */
export function OptimizeMethodChooser({ method, onChoose, disabled }: { method: OptimizeMethod; onChoose: (method: OptimizeMethod) => void; disabled: boolean }) {
  const ai = useAiStatus();

  const paused = ai?.usage.pausedUntil ?? null;
  const aiBlocked = aiUnavailable(ai) ?? (paused !== null ? `Groq’s daily budget is used up until ${formatDateTime(paused)}.` : null);
  useEffect(() => {
    if (aiBlocked !== null && method === 'ai' && ai !== null) onChoose('optimize');
  }, [aiBlocked, method, ai, onChoose]);

  return (
    <fieldset className="scope-group" disabled={disabled} data-testid="optimize-method">
      <legend className="field-label">How</legend>
      <label className={`scope-option${method === 'optimize' ? ' on' : ''}`}>
        <input type="radio" name="optimize-method" value="optimize" checked={method === 'optimize'} onChange={() => onChoose('optimize')} data-testid="optimize-method-rules" />
        <span>
          Rule optimizer
          <span className="scope-count muted">offline, on this computer: titles, tags, descriptions and prices by the marketplace’s rules</span>
        </span>
      </label>
      <label className={`scope-option${method === 'ai' ? ' on' : ''}${aiBlocked !== null ? ' disabled' : ''}`}>
        <input type="radio" name="optimize-method" value="ai" checked={method === 'ai'} disabled={aiBlocked !== null} onChange={() => onChoose('ai')} data-testid="optimize-method-ai" />
        <span>
          AI rewrite (Groq{ai ? `, ${ai.model}` : ''})
          <span className="scope-count muted" data-testid="optimize-method-ai-note">
            {aiBlocked ?? 'titles, descriptions and tags rewritten by the model, checked against the rules; you review every change'}
          </span>
        </span>
      </label>
    </fieldset>
  );
}
