/** Cuts at the last word boundary within `max` characters (code points), never mid-word when avoidable. */
export function truncateAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const space = cut.search(/\s\S*$/);
  return (space > max * 0.5 ? cut.slice(0, space) : cut).trimEnd();
}

export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** "Blue Linen Shirt!" → "blue-linen-shirt" (Shopify handle characters: a-z, 0-9, dashes). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

export function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value.trim() !== '';
}
