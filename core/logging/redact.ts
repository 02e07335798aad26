/**
 * Secrets never reach a log file. `redact` masks, in any text:
 *   - Groq API keys (`gsk_…`) and other bearer-style API keys we might handle (`sk-…`, `xoxb-…`),
 *   - `Authorization: Bearer …` / `Basic …` headers (and `"authorization":"…"` in JSON),
 *   - `api_key=…`, `apikey: …`, `access_token=…`, `password=…`, `secret=…`, `token=…`, including
 *     in URLs (`?token=…`, `&api_key=…`) and fragments (`#token=…` — the web harness's address),
 *   - the WebSocket token sub-protocol (`token.<hex>`),
 *   - user:password@ in URLs,
 *   - e-mail addresses (optional, on by default: error lines often quote a listing's contact).
 * `redactValue` applies it through strings, Errors (message + stack), arrays and plain objects,
 * and masks values of secret-looking keys (`apiKey`, `authorization`, `token`, …) whatever they hold.
 * Used as an electron-log hook in the shell and in the Node logger (core/logging/node-logger.ts).
 */
export const MASK = '[redacted]';

export interface RedactOptions {
  emails?: boolean;
}

const SECRET_KEY = /^(?:api[-_]?key|apikey|x-api-key|authorization|proxy-authorization|auth|password|passwd|secret|client[-_]?secret|token|access[-_]?token|refresh[-_]?token|id[-_]?token|session[-_]?token|groq[-_]?api[-_]?key|cookie|set-cookie)$/i;

const PATTERNS: [RegExp, string | ((...m: string[]) => string)][] = [
  // Authorization headers: keep the scheme, mask the credentials.
  [/\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(bearer|basic|token|digest)\s+[^\s"',;]+/gi, (_m, head, scheme) => `${head}${scheme} ${MASK}`],
  [/\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?!bearer|basic|token|digest)[^\s"',;]{8,}/gi, (_m, head) => `${head}${MASK}`],
  [/\bbearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, `Bearer ${MASK}`],
  // Known key formats anywhere (Groq first).
  [/\bgsk_[A-Za-z0-9]{8,}/g, MASK],
  [/\bsk-(?:proj-)?[A-Za-z0-9_-]{16,}/g, MASK],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, MASK],
  // key=value in URLs, query strings, fragments, env dumps, form bodies.
  [/([?#&;\s"'{,(]|^)((?:api[-_]?key|apikey|access[-_]?token|refresh[-_]?token|id[-_]?token|token|auth|password|passwd|secret|client[-_]?secret|sig|signature|key)\s*[=:]\s*["']?)([^\s&#"',;)}]+)/gim, (_m, pre, key) => `${pre}${key}${MASK}`],
  // JSON-ish "apiKey": "value"
  [/("(?:api[-_]?key|apikey|access[-_]?token|refresh[-_]?token|token|password|secret|client[-_]?secret|groq[-_]?api[-_]?key)"\s*:\s*")([^"]*)(")/gi, (_m, a, _v, c) => `${a}${MASK}${c}`],
  // Our WebSocket token sub-protocol.
  [/\btoken\.[A-Za-z0-9_-]{16,}/g, `token.${MASK}`],
  // Credentials in URLs.
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, (_m, scheme) => `${scheme}${MASK}@`],
];

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

export function redact(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement as never);
  if (options.emails ?? true) out = out.replace(EMAIL, '[email]');
  return out;
}

/** Deep redaction of log arguments. Returns new values; never mutates the caller's objects. */
export function redactValue(value: unknown, options: RedactOptions = {}, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redact(value, options);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 6) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redact(value.message, options));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redact(value.stack, options);
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) (copy as { code?: unknown }).code = code;
    if (value.cause !== undefined) copy.cause = redactValue(value.cause, options, depth + 1, seen);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, options, depth + 1, seen));
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && inner !== undefined && inner !== null && inner !== '' ? MASK : redactValue(inner, options, depth + 1, seen);
  }
  return out;
}

/** electron-log hook (shell and Node logger alike): redacts every argument of every message. */
export function redactLogMessage<M extends { data: unknown[] }>(message: M): M {
  return { ...message, data: message.data.map((item) => redactValue(item)) };
}
