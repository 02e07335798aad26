/**
 * The native menu, built from the pure model in menu-model.ts. Clicking a command item calls
 * `runCommand(id)`; main.ts routes it (renderer commands → the focused window's `app.command`
 * event, shell commands → the shell). Accelerators come from the same command table as the UI.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { buildMenuModel, COMMANDS, type CommandId, type MenuNode } from './menu-model.js';

function toTemplate(node: MenuNode, runCommand: (id: CommandId) => void): MenuItemConstructorOptions {
  switch (node.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return node.label ? { role: node.role, label: node.label } : { role: node.role };
    case 'command': {
      const spec: { label: string; accelerator?: string } = COMMANDS[node.command];
      return {
        id: node.command,
        label: spec.label,
        ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
        click: () => runCommand(node.command),
      };
    }
    case 'submenu':
      return {
        label: node.label,
        ...(node.role ? { role: node.role } : {}),
        ...(node.role === 'windowMenu' ? {} : { submenu: node.items.map((item) => toTemplate(item, runCommand)) }),
      };
  }
}

export function installAppMenu(options: { dev: boolean; runCommand: (id: CommandId) => void }): void {
  const model = buildMenuModel({ platform: process.platform, dev: options.dev });
  app.setAboutPanelOptions({
    applicationName: 'Listsmith',
    applicationVersion: app.getVersion(),
    copyright: 'Local-first catalog manager for online sellers',
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(model.map((node) => toTemplate(node, options.runCommand))));
}
