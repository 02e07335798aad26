import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Listsmith keeps its catalog when no path is given: the same folder Electron's
 * `app.getPath('userData')` uses for "Listsmith", so the desktop app, `npm run web` and the CLI
 * open one and the same catalog.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Listsmith');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Listsmith');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Listsmith');
}

export const CATALOG_FILE_NAME = 'catalog.sqlite';

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LISTSMITH_DB ?? join(defaultDataDir(env), CATALOG_FILE_NAME);
}
