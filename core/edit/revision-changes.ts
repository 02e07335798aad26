import type { EditableField, FieldChange } from '../../common/edit-types.js';
import { isEditableField } from './field-columns.js';

/**
 * A revision's `changes` JSON: field → {before, after}. Parsed defensively (a hand-edited file
 * must degrade to "no changes shown", never to a crash); a missing side reads as null.
 */
export function parseRevisionChanges(text: string): Record<string, FieldChange> {
  const result: Record<string, FieldChange> = {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return result;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return result;
  for (const [field, change] of Object.entries(value)) {
    if (typeof change !== 'object' || change === null) continue;
    const { before, after } = change as { before?: unknown; after?: unknown };
    result[field] = { before: before ?? null, after: after ?? null };
  }
  return result;
}

/** Only the fields an edit can set (imports also record variants and source ids). */
export function editableChanges(changes: Record<string, FieldChange>): Partial<Record<EditableField, FieldChange>> {
  const result: Partial<Record<EditableField, FieldChange>> = {};
  for (const [field, change] of Object.entries(changes)) if (isEditableField(field)) result[field] = change;
  return result;
}
