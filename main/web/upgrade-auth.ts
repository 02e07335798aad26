import { timingSafeEqual } from 'node:crypto';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../common/bridge.js';

export interface UpgradeRequest {
  path: string;
  host: string | undefined;
  origin: string | undefined;
  /** The raw Sec-WebSocket-Protocol header. */
  protocols: string | undefined;
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/** Host names a loopback page can legitimately be reached by (guards against DNS rebinding). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * The web transport's gate: only our own page (right Host and Origin) holding this launch's
 * random token may open the socket. Anything else is refused before the upgrade completes.
 */
export function checkUpgrade(request: UpgradeRequest, expected: { port: number; token: string }): UpgradeVerdict {
  if (request.path !== WS_PATH) return { ok: false, status: 404, reason: 'unknown path' };
  if (!hostAllowed(request.host, expected.port)) return { ok: false, status: 403, reason: 'foreign host' };
  const origins = allowedHosts(expected.port).map((host) => `http://${host}`);
  if (!request.origin || !origins.includes(request.origin.toLowerCase())) return { ok: false, status: 403, reason: 'foreign origin' };
  const offered = (request.protocols ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(WS_PROTOCOL)) return { ok: false, status: 400, reason: 'unsupported protocol' };
  const tokenProtocol = offered.find((p) => p.startsWith(WS_TOKEN_PREFIX));
  if (!tokenProtocol || !tokensEqual(tokenProtocol.slice(WS_TOKEN_PREFIX.length), expected.token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  return { ok: true };
}

/** Constant-time comparison of a presented token with this launch's token. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
