import { useEffect } from 'react';

/** Runs `load` now and every `ms` while the component is shown (a settings dialog's live status). */
export function usePolling(load: () => void, ms: number): void {
  useEffect(() => {
    load();
    const timer = setInterval(load, ms);
    return () => clearInterval(timer);
  }, [load, ms]);
}
