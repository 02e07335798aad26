/**
 * The native menu as DATA (no Electron import), so its structure, accelerators and command routing
 * are unit tested in Node. Every actionable item names a COMMAND; the same command ids drive the
 * UI (toolbar buttons, keyboard shortcuts) — the shell sends renderer commands to the focused
 * window as the proposed `app.command` event `{ id, ...args }`, and runs shell commands itself.
 * (COMMANDS has no dependencies: it can move to common/commands.ts so the renderer shares it.)
 */
export type CommandTarget = 'renderer' | 'shell';

export const COMMANDS = {
  import: { label: 'Import…', accelerator: 'CmdOrCtrl+O', target: 'renderer' },
  export: { label: 'Export…', accelerator: 'CmdOrCtrl+E', target: 'renderer' },
  'backup.now': { label: 'Back Up Now', accelerator: 'CmdOrCtrl+Shift+B', target: 'shell' },
  'backup.restore': { label: 'Restore from Backup…', target: 'renderer' },
  'edit.undo': { label: 'Undo', accelerator: 'CmdOrCtrl+Z', target: 'renderer' },
  'edit.redo': { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', target: 'renderer' },
  find: { label: 'Find Listings', accelerator: 'CmdOrCtrl+F', target: 'renderer' },
  'logs.open': { label: 'Open Logs Folder', target: 'shell' },
  'update.check': { label: 'Check for Updates…', target: 'shell' },
  'app.about': { label: 'About Listsmith', target: 'shell' },
} as const satisfies Record<string, { label: string; accelerator?: string; target: CommandTarget }>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && Object.hasOwn(COMMANDS, value);
}

/** Standard Electron roles we use (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'appMenu'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'windowMenu'
  | 'help';

export type MenuNode =
  | { kind: 'command'; command: CommandId }
  | { kind: 'role'; role: MenuRole; label?: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; label: string; role?: MenuRole; items: MenuNode[] };

const cmd = (command: CommandId): MenuNode => ({ kind: 'command', command });
const role = (r: MenuRole, label?: string): MenuNode => (label ? { kind: 'role', role: r, label } : { kind: 'role', role: r });
const sep: MenuNode = { kind: 'separator' };

export function buildMenuModel(options: { platform: NodeJS.Platform; dev: boolean }): MenuNode[] {
  const mac = options.platform === 'darwin';
  const menus: MenuNode[] = [];
  if (mac) {
    menus.push({
      kind: 'submenu',
      label: 'Listsmith',
      items: [cmd('app.about'), cmd('update.check'), sep, role('services'), sep, role('hide'), role('hideOthers'), role('unhide'), sep, role('quit')],
    });
  }
  menus.push({
    kind: 'submenu',
    label: '&File',
    items: [cmd('import'), cmd('export'), sep, cmd('backup.now'), cmd('backup.restore'), sep, mac ? role('close') : role('quit', 'Quit Listsmith')],
  });
  menus.push({
    kind: 'submenu',
    label: '&Edit',
    // Undo/Redo are renderer commands (catalog edits; the renderer falls back to the text field's own
    // undo when one has focus); clipboard items stay native roles so every text field works.
    items: [cmd('edit.undo'), cmd('edit.redo'), sep, role('cut'), role('copy'), role('paste'), ...(mac ? [role('pasteAndMatchStyle')] : []), role('delete'), role('selectAll'), sep, cmd('find')],
  });
  menus.push({
    kind: 'submenu',
    label: '&View',
    items: [
      ...(options.dev ? [role('reload'), role('forceReload'), role('toggleDevTools'), sep] : []),
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      sep,
      role('togglefullscreen'),
    ],
  });
  if (mac) menus.push({ kind: 'submenu', label: 'Window', role: 'windowMenu', items: [] });
  menus.push({
    kind: 'submenu',
    label: '&Help',
    role: 'help',
    items: [cmd('logs.open'), ...(mac ? [] : [cmd('update.check'), sep, cmd('app.about')])],
  });
  return menus;
}

/** Every command reachable from a model (for tests and for registering handlers). */
export function commandsIn(nodes: readonly MenuNode[]): CommandId[] {
  const out: CommandId[] = [];
  const walk = (list: readonly MenuNode[]) => {
    for (const node of list) {
      if (node.kind === 'command') out.push(node.command);
      else if (node.kind === 'submenu') walk(node.items);
    }
  };
  walk(nodes);
  return out;
}

/** What a click on a command does: send it to the focused window, or run it in the shell. */
export function routeCommand(id: CommandId): CommandTarget {
  return COMMANDS[id].target;
}
