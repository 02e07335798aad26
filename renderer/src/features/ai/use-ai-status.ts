import { useEffect, useState } from 'react';
import type { AiStatus } from '../../../../common/ai-types.js';
import { useClient } from '../../store/client-context.js';

/** The AI settings' status (key, model, daily budget) read once on mount; null until it answers or when it fails. */
export function useAiStatus(): AiStatus | null {
  const client = useClient();
  const [ai, setAi] = useState<AiStatus | null>(null);
  useEffect(() => {
    let live = true;
    client.call('ai.status', {}).then(
      (status) => live && setAi(status),
      () => live && setAi(null),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return ai;
}
