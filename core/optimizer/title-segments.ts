/**
 * A title as sellers write it: segments joined by separators ("Necklace - Gift for Her | Silver").
 * Whole segments are the safe unit to move or drop: inside a segment, words depend on each other.
 */

/** A spaced dash/bar/slash/bullet, or a comma/semicolon followed by a space. "T-Shirt", "Gold/Silver", "1,000" are not separators. */
const SEPARATOR = /\s+[-–—|•·~*/]+\s+|\s*[,;]\s+/g;

export interface Segments {
  parts: string[];
  /** separators[i] joins parts[i] and parts[i + 1]. */
  separators: string[];
}

export function splitSegments(title: string): Segments {
  const parts: string[] = [];
  const separators: string[] = [];
  let from = 0;
  SEPARATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEPARATOR.exec(title)) !== null) {
    parts.push(title.slice(from, m.index));
    separators.push(m[0]);
    from = m.index + m[0].length;
  }
  parts.push(title.slice(from));
  return { parts, separators };
}

export function joinSegments({ parts, separators }: Segments): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) out += (separators[i - 1] ?? ' - ') + parts[i];
  return out;
}

/** Removes segment `index` with the separator that introduced it (or, for the first, the one after it). */
export function withoutSegment(segments: Segments, index: number): Segments {
  const parts = segments.parts.filter((_, i) => i !== index);
  const separators = segments.separators.filter((_, i) => i !== (index === 0 ? 0 : index - 1));
  return { parts, separators };
}

/** Segment `index` moved to the front; the separator that followed the old first segment joins it. */
export function segmentFirst(segments: Segments, index: number): Segments {
  if (index <= 0) return segments;
  const rest = withoutSegment(segments, index);
  const joiner = segments.separators[index - 1] ?? ' - ';
  return { parts: [segments.parts[index] ?? '', ...rest.parts], separators: [joiner, ...rest.separators] };
}
