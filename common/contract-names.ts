/**
 * The names of every contract method and event, with no dependencies, so the sandboxed preload can
 * generate one bridge function per method without bundling the schemas. `contract.ts` checks at
 * compile time that these lists and the contract agree.
 */
export const METHOD_NAMES = [
  'app.info',
  'catalog.stats',
  'grid.open',
  'grid.rows',
  'grid.close',
  'listing.get',
  'listing.update',
  'listing.history',
  'revision.revert',
  'bulk.preview',
  'bulk.apply',
  'history.state',
  'history.undo',
  'history.redo',
  'listings.deletePreview',
  'listings.delete',
  'dashboard.stats',
  'demo.generate',
  'import.preview',
  'import.start',
  'import.report',
  'import.presets',
  'import.savePreset',
  'export.preview',
  'export.start',
  'ai.status',
  'ai.configure',
  'ai.setKey',
  'ai.removeKey',
  'ai.testKey',
  'operation.cancel',
  'jobs.start',
  'jobs.list',
  'jobs.cancel',
  'jobs.retry',
  'proposals.list',
  'proposals.accept',
  'proposals.reject',
  'backup.list',
  'backup.create',
  'backup.restore',
  'update.getState',
  'update.check',
  'update.install',
  'diagnostics.get',
  'photos.status',
  'photos.configure',
  'photos.settings',
  'photos.saveSettings',
  'photos.sources',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = ['catalog.changed', 'demo.progress', 'operation.progress', 'import.finished', 'export.finished', 'app.command', 'update.state', 'job.progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Electron IPC channel names are derived, never typed by hand. */
export const invokeChannel = (method: MethodName): string => `listsmith:invoke:${method}`;
export const eventChannel = (event: EventName): string => `listsmith:event:${event}`;
