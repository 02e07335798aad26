import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../common/desktop-types.js';
import { UpdateBanner } from '../../../renderer/src/features/update/UpdateBanner.js';

const html = (state: UpdateState | null) => renderToStaticMarkup(createElement(UpdateBanner, { state, onRestart: () => {}, onDismiss: () => {} }));

describe('UpdateBanner', () => {
  it('shows progress while downloading and "Restart to update" when ready', () => {
    expect(html({ status: 'downloading', version: '1.3.0', percent: 41.6 })).toContain('Downloading Listsmith 1.3.0 — 42 %');
    const ready = html({ status: 'ready', version: '1.3.0' });
    expect(ready).toContain('Restart to update');
    expect(ready).toContain('data-update-status="ready"');
  });
  it('says nothing while idle, checking or disabled', () => {
    for (const state of [null, { status: 'idle' }, { status: 'checking' }, { status: 'disabled', reason: 'dev' }] as const) expect(html(state)).toBe('');
  });
});
