/**
 * The loopback host prints a URL with `#token=…`. On first load the token is read from the
 * fragment, kept in sessionStorage (survives reloads of this tab only) and removed from the address
 * bar so it is not bookmarked, shared or shown.
 */

export const TOKEN_STORAGE_KEY = 'listsmith.token';

/** The token this page load uses (set by takeToken); also sent with file uploads/downloads. */
let currentToken: string | null = null;

/** The token taken at start-up (web transport), or null (Electron, or not connected). */
export function pageToken(): string | null {
  return currentToken;
}

/** Extracts the token from a location hash such as "#token=abc" or "#foo=1&token=abc". */
export function tokenFromHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return null;
  const value = new URLSearchParams(body).get('token');
  return value !== null && /^[A-Za-z0-9._~-]{1,512}$/.test(value) ? value : null;
}

/** Reads the token (fragment first, then sessionStorage) and strips the fragment. Browser only. */
export function takeToken(): string | null {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash !== null) {
    try {
      window.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage disabled: the token still works for this page load.
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    currentToken = fromHash;
    return fromHash;
  }
  try {
    currentToken = window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    currentToken = null;
  }
  return currentToken;
}
