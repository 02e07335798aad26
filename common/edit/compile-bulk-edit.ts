import type { BulkEdit, EditableField, ListingChanges } from '../edit-types.js';
import type { Listing } from '../listing.js';
import { ContractError } from '../result.js';
import type { EditOutcome } from './edit-outcome.js';
import { FIELD_LABELS } from './field-labels.js';
import { compileReplacer } from './find-replace.js';
import { applyCurrencyConversion, applyPriceRule } from './price-edit.js';
import { sameFieldValue } from './same-value.js';
import { settableChange } from './set-field.js';
import { editTags, tagKey } from './tag-edit.js';

/** The fields of a listing a bulk edit reads; the core loads only `reads` of each listing. */
export type BulkSubject = Partial<Pick<Listing, EditableField>>;

/** The longest texts Listsmith stores (common/edit-types.ts listingChangesSchema). */
export const MAX_TEXT_LENGTH = { title: 10_000, description: 500_000 } as const;

export interface CompiledBulkEdit {
  readonly edit: BulkEdit;
  /** Fields `apply` reads from each listing. */
  readonly reads: readonly EditableField[];
  /** Fields `apply` may change. */
  readonly writes: readonly EditableField[];
  /** The edit on one listing: its changes (only fields that differ), null, or why not. */
  apply(subject: BulkSubject): EditOutcome;
}

/**
 * Checks a bulk edit once (a bad regex, a negative fixed price, "set status to banana" fail here
 * with a message, before any listing is read) and prepares it for applying to many listings.
 */
export function compileBulkEdit(edit: BulkEdit): CompiledBulkEdit {
  switch (edit.kind) {
    case 'set': {
      const change = settableChange(edit.field, edit.value);
      const field = edit.field;
      return compiled(edit, [field], [field], (subject) => (sameFieldValue(subject[field] ?? null, change[field]) ? null : change));
    }
    case 'status':
      return compiled(edit, ['status'], ['status'], (subject) => (subject.status === edit.status ? null : { status: edit.status }));
    case 'replace': {
      const replacer = compileReplacer(edit.find, edit.replace, edit);
      const fields = [...new Set(edit.fields)];
      return compiled(edit, fields, fields, (subject) => {
        const changes: ListingChanges = {};
        for (const field of fields) {
          const result = replacer.replaceAll(subject[field] ?? '', MAX_TEXT_LENGTH[field]);
          if (result === null) continue;
          if ('tooLong' in result) {
            return {
              problem: `Replacing would make the ${FIELD_LABELS[field]} ${result.tooLong.toLocaleString('en-US')} characters long; Listsmith stores at most ${MAX_TEXT_LENGTH[field].toLocaleString('en-US')}.`,
            };
          }
          changes[field] = result.text;
        }
        return Object.keys(changes).length === 0 ? null : changes;
      });
    }
    case 'tags': {
      const removing = new Set(edit.remove.map(tagKey));
      const both = edit.add.find((tag) => removing.has(tagKey(tag)));
      if (both !== undefined) throw new ContractError('invalid_input', `“${both}” is both added and removed. Keep it in one of the two lists.`);
      if (edit.add.length === 0 && edit.remove.length === 0) throw new ContractError('invalid_input', 'Name at least one tag to add or remove.');
      return compiled(edit, ['tags'], ['tags'], (subject) => {
        const tags = editTags(subject.tags ?? [], edit.add, edit.remove);
        return tags === null ? null : { tags };
      });
    }
    case 'price': {
      if (edit.op === 'set' && edit.amount < 0) throw new ContractError('invalid_input', 'A price cannot be negative. Enter 0 or more.');
      if (edit.op === 'percent' && edit.amount < -100) throw new ContractError('invalid_input', `A price cannot drop by more than 100 % (you entered ${edit.amount} %).`);
      return compiled(edit, ['priceMinor', 'currency'], ['priceMinor'], (subject) => applyPriceRule(edit, subject.priceMinor ?? null, subject.currency ?? 'USD'));
    }
    case 'currency': {
      if (edit.from === edit.to) throw new ContractError('invalid_input', `Converting ${edit.from} to ${edit.to} changes nothing. Pick two different currencies.`);
      return compiled(edit, ['priceMinor', 'currency'], ['priceMinor', 'currency'], (subject) =>
        applyCurrencyConversion(edit, subject.priceMinor ?? null, subject.currency ?? 'USD'),
      );
    }
    default:
      return unreachable(edit);
  }
}

function compiled(edit: BulkEdit, reads: readonly EditableField[], writes: readonly EditableField[], apply: (subject: BulkSubject) => EditOutcome): CompiledBulkEdit {
  return { edit, reads, writes, apply };
}

function unreachable(edit: never): never {
  throw new ContractError('invalid_input', `Unknown bulk edit ${JSON.stringify(edit)}.`);
}
