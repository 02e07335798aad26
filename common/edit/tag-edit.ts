/**
 * Adds and removes tags, comparing case-insensitively (and across Unicode normalisation forms):
 * removing "Gift" removes "gift" and "GIFT"; adding "Vintage" to a listing tagged "vintage" adds
 * nothing; adding the same tag twice adds it once. Kept tags keep their order and spelling; new
 * ones go at the end as typed. Returns null when the tags would not change.
 */
export function editTags(tags: readonly string[], add: readonly string[], remove: readonly string[]): string[] | null {
  const removing = new Set(remove.map(tagKey));
  const kept = removing.size === 0 ? [...tags] : tags.filter((tag) => !removing.has(tagKey(tag)));
  const present = new Set(kept.map(tagKey));
  for (const tag of add) {
    const key = tagKey(tag);
    if (present.has(key)) continue;
    present.add(key);
    kept.push(tag);
  }
  if (kept.length === tags.length && kept.every((tag, i) => tag === tags[i])) return null;
  return kept;
}

/** The identity of a tag: trimmed, NFC, lower case. */
export function tagKey(tag: string): string {
  return tag.trim().normalize('NFC').toLowerCase();
}
