/**
 * The renderer's Content-Security-Policy, shared by both transports so the Electron window and the
 * loopback web host enforce the same rules. Sent as a response HEADER (not a <meta> tag): a header
 * also covers `frame-ancestors` and cannot be removed by injected markup.
 *
 * Pure module: no Electron, no Node built-ins (the web host and tests import it too).
 */
const BASE_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  // Listing photos come from marketplace CDNs (https) or are inlined thumbnails (data:).
  ['img-src', "'self' https: data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

function serialize(directives: readonly (readonly [string, string])[]): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The CSP of the Electron build (served by the `app://` protocol handler on every response). */
export const RENDERER_CSP: string = serialize(BASE_DIRECTIVES);

/**
 * The CSP of the loopback web host (`npm run web`): the same policy, plus the page may open its
 * RPC WebSocket to the host on 127.0.0.1:<port> (`'self'` does not cover ws: in every browser).
 */
export function webCsp(port: number): string {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new RangeError(`webCsp: invalid port ${String(port)}`);
  }
  return serialize(
    BASE_DIRECTIVES.map(([name, value]) =>
      name === 'connect-src' ? ([name, `${value} ws://127.0.0.1:${port}`] as const) : ([name, value] as const),
    ),
  );
}
