/**
 * Props for a button that opens a lazily loaded dialog or panel: hovering or focusing it starts
 * loading that code, so the click opens it at once.
 */
export function preloadOn(load: () => Promise<unknown>): { onPointerEnter: () => void; onFocus: () => void } {
  const start = () => void load();
  return { onPointerEnter: start, onFocus: start };
}
