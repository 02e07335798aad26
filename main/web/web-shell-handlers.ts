import { ContractError } from '../../common/result.js';
import type { ShellHandlers } from '../../core/host/place-handlers.js';

const DESKTOP_ONLY_UPDATES = { status: 'disabled', reason: 'Updates are managed by the desktop app.' } as const;

/**
 * The web host's answers to the methods the contract declares `runs: 'shell'`: restoring a backup
 * and app updates belong to the desktop app, so here they say plainly what is and is not available.
 */
export const webShellHandlers: ShellHandlers = {
  'backup.restore': async () => {
    throw new ContractError('invalid_input', 'Restoring a backup is done in the desktop app (File › Restore from Backup…), which can close and reopen the catalog safely.');
  },
  'update.getState': async () => DESKTOP_ONLY_UPDATES,
  'update.check': async () => DESKTOP_ONLY_UPDATES,
  'update.install': async () => ({ restarting: false }),
};
