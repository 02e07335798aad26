/**
 * Choices the renderer remembers between sessions in the page's localStorage (the import currency
 * per format, price rules per marketplace, the bulk edit's currency rates).
 */

/** The page's localStorage, or null where the browser refuses it (storage disabled, a sandboxed page). */
export function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The JSON object stored under `key`: {} when there is none, or it cannot be read or is not an object. */
export function readRemembered(key: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(localStore()?.getItem(key) ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Stores `value` as JSON under `key`. Full or blocked storage only means it is not remembered. */
export function remember(key: string, value: unknown): void {
  try {
    localStore()?.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the choice still applies now.
  }
}
