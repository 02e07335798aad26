import type { SeededRandom } from '../../../core/catalog/seeded-random.js';

/** The ways a seller's file gets damaged: by editors, truncated downloads, bad copies. */
export const MUTATIONS = ['byteFlips', 'truncate', 'quotes', 'delimiters', 'nuls', 'bom', 'hugeField', 'lineEnds'] as const;
export type Mutation = (typeof MUTATIONS)[number];

const BOMS = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.alloc(0)];
/** Over the tokenizer's MAX_CELL_CHARS (1,000,000): the row must be rejected, not the file. */
const HUGE_FIELD_CHARS = 1_200_000;

/** Inserts `piece` at `count` random offsets. */
function insertAt(rng: SeededRandom, bytes: Buffer, count: number, piece: () => Buffer): Buffer {
  const offsets = Array.from({ length: count }, () => rng.int(0, bytes.length)).sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let last = 0;
  for (const offset of offsets) {
    parts.push(bytes.subarray(last, offset), piece());
    last = offset;
  }
  parts.push(bytes.subarray(last));
  return Buffer.concat(parts);
}

export function mutate(rng: SeededRandom, input: Buffer, mutation: Mutation): Buffer {
  const bytes = Buffer.from(input);
  switch (mutation) {
    case 'byteFlips':
      for (let n = rng.int(1, 20); n > 0 && bytes.length > 0; n--) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      return bytes;
    case 'truncate':
      return bytes.subarray(0, rng.int(0, bytes.length));
    case 'quotes':
      return insertAt(rng, bytes, rng.int(1, 10), () => Buffer.from(rng.pick(['"', '""', '"\n', '\n"', '"""'])));
    case 'delimiters':
      return insertAt(rng, bytes, rng.int(1, 20), () => Buffer.from(rng.pick([',', '\t', ';', '|', ',,,,', '\r\n'])));
    case 'nuls':
      return insertAt(rng, bytes, rng.int(1, 10), () => Buffer.alloc(rng.int(1, 8)));
    case 'bom': {
      const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      return Buffer.concat([rng.pick(BOMS), hasUtf8Bom && rng.chance(0.5) ? bytes.subarray(3) : bytes]);
    }
    case 'hugeField': {
      const field = rng.chance(0.5) ? `"${'x'.repeat(HUGE_FIELD_CHARS)}"` : 'y'.repeat(HUGE_FIELD_CHARS);
      // After a line break when there is one, so the huge cell starts a row's first field.
      const breaks = [...bytes.keys()].filter((i) => bytes[i] === 0x0a).slice(1, 200);
      const at = breaks.length > 0 ? rng.pick(breaks) + 1 : bytes.length;
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(`${field},`), bytes.subarray(at)]);
    }
    case 'lineEnds':
      return Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\n'])), 'latin1');
  }
}
