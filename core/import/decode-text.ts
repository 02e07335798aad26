import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { TextEncoding } from '../../common/import-types.js';
import { ContractError } from '../../common/result.js';
import { codePageOf, type CodePage } from './code-page.js';
import { isPacked, oldWorkbookMessage, unpackFile } from './packed-file.js';

/**
 * Streaming decode of an export file: BOM sniffing, strict UTF-8 with a reported fallback to
 * Shift_JIS (Japanese text) or else Windows-1252 (decided on the head of the file), refusal of
 * binary and empty files. The text arrives as chunks, never the whole file (an Excel workbook or ZIP
 * archive is unpacked first, packed-file.ts).
 */

export const HEAD_BYTES = 256 * 1024;

export interface DecodedText {
  encoding: TextEncoding;
  encodingNote: string | null;
  /** Which sheet of an Excel workbook or which file of a ZIP archive was read (null: a plain file). */
  containerNote: string | null;
  /** The decoded head of the file (up to HEAD_BYTES), for sniffing; the chunks repeat it. */
  head: string;
  /** Decoded text, in order; BOM removed. One pass only. */
  chunks(): AsyncIterable<string>;
  bytesRead(): number;
  totalBytes: number;
}

const CODE_PAGE_NAMES: Record<CodePage, string> = {
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'windows-1250': 'Windows-1250 (Central European)',
};

function decoderLabel(encoding: TextEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a BOM: every other byte is NUL in mostly-Latin text.
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  if (sample.length >= 8) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 0) evenNul++;
      if (sample[i + 1] === 0) oddNul++;
    }
    const pairs = sample.length / 2;
    if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
    if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

function looksBinary(head: Uint8Array): boolean {
  const sample = head.subarray(0, Math.min(head.length, 8192));
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.1;
}

/** Valid UTF-8 apart from a sequence cut off by the end of the head? */
function isUtf8Head(head: Uint8Array, complete: boolean): boolean {
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    decoder.decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Japanese text in Shift_JIS (amazon.co.jp writes its reports so): the head decodes strictly, and
 * what is not ASCII is Japanese — kana among it. Windows-1252 text decoded this way gives
 * half-width katakana and private-use characters, and kana only from `‚`/`ƒ` pairs, so it fails.
 */
function isShiftJisHead(head: Uint8Array, complete: boolean): boolean {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return false;
  }
  let kana = 0;
  let japanese = 0;
  let other = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if (code >= 0x3040 && code <= 0x30ff) kana++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff9f)) japanese++;
    else other++;
  }
  return kana >= 2 && kana + japanese >= (kana + japanese + other) * 0.9;
}

export async function decodeFile(path: string, fileName = path): Promise<DecodedText> {
  const { size } = await stat(path);
  if (size === 0) {
    throw new ContractError('invalid_input', `"${fileName}" is empty (0 bytes). Export your listings again from the marketplace and pick the new file.`);
  }
  const handle = await open(path, 'r');
  let headBytes: Uint8Array;
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    headBytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const oldWorkbook = oldWorkbookMessage(fileName, headBytes);
  if (oldWorkbook !== null) throw new ContractError('invalid_input', oldWorkbook);
  if (isPacked(headBytes)) {
    const unpacked = await unpackFile(path, fileName);
    const { bytes } = unpacked;
    if (bytes.length === 0) throw new ContractError('invalid_input', `"${unpacked.fileName}" is empty (0 bytes). Export your listings again and pick the new file.`);
    return decodeBytes({ size: bytes.length, head: bytes.subarray(0, HEAD_BYTES), read: (start) => slices(bytes, start) }, unpacked.fileName, unpacked.note);
  }
  return decodeBytes({ size, head: headBytes, read: (start) => createReadStream(path, { start, highWaterMark: CHUNK_BYTES }) }, fileName, null);
}

const CHUNK_BYTES = 256 * 1024;

/** Where the bytes come from: the file on disk, or what a workbook or archive unpacked to. */
interface ByteSource {
  size: number;
  head: Uint8Array;
  read(start: number): AsyncIterable<Uint8Array> & { destroy?: () => void };
}

async function* slices(bytes: Uint8Array, start: number): AsyncGenerator<Uint8Array> {
  for (let at = start; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

function decodeBytes(source: ByteSource, fileName: string, unpackNote: string | null): DecodedText {
  const { size, head: headBytes } = source;
  const { encoding: sniffed, bomLength } = sniffEncoding(headBytes);
  let encoding: TextEncoding = sniffed;
  let encodingNote: string | null = null;
  const isUtf16 = sniffed === 'utf-16le' || sniffed === 'utf-16be';
  if (!isUtf16 && looksBinary(headBytes.subarray(bomLength))) {
    throw new ContractError(
      'invalid_input',
      `"${fileName}" is not a text export (it contains binary data — perhaps a picture, a PDF or a Numbers file renamed). Export your listings from your shop as CSV, Excel (.xlsx), JSON or XML, and import that file.`,
    );
  }
  if (isUtf16 && bomLength === 0) encodingNote = `No byte-order mark: read as ${sniffed.toUpperCase()} because every other byte is empty`;
  if (!isUtf16 && !isUtf8Head(headBytes.subarray(bomLength), headBytes.length === size)) {
    if (isShiftJisHead(headBytes.subarray(bomLength), headBytes.length === size)) {
      encoding = 'shift_jis';
      encodingNote = 'Not valid UTF-8: read as Shift_JIS, the Japanese encoding (check the text below)';
    } else {
      encoding = codePageOf(headBytes.subarray(bomLength));
      encodingNote = `Not valid UTF-8: read as ${CODE_PAGE_NAMES[encoding]} (check the letters below)`;
    }
  }
  const headText = new TextDecoder(decoderLabel(encoding)).decode(headBytes.subarray(bomLength), { stream: headBytes.length < size });
  if (headText.replace(/[\s,;\t|]/g, '') === '') {
    throw new ContractError('invalid_input', `"${fileName}" has no data in it (only blank lines or separators). Export your listings again and pick the new file.`);
  }

  let consumed = 0;
  const strictUtf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  return {
    encoding,
    encodingNote,
    containerNote: unpackNote,
    head: headText,
    totalBytes: size,
    bytesRead: () => consumed,
    async *chunks() {
      const decoder = new TextDecoder(decoderLabel(encoding), { fatal: strictUtf8 });
      const stream = source.read(bomLength);
      let approxLine = 1;
      try {
        for await (const chunk of stream) {
          let text: string;
          try {
            text = decoder.decode(chunk, { stream: true });
          } catch {
            throw new ContractError(
              'invalid_input',
              `"${fileName}" stops being valid UTF-8 near line ${approxLine} (byte ${consumed + bomLength}): parts of the file were saved in another encoding. Nothing was imported from it. Open it in a spreadsheet and save it again as "CSV UTF-8".`,
            );
          }
          consumed += chunk.length;
          if (text.length > 0) {
            approxLine += countNewlines(text);
            yield text;
          }
        }
        const rest = decoder.decode();
        if (rest.length > 0) yield rest;
      } catch (err) {
        if (err instanceof ContractError) throw err;
        if (err instanceof TypeError) {
          throw new ContractError('invalid_input', `"${fileName}" ends in the middle of a character (incomplete UTF-8). Export it again.`);
        }
        throw err;
      } finally {
        stream.destroy?.();
      }
    },
  };
}

function countNewlines(text: string): number {
  let n = 0;
  let i = text.indexOf('\n');
  while (i !== -1) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}
