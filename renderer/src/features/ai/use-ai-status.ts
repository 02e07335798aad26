import { useEffect, useState } from 'react';
import type { AiStatus } from '../../../../common/ai-types.js';
import { useCalls } from '../../store/client-context.js';
import { aiCalls } from './ai-calls.js';

/** The AI settings' status (key, model, daily budget) read once on mount; null until it answers or when it fails. */
export function useAiStatus(): AiStatus | null {
  const calls = useCalls(aiCalls);
  const [ai, setAi] = useState<AiStatus | null>(null);
  useEffect(() => {
    let live = true;
    calls.status().then(
      (status) => live && setAi(status),
      () => live && setAi(null),
    );
    return () => {
      live = false;
    };
  }, [calls]);
  return ai;
}
