import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a request path to a file inside `root`, or null when the path tries to leave it
 * (`..`, encoded dots, absolute or drive paths, backslashes, NUL). Both the Electron `app://`
 * protocol and the web host serve the renderer through this one guard.
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) return null;
  const trimmed = decoded === '/' ? '/index.html' : decoded;
  if (trimmed.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  if (/^\/[a-zA-Z]:/.test(trimmed) || trimmed.startsWith('//')) return null;
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, `.${trimmed}`);
  const rel = relative(absoluteRoot, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function mimeType(filePath: string): string {
  return MIME[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
