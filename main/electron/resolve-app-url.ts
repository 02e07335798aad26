/**
 * The `app://` protocol's path guard: maps a request URL to a file inside the renderer root, or
 * `null` for anything that is not plainly a file under it. Pure (node:path only) so it is unit
 * tested in plain Node; the Electron handler in protocol.ts turns `null` into a 404.
 *
 * Defence in depth: Chromium already normalises `..` in standard-scheme URLs before the handler
 * sees them, but this guard REJECTS suspicious input (raw or percent-encoded dot segments,
 * backslashes, NUL and other control characters, absolute or drive paths, other hosts, credentials,
 * ports) instead of normalising it, and finally checks that the resolved path is inside the root.
 */
import { resolveStaticPath } from '../../core/host/static-path.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'listsmith';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads; `/` is served as index.html. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

const MAX_URL_LENGTH = 2048;
// Raw shape: app://listsmith[/path][?query][#fragment] — authority exactly our host (no user, no port).
const RAW_APP_URL = /^app:\/\/listsmith(\/[^?#]*)?(?:[?#].*)?$/i;
// C0 controls (incl. NUL, tab, CR, LF) and DEL: the URL parser silently strips some of them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** True for a URL of our own origin (`app://listsmith/…`), the only pages allowed to call the core. */
export function isAppUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || CONTROL_CHARS.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    RAW_APP_URL.test(url)
  );
}

/**
 * Absolute path of the file `requestUrl` names inside `rendererRoot`, or null when the URL is not a
 * plain `app://listsmith/<relative path>` (the caller answers 404). `/` maps to index.html. The
 * path itself goes through the guard the web host uses too.
 */
export function resolveAppUrl(requestUrl: string, rendererRoot: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  return resolveStaticPath(rendererRoot, RAW_APP_URL.exec(requestUrl)?.[1] ?? '/');
}

export { mimeType as mimeTypeFor } from '../../core/host/static-path.js';
