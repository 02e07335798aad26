import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ContractError } from '../../common/result.js';

/**
 * Files the user hands the app (dropped or picked for import) and files the app hands back
 * (exports) are staged in one folder under opaque ids. The renderer only ever holds ids, never
 * paths, so it cannot make the core read or write anywhere else. Both transports serve
 * `POST /files` (stage an upload) and `GET /files/<id>` (download) over this folder.
 */
export interface StagedFile {
  fileId: string;
  /** The name to show and to suggest when saving; never used as a path. */
  name: string;
  path: string;
  sizeBytes: number;
  createdAt: number;
}

const FILE_ID = /^[a-f0-9]{32}$/;
/** Staged files older than this are removed when the host starts. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function newFileId(): string {
  return randomBytes(16).toString('hex');
}

export function isFileId(value: string): boolean {
  return FILE_ID.test(value);
}

/** Keeps only a plain, printable file name (no folders, no control characters). */
export function safeDisplayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 200) || 'file';
}

export function stagedFilePath(stagingDir: string, fileId: string): string {
  if (!isFileId(fileId)) throw new ContractError('invalid_input', 'That file reference is not valid. Pick the file again.');
  return join(stagingDir, fileId);
}

/** Reserves an id and path for a new staged file and records its display name. */
export function reserveStagedFile(stagingDir: string, name: string): StagedFile {
  mkdirSync(stagingDir, { recursive: true });
  const fileId = newFileId();
  const file: StagedFile = { fileId, name: safeDisplayName(name), path: join(stagingDir, fileId), sizeBytes: 0, createdAt: Date.now() };
  writeFileSync(`${file.path}.json`, JSON.stringify({ name: file.name, createdAt: file.createdAt }));
  return file;
}

export function readStagedFile(stagingDir: string, fileId: string): StagedFile {
  const path = stagedFilePath(stagingDir, fileId);
  try {
    const meta = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as { name: string; createdAt: number };
    return { fileId, name: meta.name, path, sizeBytes: statSync(path).size, createdAt: meta.createdAt };
  } catch {
    throw new ContractError('not_found', 'That file is no longer available (files you drop or pick are kept for a day). Pick it again.');
  }
}

/** Removes staged files older than a day; a crashed session's leftovers do not pile up. */
export function sweepStagingDir(stagingDir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(stagingDir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(stagingDir, name);
    try {
      if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
    } catch {
      // Already gone or unreadable: nothing to sweep.
    }
  }
}
