import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import type { HandlerContext } from '../../../core/service/handlers-type.js';
import { createImportHandlers } from '../../../core/service/import-handlers.js';
import { tempDbPath } from '../catalog/temp-catalog.js';

const ctx: HandlerContext = {
  emit: () => undefined,
  startOperation: () => {
    throw new Error('not used');
  },
};

describe('import presets', () => {
  it('are saved newest first, a name replaces its older preset, and they survive reopening the catalog', async () => {
    const path = tempDbPath();
    const catalog = openCatalog(path, { role: 'writer' });
    const handlers = createImportHandlers(catalog, '/nonexistent');
    expect(await handlers['import.presets']({}, ctx)).toEqual([]);
    await handlers['import.savePreset']({ name: 'a', dialect: 'shopify', mapping: { '1': 'title' } }, ctx);
    await handlers['import.savePreset']({ name: 'b', dialect: 'generic_csv', mapping: {} }, ctx);
    const saved = await handlers['import.savePreset']({ name: 'a', dialect: 'shopify', mapping: { '2': 'title' } }, ctx);
    expect(saved.map((preset) => [preset.name, preset.mapping])).toEqual([
      ['a', { '2': 'title' }],
      ['b', {}],
    ]);
    catalog.close();

    const reopened = openCatalog(path, { role: 'writer' });
    expect(await createImportHandlers(reopened, '/nonexistent')['import.presets']({}, ctx)).toEqual(saved);
    reopened.close();
  });

  it('keeps the newest 50', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const handlers = createImportHandlers(catalog, '/nonexistent');
    for (let i = 0; i < 55; i++) await handlers['import.savePreset']({ name: `p${i}`, dialect: 'generic_csv', mapping: {} }, ctx);
    const presets = await handlers['import.presets']({}, ctx);
    expect(presets).toHaveLength(50);
    expect(presets[0]?.name).toBe('p54');
    expect(presets[49]?.name).toBe('p5');
    catalog.close();
  });
});
