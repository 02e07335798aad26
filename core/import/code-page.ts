/**
 * Which Windows code page a file that is not UTF-8 was saved in: Excel and older shop tools write
 * the seller's own. Read in the wrong one, every title of a Russian or Polish shop comes out as
 * "Ñâèòåð" or "z³oty" — kept, but not the seller's text.
 *
 * - Cyrillic (1251): words are written wholly in letters above 0x7F, so most of those bytes stand
 *   in runs of three or more letters. Western text (1252) has its accents one or two at a time.
 * - Central European (1250): ą ł ś ż ź ľ ť read in 1252 as ¹ ³ œ ¿ Ÿ ¾ — signs beside letters,
 *   which Western text does not have.
 */
export type CodePage = 'windows-1251' | 'windows-1250' | 'windows-1252';

/** 1251's letters: А–я (0xC0–0xFF), Ё and ё. */
const isCyrillicLetter = (b: number): boolean => b >= 0xc0 || b === 0xa8 || b === 0xb8;
const isAsciiLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
/** Letters in 1250 that 1252 reads as signs (or has no character for): Ą Ł Ś Ź Ż ą ł ś ź ż ľ ť Ť. */
const CENTRAL_MARKS = new Set([0xa5, 0xa3, 0x8c, 0x8f, 0xaf, 0xb9, 0xb3, 0x9c, 0x9f, 0xbf, 0xbe, 0x9d, 0x8d]);

export function codePageOf(bytes: Uint8Array): CodePage {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  let marks = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x20;
    if (b >= 0x80) high++;
    if (isCyrillicLetter(b)) {
      run++;
      continue;
    }
    if (run >= 3) inRuns += run;
    run = 0;
    if (CENTRAL_MARKS.has(b) && (isAsciiLetter(bytes[i - 1] ?? 0) || (bytes[i + 1] ?? 0) >= 0x61 && (bytes[i + 1] ?? 0) <= 0x7a)) marks++;
  }
  if (high >= 20 && inRuns >= high * 0.6) return 'windows-1251';
  if (marks >= 3 && marks >= high * 0.2) return 'windows-1250';
  return 'windows-1252';
}
