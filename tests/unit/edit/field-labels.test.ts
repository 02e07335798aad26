import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS } from '../../../common/edit-types.js';
import { FIELD_LABELS, FIELD_TITLES, fieldTitle } from '../../../common/edit/field-labels.js';
import { fieldLabel } from '../../../renderer/src/features/import/import-labels.js';
import { ruleLabel } from '../../../renderer/src/features/edit/rule-labels.js';

/* One table of field names (issue 18): the renderer's words for fields come from common/edit/field-labels. */
describe('field labels', () => {
  it('headings are the sentence names with a capital', () => {
    expect(FIELD_TITLES.images).toBe('Images');
    expect(FIELD_TITLES.sku).toBe('SKU');
    expect(FIELD_TITLES.attributes).toBe('Item specifics');
    for (const field of EDITABLE_FIELDS) expect(FIELD_TITLES[field].toLowerCase()).toBe(FIELD_LABELS[field].toLowerCase());
  });

  it('a listing\'s images have one name in every place', () => {
    expect(FIELD_LABELS.images).toBe('images');
    expect(fieldLabel('images')).toBe(FIELD_TITLES.images);
    expect(ruleLabel('ebay.images.min_count').name).toBe(`Too few ${FIELD_LABELS.images}`);
  });

  it('names every alias of a field the same', () => {
    expect(FIELD_LABELS.price).toBe(FIELD_LABELS.priceMinor);
    expect(fieldTitle('priceMinor')).toBe('Price');
    expect(fieldTitle('variants')).toBe('Variants');
    expect(fieldTitle('toString')).toBeNull();
    expect(fieldTitle('nope')).toBeNull();
  });
});
