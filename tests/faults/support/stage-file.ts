import { copyFileSync } from 'node:fs';
import { reserveStagedFile } from '../../../core/host/file-staging.js';

/** Stages `path` for import.preview / import.start as an upload would, and returns its file id. */
export function stageFile(stagingDir: string, path: string, name = 'fault.jsonl'): string {
  const staged = reserveStagedFile(stagingDir, name);
  copyFileSync(path, staged.path);
  return staged.fileId;
}
