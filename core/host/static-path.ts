import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

// C0 controls (incl. NUL, tab, CR, LF) and DEL: URL parsers silently strip some of them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Maps a raw (still percent-encoded) request path to a file inside `root`, or null for anything
 * that is not plainly a file under it. Suspicious input — raw or encoded dot segments, backslashes,
 * encoded slashes, drive letters, control characters, empty segments — is REJECTED rather than
 * normalised, then the resolved path must still lie inside the root. Both the Electron `app://`
 * protocol and the web host serve the renderer through this one guard.
 */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  if (!rawPath.startsWith('/') || rawPath.includes('\\') || CONTROL_CHARS.test(rawPath)) return null;
  const rawSegments = rawPath === '/' ? ['index.html'] : rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      segment.includes('/') ||
      segment.includes('\\') ||
      segment.includes(':') ||
      CONTROL_CHARS.test(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, ...segments);
  const rel = relative(absoluteRoot, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !file.startsWith(absoluteRoot + sep)) return null;
  return file;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Content-Type for a renderer file; unknown extensions are opaque bytes (never sniffed as HTML). */
export function mimeType(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
