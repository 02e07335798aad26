/** A minimal native menu; the full menu (import/export, shortcuts) is a later issue. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export function installAppMenu(options: { dev: boolean }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [isMac ? { role: 'close' } : { role: 'quit', label: 'Quit Listsmith' }],
    },
    { role: 'editMenu' }, // undo, redo, cut, copy, paste, (paste and match style,) delete, select all
    {
      label: '&View',
      submenu: [
        ...(options.dev
          ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'About Listsmith', click: () => app.showAboutPanel() }],
    },
  ];
  app.setAboutPanelOptions({
    applicationName: 'Listsmith',
    applicationVersion: app.getVersion(),
    copyright: 'Local-first catalog manager for online sellers',
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
