import type { InsertType, SelectType } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import type { CatalogDatabase } from '../../../core/catalog/schema.js';
import { tempDbPath } from './temp-catalog.js';

/**
 * The kysely schema (core/catalog/schema.ts) is written by hand beside the migrations; every row
 * type in core derives from it. This test keeps the two from drifting: each table and view of a
 * freshly migrated catalog has exactly the columns the schema declares, with the same SQL type,
 * nullability and default.
 */

/** What the schema's TypeScript type says about one column, as values the test can compare. */
type ColumnFacts<C> = {
  sqlType: NonNullable<SelectType<C>> extends number ? 'INTEGER' : 'TEXT';
  nullable: null extends SelectType<C> ? true : false;
  /** Generated<…>: an INSERT may leave it out (a DEFAULT, or the rowid alias). */
  generated: undefined extends InsertType<C> ? true : false;
};

/**
 * Written out once per column; TypeScript rejects a missing or extra table or column, and any
 * value that differs from the schema type's facts — so this table is the schema, seen at run time.
 */
type SchemaFacts = { [T in keyof CatalogDatabase]-?: { [C in keyof CatalogDatabase[T]]-?: ColumnFacts<CatalogDatabase[T][C]> } };

const I = { sqlType: 'INTEGER', nullable: false, generated: false } as const;
const IN = { sqlType: 'INTEGER', nullable: true, generated: false } as const;
const IG = { sqlType: 'INTEGER', nullable: false, generated: true } as const;
const T = { sqlType: 'TEXT', nullable: false, generated: false } as const;
const TN = { sqlType: 'TEXT', nullable: true, generated: false } as const;
const TG = { sqlType: 'TEXT', nullable: false, generated: true } as const;

const LISTINGS = {
  id: IG, marketplace: T, source_id: TN, sku: TN, title: T, description: TG, tags: TG, materials: TG, images: TG,
  category: TN, brand: TN, condition: TN, attributes: TG, status: T, variant_count: IG, created_at: I, import_id: IN,
  quality_score: IN, error_count: IN, failing_rules: TG, ai_fields: IG,
} as const;
const OFFERS = { id: I, price_minor: IN, currency: TG, quantity: IN, updated_at: I } as const;
const { id: _offerId, ...OFFER_COLUMNS } = OFFERS;

const FACTS: SchemaFacts = {
  listings: LISTINGS,
  listing_offers: OFFERS,
  listing_rows: { ...LISTINGS, ...OFFER_COLUMNS },
  variants: { id: IG, listing_id: I, position: IG, sku: TN, options: TG, price_minor: IN, quantity: IN, image: TN, columns: TN },
  listing_sources: { listing_id: I, data: T },
  listing_snapshots: { change_set_id: I, listing_id: I, data: T },
  change_set_created: { change_set_id: I, first_id: I, last_id: I },
  revisions: { id: IG, listing_id: I, author: T, created_at: I, changes: T, change_set_id: IN },
  proposals: {
    id: IG, listing_id: I, job_id: IN, field: T, before_value: TN, after_value: TN, rule: TN, state: TG, created_at: I,
    changes: TG, decided_at: IN, change_set_id: IN,
  },
  jobs: {
    id: IG, kind: T, state: TG, priority: IG, payload: TG, attempts: IG, lease_expires_at: IN, error: TN, created_at: I,
    updated_at: I, auto_apply: IG, total: IG, done: IG, failed: IG, started_at: IN, finished_at: IN, change_set_id: IN, paused_at: IN,
  },
  job_items: { job_id: I, listing_id: I, state: TG, attempts: IG, next_attempt_at: IG, lease_owner: TN, lease_expires_at: IN, error: TN },
  imports: { id: IG, file_name: T, dialect: TN, encoding: TN, started_at: I, finished_at: IN, counts: TG, report: TG },
  settings: { key: T, value: T },
  listing_counts: { marketplace: T, status: T, n: I },
  bulk_write: { marker: I },
  batch_counts: { marker: I },
  pending_indexes: { name: T, sql: T },
  listings_unindexed: { id: I },
  change_sets: {
    id: IG, author: T, kind: T, summary: T, listing_count: IG, state: TG, undoable: IG, created_at: I, updated_at: I,
  },
  score_counts: { bucket: I, n: I },
  error_counts: { has_errors: I, n: I },
  rule_counts: { rule_id: T, n: I },
};

/** Tables kysely does not describe, with the reason: full-text search is raw SQL (MATCH, bm25, 'delete' commands). */
const NOT_IN_SCHEMA = /^listings_fts(_data|_idx|_docsize|_config|_content)?$/;

interface TableInfoColumn {
  name: string;
  type: string;
  notnull: 0 | 1;
  dflt_value: string | null;
  pk: number;
}

describe('the kysely schema matches the migrations', () => {
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  const { db } = catalog;
  const objects = db.prepare("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; type: string }[];
  const described = objects.filter(({ name }) => !NOT_IN_SCHEMA.test(name));
  const viewNames = new Set(objects.filter(({ type }) => type === 'view').map(({ name }) => name));

  it('describes every table and view the migrations create, and no other', () => {
    expect(described.map(({ name }) => name).sort()).toEqual(Object.keys(FACTS).sort());
  });

  it.each(described.map(({ name }) => name))('%s: same columns, SQL types, nullability and defaults', (table) => {
    const columns = db.pragma(`table_info(${table})`) as TableInfoColumn[];
    const declared = FACTS[table as keyof CatalogDatabase] as Record<string, { sqlType: string; nullable: boolean; generated: boolean }>;
    expect(columns.map((column) => column.name).sort()).toEqual(Object.keys(declared).sort());
    const isView = viewNames.has(table);
    const rowidAlias = columns.filter((column) => column.pk > 0).length === 1 ? columns.find((column) => column.pk === 1 && column.type === 'INTEGER')?.name : undefined;
    for (const column of columns) {
      const facts = declared[column.name]!;
      const where = `${table}.${column.name}`;
      expect(column.type, where).toBe(facts.sqlType);
      // A view's columns carry no constraints in table_info: their facts come from its tables, checked there.
      if (isView) continue;
      expect(column.notnull === 0 && column.pk === 0, `${where} nullable`).toBe(facts.nullable);
      // A column with a DEFAULT is Generated<…>; a Generated column has a DEFAULT or is the rowid alias.
      if (column.dflt_value !== null) expect(facts.generated, `${where} has DEFAULT ${column.dflt_value}`).toBe(true);
      if (facts.generated) expect(column.dflt_value !== null || column.name === rowidAlias, `${where} is Generated without a default`).toBe(true);
    }
  });
});
