/** Editing listings, pure: bulk edits, hard limits, incremental quality, summaries. */
export { bulkEditSummary, describeBulkEdit, listingEditSummary } from './change-summary.js';
export { compileBulkEdit, MAX_TEXT_LENGTH, type BulkSubject, type CompiledBulkEdit } from './compile-bulk-edit.js';
export { currencyDigits } from './currency-digits.js';
export { isEditProblem, type EditOutcome, type EditProblem } from './edit-outcome.js';
export { FIELD_LABELS } from './field-labels.js';
export { compileReplacer, escapeRegExp, type TextReplacer } from './find-replace.js';
export { hardLimitViolations, type HardLimitViolation } from './hard-limits.js';
export { applyCurrencyConversion, applyPriceRule, formatMinor } from './price-edit.js';
export { qualityAfterChange, type QualityAfterChange } from './quality-delta.js';
export { expandReplacement } from './replacement-template.js';
export { roundPrice } from './round-price.js';
export { RULE_FIELD_OF } from './rule-fields.js';
export { sameFieldValue } from './same-value.js';
export { settableChange } from './set-field.js';
export { editTags, tagKey } from './tag-edit.js';
