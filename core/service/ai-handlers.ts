import { ContractError } from '../../common/result.js';
import type { AiService } from '../ai/ai-service.js';
import type { Handlers } from './handlers-type.js';

type AiHandlers = Pick<Handlers, 'ai.status' | 'ai.configure' | 'ai.setKey' | 'ai.removeKey' | 'ai.testKey'>;

/** Methods that touch no catalog transaction (or wait on the network): the writer answers them at once, outside its call queue. */
export const AI_UNQUEUED_METHODS: ReadonlySet<string> = new Set(['ai.status', 'ai.testKey']);

const notHere = (): never => {
  throw new ContractError('internal', 'The API key is stored by the app host, not the catalog thread; this call should not reach it.');
};

const noAi = (): never => {
  throw new ContractError('internal', 'AI rewriting runs on the catalog writer only.');
};

/** AI settings on the writer (where the AI client and its rate limiter live). */
export function createAiHandlers(ai: AiService | undefined): AiHandlers {
  return {
    'ai.status': () => (ai ? ai.status() : noAi()),
    'ai.configure': (change) => (ai ? ai.configure({ ...(change.tier ? { tier: change.tier } : {}), ...(change.model ? { model: change.model } : {}) }) : noAi()),
    'ai.testKey': () => (ai ? ai.testKey() : noAi()),
    // Handled by the host (create-core.ts), which owns the secret store.
    'ai.setKey': notHere,
    'ai.removeKey': notHere,
  };
}
