/**
 * Which links may leave the app for the user's browser (`shell.openExternal`). Pure, unit tested.
 * Only plain https URLs, parsed with `new URL` (never prefix matching): no http, javascript:,
 * file:, data:, custom protocols (which could launch other apps), no embedded credentials.
 */
const MAX_EXTERNAL_URL_LENGTH = 2048;

export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(url)) return false; // whitespace/controls/backslashes: refuse, do not normalise
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.hostname === '' || !url.toLowerCase().startsWith('https://')) return false;
  return true;
}
