/**
 * The `app://listsmith/` origin: renderer files served from out/renderer by a privileged custom
 * scheme instead of file:// (a real origin, fetch support, and a CSP HEADER on every response).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, mimeTypeFor, resolveAppUrl } from './resolve-app-url.js';

/** Must run BEFORE `app` is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer', // listing photos load from marketplace CDNs: send them nothing
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/** Serves `rendererRoot` on `app://listsmith/` (default session). Call once, after ready. */
export function serveAppProtocol(rendererRoot: string, csp: string, onError?: (message: string, err: unknown) => void): void {
  const notFound = (): Response =>
    new Response('Not found', { status: 404, headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' } });

  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { ...securityHeaders(csp), Allow: 'GET, HEAD' } });
    }
    const file = resolveAppUrl(request.url, rendererRoot);
    if (file === null) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(csp), 'Content-Type': mimeTypeFor(file), 'Content-Length': String(body.byteLength) },
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') onError?.(`app:// could not read ${file}`, err);
      return notFound();
    }
  });
}
