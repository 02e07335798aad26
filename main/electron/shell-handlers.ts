import type { ShellHandlers } from '../../core/host/place-handlers.js';
import type { UpdaterHandle } from './updater.js';

export interface ElectronShellDeps {
  /** Closes the core, restores the backup on the backup worker, reopens the core (main.ts). */
  restore: (backupId: string) => Promise<{ restored: string; undo: string | null }>;
  /** The auto-updater once started (undefined before). */
  updater: () => UpdaterHandle | undefined;
}

/**
 * The desktop shell's answers to the methods the contract declares `runs: 'shell'`: they need
 * Electron (the updater), or must close the core (restore). ipc.ts answers them in front of the core.
 */
export function createElectronShellHandlers({ restore, updater }: ElectronShellDeps): ShellHandlers {
  const notStarted = { status: 'disabled', reason: 'not started' } as const;
  return {
    'backup.restore': ({ backupId }) => restore(backupId),
    'update.getState': async () => updater()?.state() ?? notStarted,
    'update.check': async () => {
      await updater()?.checkNow();
      return updater()?.state() ?? notStarted;
    },
    'update.install': async () => ({ restarting: updater()?.restartToUpdate() ?? false }),
  };
}
