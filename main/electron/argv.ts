/**
 * The file a launch asks us to open (`listsmith listings.csv`, "Open with…", a second launch
 * forwarded by the single-instance lock). Pure, tested. Skips the executable, Electron/Chromium
 * switches, our own app path (`electron .` in development), `--db` and its value, and anything that
 * is not an importable file type.
 */
import { extname, isAbsolute, resolve } from 'node:path';
import { IMPORTABLE_EXTENSIONS } from '../../common/importable-files.js';
const SWITCHES_WITH_VALUE = new Set(['--db', '--user-data-dir', '--remote-debugging-port', '--inspect']);

export function fileArgFromArgv(argv: readonly string[], options: { cwd?: string; isPackaged?: boolean } = {}): string | null {
  // argv[0] is the executable; in development argv[1] is the app folder ('.').
  const args = argv.slice(options.isPackaged === false ? 2 : 1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') continue;
    if (arg.startsWith('-')) {
      if (SWITCHES_WITH_VALUE.has(arg)) i += 1; // its value is not a file to open
      continue;
    }
    if (arg.length > 4096 || arg.includes('\0')) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) && !arg.startsWith('file://')) continue; // URLs are not files
    const path = arg.startsWith('file://') ? decodeFileUrl(arg) : arg;
    if (path === null) continue;
    if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) continue;
    return isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path);
  }
  return null;
}

function decodeFileUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    const path = decodeURIComponent(parsed.pathname);
    return process.platform === 'win32' && /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
  } catch {
    return null;
  }
}
