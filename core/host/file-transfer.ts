import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { ContractError } from '../../common/result.js';
import { readStagedFile, reserveStagedFile, type StagedFile } from './file-staging.js';

/** The largest file the app accepts for import (bytes). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/**
 * Streams an upload (a dropped or picked file) into the staging folder; a partial file is removed
 * when the stream fails or exceeds the size limit. Used by both transports' `POST /files`.
 */
export async function stageUpload(stagingDir: string, name: string, body: Readable, maxBytes = MAX_UPLOAD_BYTES): Promise<StagedFile> {
  const file = reserveStagedFile(stagingDir, name);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) callback(new ContractError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 ** 3)} GB, which Listsmith cannot import in one go. Split it and import the parts.`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(file.path));
  } catch (error) {
    rmSync(file.path, { force: true });
    rmSync(`${file.path}.json`, { force: true });
    if (error instanceof ContractError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOSPC') throw new ContractError('disk_full', 'The disk is full, so the file could not be received. Free some space and try again.');
    throw new ContractError('internal', `The file could not be received (${(error as Error).message}). Try again.`);
  }
  return { ...file, sizeBytes: size };
}

/** A staged file (an export) ready to stream back, with a safe download name. */
export function openDownload(stagingDir: string, fileId: string): { file: StagedFile; stream: Readable; contentDisposition: string } {
  const file = readStagedFile(stagingDir, fileId);
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    file,
    stream: createReadStream(file.path),
    contentDisposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  };
}

/** The display name the renderer sends (percent-encoded, as header values must be ASCII). */
export function decodeFileNameHeader(value: string | null | undefined): string {
  if (!value) return 'file';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const FILES_PATH = '/files';
export const FILE_TOKEN_HEADER = 'x-listsmith-token';
export const FILE_NAME_HEADER = 'x-file-name';

/** `/files/<id>` → id, or null. */
export function fileIdFromPath(path: string): string | null {
  const match = /^\/files\/([a-f0-9]{32})$/.exec(path);
  return match ? match[1]! : null;
}
