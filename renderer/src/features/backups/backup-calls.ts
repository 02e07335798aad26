import type { ContractClient } from '../../../../common/client.js';
import type { EventPayloads } from '../../../../common/contract.js';

/** File › Backups: list, back up now, restore, and the desktop menu's Restore from Backup… */
export function backupCalls(client: ContractClient) {
  return {
    list: () => client.call('backup.list', {}),
    create: () => client.call('backup.create', { reason: 'manual' }),
    restore: (backupId: string) => client.call('backup.restore', { backupId }),
    onCommand: (handler: (command: EventPayloads['app.command']) => void) => client.on('app.command', handler),
  };
}
