/**
 * A refresh that runs once at a time: a call while it runs gets the running call's promise and asks
 * for exactly one more run after it, so what changed meanwhile is read once, not once per change.
 * `busy(true)` is called when a run starts from idle, `busy(false)` when the last one ends.
 */
export function oneAtATime(run: () => Promise<void>, busy?: (running: boolean) => void): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let again = false;
  return () => {
    if (inFlight !== null) {
      again = true;
      return inFlight;
    }
    busy?.(true);
    inFlight = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        inFlight = null;
        busy?.(false);
      }
    })();
    return inFlight;
  };
}
