import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileArgFromArgv } from '../../../main/electron/argv.js';
import { buildMenuModel, COMMAND_IDS, COMMANDS, commandsIn, isCommandId, routeCommand, type MenuNode } from '../../../main/electron/menu-model.js';
import { jobFromCoreEvent, notificationFor } from '../../../main/electron/notify-policy.js';
import { SECURE_WEB_PREFERENCES, webPreferenceViolations } from '../../../main/electron/web-prefs-check.js';
import { DEFAULT_SIZE, parseWindowState, restoreWindowState } from '../../../main/electron/window-state.js';

describe('window state', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('parses only well-formed saved state', () => {
    expect(parseWindowState('{"bounds":{"x":10,"y":20,"width":1000,"height":700},"maximized":true}')).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, fullScreen: false });
    for (const bad of [null, '', '{', '[]', '{"bounds":{"x":"1","y":0,"width":1,"height":1}}', '{"bounds":{"x":1e9,"y":0,"width":1,"height":1}}', '{"bounds":null}']) {
      expect(parseWindowState(bad)).toBeNull();
    }
  });

  it('keeps bounds that are visible on a current display (including a second monitor)', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(restoreWindowState(saved, [primary, right])).toEqual(saved);
    expect(restoreWindowState({ ...saved, maximized: true }, [primary, right]).maximized).toBe(true);
  });

  it('moves a window from an unplugged monitor back onto the primary display, keeping its size', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false };
    const restored = restoreWindowState(saved, [primary]);
    expect(restored.bounds.x).toBeGreaterThanOrEqual(0);
    expect(restored.bounds.x + restored.bounds.width).toBeLessThanOrEqual(1920);
    expect(restored.bounds).toMatchObject({ width: 1400, height: 900 });
  });

  it('clamps to a smaller screen, enforces the minimum size, and never hides the title bar', () => {
    const small = { x: 0, y: 0, width: 1280, height: 720 };
    const r = restoreWindowState({ bounds: { x: 50, y: -300, width: 3000, height: 2000 }, maximized: false }, [small]);
    expect(r.bounds.width).toBeLessThanOrEqual(1280);
    expect(r.bounds.height).toBeLessThanOrEqual(720);
    const tiny = restoreWindowState({ bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false }, [primary]);
    expect(tiny.bounds).toMatchObject({ width: 800, height: 500 });
    const above = restoreWindowState({ bounds: { x: 100, y: -20, width: 1000, height: 700 }, maximized: false }, [primary]);
    expect(above.bounds.y).toBeGreaterThanOrEqual(0);
  });

  it('defaults: centred on the primary display', () => {
    expect(restoreWindowState(null, [primary]).bounds).toEqual({ x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE });
    expect(restoreWindowState(null, []).bounds.width).toBe(DEFAULT_SIZE.width);
  });
});

describe('menu model', () => {
  const labels = (nodes: MenuNode[]) => nodes.map((n) => (n.kind === 'submenu' ? n.label.replace('&', '') : n.kind));
  const submenu = (nodes: MenuNode[], label: string) => nodes.find((n) => n.kind === 'submenu' && n.label.replace('&', '') === label) as Extract<MenuNode, { kind: 'submenu' }>;

  it('has File / Edit / View / Help (+ app and Window menus on macOS)', () => {
    expect(labels(buildMenuModel({ platform: 'win32', dev: false }))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(buildMenuModel({ platform: 'darwin', dev: false }))).toEqual(['Listsmith', 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('File has Import, Export, Back up now, Restore; Help has Open logs and About; every command appears once', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const model = buildMenuModel({ platform, dev: false });
      const file = commandsIn(submenu(model, 'File').items);
      expect(file).toEqual(['import', 'export', 'backup.now', 'backup.restore']);
      expect(commandsIn(submenu(model, 'Help').items)).toContain('logs.open');
      const all = commandsIn(model);
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual([...COMMAND_IDS].sort());
    }
  });

  it('Edit keeps native clipboard roles; dev-only items only in dev', () => {
    const edit = submenu(buildMenuModel({ platform: 'linux', dev: false }), 'Edit').items;
    expect(edit.filter((n) => n.kind === 'role').map((n) => (n as { role: string }).role)).toEqual(['cut', 'copy', 'paste', 'delete', 'selectAll']);
    const roles = (dev: boolean) => JSON.stringify(buildMenuModel({ platform: 'linux', dev }));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('accelerators are unique and well-formed; routing is explicit', () => {
    const accels = Object.values(COMMANDS).flatMap((c) => ('accelerator' in c ? [c.accelerator] : []));
    expect(new Set(accels).size).toBe(accels.length);
    for (const a of accels) expect(a).toMatch(/^(CmdOrCtrl\+)(Shift\+)?[A-Z]$/);
    expect(routeCommand('import')).toBe('renderer');
    expect(routeCommand('edit.undo')).toBe('renderer');
    expect(routeCommand('backup.now')).toBe('shell');
    expect(routeCommand('logs.open')).toBe('shell');
    expect(isCommandId('import')).toBe(true);
    expect(isCommandId('toString')).toBe(false);
  });
});

describe('fileArgFromArgv (second-instance forwarding)', () => {
  const cwd = resolve('/home/u/shop');
  it('finds the importable file among Electron switches', () => {
    expect(fileArgFromArgv(['/opt/Listsmith/listsmith', '--no-sandbox', 'export.csv'], { cwd })).toBe(join(cwd, 'export.csv'));
    expect(fileArgFromArgv(['/usr/bin/electron', '.', '--enable-logging', '/tmp/Listings.TSV'], { cwd, isPackaged: false })).toBe('/tmp/Listings.TSV');
    expect(fileArgFromArgv(['Listsmith.exe', '--allow-file-access-from-files', 'C:\\Users\\u\\shop.xlsx'], { cwd })).toMatch(/shop\.xlsx$/);
    expect(fileArgFromArgv(['x', 'file:///tmp/my%20shop.csv'], { cwd })).toBe('/tmp/my shop.csv');
  });
  it('ignores the app folder, switch values, URLs and non-importable files', () => {
    expect(fileArgFromArgv(['/usr/bin/electron', '.'], { isPackaged: false })).toBeNull();
    expect(fileArgFromArgv(['listsmith', '--db', 'other.csv'])).toBeNull();
    expect(fileArgFromArgv(['listsmith', 'https://evil.test/x.csv', 'notes.pdf', 'run.exe'])).toBeNull();
    expect(fileArgFromArgv(['listsmith', 'a\0.csv'])).toBeNull();
    expect(fileArgFromArgv([])).toBeNull();
  });
});

describe('web preferences self-check', () => {
  const good = { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false };
  it('accepts our window and Electron defaults for omitted keys', () => {
    expect(webPreferenceViolations(good)).toEqual([]);
    expect(webPreferenceViolations({ contextIsolation: true, sandbox: true })).toEqual([]);
    // main.ts opens every window with these.
    expect(webPreferenceViolations(SECURE_WEB_PREFERENCES)).toEqual([]);
  });
  it('names each violation', () => {
    expect(webPreferenceViolations({ ...good, contextIsolation: false })).toEqual([expect.stringMatching(/contextIsolation/)]);
    expect(webPreferenceViolations({ ...good, sandbox: false, nodeIntegration: true, webSecurity: false })).toHaveLength(3);
    expect(webPreferenceViolations({ ...good, enableBlinkFeatures: 'X' })).toHaveLength(1);
    expect(webPreferenceViolations(null)).toHaveLength(1);
  });
});

describe('notifications for finished jobs', () => {
  it('only when no window is focused and the job took a while', () => {
    const job = jobFromCoreEvent('import.finished', { operationId: 'x', report: { imported: 1200, updated: 34, rejected: 2, startedAt: 0, finishedAt: 60_000 } })!;
    expect(job).toMatchObject({ kind: 'import', ok: true, durationMs: 60_000 });
    expect(notificationFor(job, false)).toEqual({ title: 'Import finished', body: '1,234 listings imported or updated, 2 rows rejected.' });
    expect(notificationFor(job, true)).toBeNull();
    expect(notificationFor({ ...job, durationMs: 2_000 }, false)).toBeNull();
    const failed = jobFromCoreEvent('export.finished', { operationId: 'y', summary: null, fileId: 'f', error: 'disk full' })!;
    expect(notificationFor(failed, false)).toMatchObject({ title: 'Export failed' });
    expect(jobFromCoreEvent('export.finished', { summary: { rows: 5 }, error: null })?.summary).toBe('5 listings exported.');
    expect(jobFromCoreEvent('catalog.changed', {})).toBeNull();
  });
});
