/**
 * Files the operating system asks Listsmith to open — macOS "Open with Listsmith" and drops on the
 * Dock icon (`open-file`), a file named on the command line, a second launch's file — held in
 * arrival order until a window can show the import wizard, then handed over one by one. macOS
 * sends `open-file` before the app is ready when it starts Listsmith for the file, so nothing may
 * assume a window exists. Pure: main.ts wires it to Electron; tested in Node.
 */
import { extname, isAbsolute } from 'node:path';
import { IMPORTABLE_EXTENSIONS } from '../../common/importable-files.js';

const MAX_PATH_LENGTH = 4096;

/** The path when it names a file the import can read (absolute, importable extension), else null. */
export function importableOpenPath(path: unknown): string | null {
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH || path.includes('\0')) return null;
  if (!isAbsolute(path)) return null;
  return (IMPORTABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase()) ? path : null;
}

export type OpenFileOutcome = 'opened' | 'queued' | 'ignored';

export class OpenFileQueue {
  private readonly pending: string[] = [];
  private open: ((path: string) => void) | null = null;

  /** A file to open: opened at once when a window is ready, else kept (once) for later. */
  push(path: unknown): OpenFileOutcome {
    const file = importableOpenPath(path);
    if (file === null) return 'ignored';
    if (this.open) {
      this.open(file);
      return 'opened';
    }
    if (!this.pending.includes(file)) this.pending.push(file);
    return 'queued';
  }

  /** A window can show the import wizard: hands over what waited, then opens new files directly. */
  ready(open: (path: string) => void): void {
    this.open = open;
    for (const file of this.pending.splice(0)) open(file);
  }

  /** The last window closed (macOS keeps the app running): hold files until a window is back. */
  notReady(): void {
    this.open = null;
  }

  /** Files waiting for a window, oldest first. */
  waiting(): readonly string[] {
    return [...this.pending];
  }
}
