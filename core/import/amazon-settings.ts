import { withoutPlace } from './amazon-attribute-keys.js';

/**
 * The first row of Amazon's current templates and Category Listings Report: `settings=feedType=…&
 * primaryMarketplaceId=amzn1.mp.o.APJ6JRA9NG5V4&labelRow=4&attributeRow=5&dataRow=7&…`, split
 * over A1, B1 (`settings2=…`), C1 (`settings3=…`) when longer than an Excel cell holds. It says
 * which row holds the column keys and where the listings start (the rows between hold Amazon's
 * example), the marketplace, and — base64 JSON in `attributeSettings` — what each localized value
 * of a drop-down stands for (`Crea o modifica` → `partial_update`, `Principale` → `parent`).
 */

export interface AmazonSettings {
  /** 1-based row of the labels the seller reads ("SKU", "Nome dell'articolo"), when stated. */
  labelRow: number | null;
  /** 1-based row of the attribute keys (`contribution_sku#1.value`…), when stated. */
  attributeRow: number | null;
  /** 1-based row of the first listing, when stated. */
  dataRow: number | null;
  /** `APJ6JRA9NG5V4`, when stated. */
  marketplaceId: string | null;
  /** Per attribute path without its marketplace and language (withoutPlace): lower-cased localized value → Amazon's value. */
  aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const FIRST_CELL = /^settings=/i;

/**
 * Is this the settings row (A1 of a current Amazon template or report)? Amazon's Vendor Central
 * template puts it in J1, after `TemplateType=Dynamic`, `Version=…`: a `TemplateType=` row is one
 * when its settings say which row holds the keys (an older flat file's settings do not: its keys
 * are under its labels row).
 */
export function isAmazonSettingsRow(cells: readonly string[]): boolean {
  const first = (cells[0] ?? '').replace(/^\uFEFF/, '').trim();
  if (FIRST_CELL.test(first)) return true;
  return /^TemplateType=/i.test(first) && cells.some((cell) => FIRST_CELL.test(cell.trim()) && /[=&]attributeRow=\d/.test(cell));
}

/** Reads the settings row; anything unreadable in it is left out (the defaults then hold). */
export function parseAmazonSettings(cells: readonly string[]): AmazonSettings {
  const query = cells
    .map((cell) => cell.replace(/^\uFEFF/, '').trim())
    .filter((cell) => /^settings\d*=/i.test(cell))
    .map((cell) => cell.replace(/^settings\d*=/i, ''))
    .join('');
  const params = new URLSearchParams(query);
  const row = (name: string): number | null => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  return {
    labelRow: row('labelRow'),
    attributeRow: row('attributeRow'),
    dataRow: row('dataRow'),
    marketplaceId: /^amzn1\.mp\.o\.([A-Z0-9]+)$/.exec(params.get('primaryMarketplaceId') ?? '')?.[1] ?? null,
    aliases: aliasesOf(params.get('attributeSettings')),
  };
}

function aliasesOf(encoded: string | null): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  if (encoded === null || encoded === '') return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return out;
  }
  if (!Array.isArray(parsed)) return out;
  for (const entry of parsed as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { attribute, aliases } = entry as { attribute?: unknown; aliases?: unknown };
    if (typeof attribute !== 'string' || typeof aliases !== 'object' || aliases === null) continue;
    const values = new Map<string, string>();
    for (const [shown, value] of Object.entries(aliases as Record<string, unknown>)) if (typeof value === 'string') values.set(shown.trim().toLowerCase(), value);
    out.set(withoutPlace(attribute), values);
  }
  return out;
}

/** The value Amazon stores for a cell of column `key` (`Principale` → `parent`), or the cell as written. */
export function amazonValue(settings: AmazonSettings | null, key: string, cell: string): string {
  const value = cell.trim();
  // A drop-down's default is shown as "(Default) Create or Replace" / "(Impostazione predefinita) Crea o modifica".
  const shown = value.replace(/^\([^)]*\)\s*/, '').toLowerCase();
  const aliases = settings?.aliases.get(withoutPlace(key));
  return aliases?.get(shown) ?? aliases?.get(value.toLowerCase()) ?? value;
}
