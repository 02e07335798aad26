import { describe, expect, it } from 'vitest';
import { editTags } from '../../../common/edit/index.js';

describe('editTags', () => {
  it('adds at the end, skipping tags already there in any case', () => {
    expect(editTags(['vintage', 'Gift'], ['gift', 'Retro', 'retro', 'VINTAGE'], [])).toEqual(['vintage', 'Gift', 'Retro']);
  });

  it('removes every spelling of a tag', () => {
    expect(editTags(['Gift', 'gift ', 'GIFT', 'mug'], [], ['gift'])).toEqual(['mug']);
  });

  it('removes and adds in one go, keeping order and spelling of kept tags', () => {
    expect(editTags(['a', 'Sale', 'b'], ['New'], ['sale'])).toEqual(['a', 'b', 'New']);
  });

  it('compares across Unicode normalisation forms', () => {
    const decomposed = 'cafe\u0301';
    expect(editTags([decomposed], ['Café'], [])).toBeNull();
    expect(editTags([decomposed], [], ['CAFÉ'])).toEqual([]);
  });

  it('returns null when nothing changes', () => {
    expect(editTags(['a', 'b'], ['A'], ['c'])).toBeNull();
    expect(editTags([], [], ['c'])).toBeNull();
  });
});
