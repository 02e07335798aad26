import { ContractError } from '../../common/result.js';
import type { AiService } from '../ai/ai-service.js';
import type { Handlers } from './handlers-type.js';

type AiHandlers = Pick<Handlers, 'ai.status' | 'ai.configure' | 'ai.testKey'>;

const noAi = (): never => {
  throw new ContractError('internal', 'AI rewriting needs the AI client the catalog writer creates; this connection has none.');
};

/**
 * AI settings on the writer (where the AI client and its rate limiter live). The key itself is
 * stored by the host (core/host/host-handlers.ts), which owns the secret store.
 */
export function createAiHandlers(ai: AiService | undefined): AiHandlers {
  return {
    'ai.status': () => (ai ? ai.status() : noAi()),
    'ai.configure': (change) => (ai ? ai.configure({ ...(change.tier ? { tier: change.tier } : {}), ...(change.model ? { model: change.model } : {}) }) : noAi()),
    'ai.testKey': () => (ai ? ai.testKey() : noAi()),
  };
}
