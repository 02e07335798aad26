/** Types the desktop features (backups, updates, menu commands) share across processes. */
export const BACKUP_REASONS = ['scheduled', 'pre-migration', 'pre-import', 'pre-bulk-edit', 'manual', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A finished, verified backup as the UI and the menu see it. */
export interface BackupInfo {
  /** The file name; the only handle the renderer gets (never a path). */
  id: string;
  reason: BackupReason;
  /** Milliseconds since the epoch (UTC), from the name. */
  createdAt: number;
  sizeBytes: number;
}

/** What the renderer shows about updates (see core/update/update-state.ts for the transitions). */
export type UpdateState =
  | { status: 'disabled'; reason: string }
  | { status: 'idle'; lastCheckedAt?: number }
  | { status: 'checking' }
  | { status: 'available'; version: string }
  | { status: 'downloading'; version: string; percent: number; bytesPerSecond?: number }
  | { status: 'ready'; version: string }
  | { status: 'error'; message: string };

/** Menu items, shortcuts and second launches ask the UI to act (ids: main/electron/menu-model.ts). */
export interface AppCommand {
  id: 'import' | 'export' | 'backup.restore' | 'edit.undo' | 'edit.redo' | 'find';
  fileId?: string;
  name?: string;
}
