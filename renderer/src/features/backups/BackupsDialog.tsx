import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupReason } from '../../../../common/desktop-types.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { backupCalls } from './backup-calls.js';
import { formatBytes, formatDateTime } from '../../format.js';
import { Modal } from '../../ui/Modal.js';

const REASON_LABELS: Record<BackupReason, string> = {
  scheduled: 'Scheduled',
  'pre-migration': 'Before an app upgrade',
  'pre-import': 'Before an import',
  'pre-bulk-edit': 'Before a bulk edit',
  manual: 'Made by you',
  'pre-restore': 'Before a restore (undo copy)',
};

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/**
 * File › Backups: the verified backups of this catalog, "Back up now", and restore (the desktop
 * shell closes the catalog, restores, keeps the current file as an undo copy and reloads). The
 * web harness lists and creates backups; restoring there fails with the core's explanation.
 */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const calls = useCalls(backupCalls);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const load = useCallback(() => {
    calls.list().then(
      ({ backups: list, folder: where }) => {
        setBackups(list);
        setFolder(where);
      },
      (err: unknown) => setStatus({ kind: 'error', message: errorMessage(err).message }),
    );
  }, [calls]);
  useEffect(load, [load]);

  const busy = status.kind === 'busy';

  const backUpNow = () => {
    setStatus({ kind: 'busy', what: 'Backing up…' });
    calls.create().then(
      (made) => {
        setStatus({ kind: 'done', message: `Backup made and verified (${formatBytes(made.sizeBytes)}): ${made.id}` });
        load();
      },
      (err: unknown) => setStatus({ kind: 'error', message: errorMessage(err).message }),
    );
  };

  const restore = (backup: BackupInfo) => {
    setConfirming(null);
    setStatus({ kind: 'busy', what: 'Restoring…' });
    calls.restore(backup.id).then(
      (result) =>
        setStatus({
          kind: 'done',
          message: `Restored the backup of ${formatDateTime(backup.createdAt)}.${result.undo ? ' The catalog as it was is kept as a backup, so you can go back.' : ''}`,
        }),
      (err: unknown) => setStatus({ kind: 'error', message: errorMessage(err).message }),
    );
  };

  return (
    <Modal
      titleId="backups-title"
      title="Backups"
      subtitle="Verified copies of your catalog, newest first."
      onClose={onClose}
      testId="backups-dialog"
      busy={busy}
      footer={
        <button type="button" className="btn btn-primary" onClick={backUpNow} disabled={busy}>
          Back up now
        </button>
      }
    >
      {status.kind === 'busy' && <p role="status">{status.what}</p>}
      {status.kind === 'done' && <p role="status" className="callout callout-ok">{status.message}</p>}
      {status.kind === 'error' && (
        <p role="alert" className="callout callout-error">
          {status.message}
        </p>
      )}
      {folder !== null && (
        <p className="backups-folder" data-testid="backups-folder">
          <span className="muted">Backup files are kept in </span>
          <code className="backups-path" title={folder}>
            {folder}
          </code>{' '}
          <CopyButton text={folder} label="Copy the folder path" />
        </p>
      )}
      {backups === null ? (
        <p className="muted">Loading backups…</p>
      ) : backups.length === 0 ? (
        <p className="muted">No backups yet. Listsmith makes one before upgrades and big changes; “Back up now” makes one at once.</p>
      ) : (
        <table className="table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">File</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.id}>
                <td>{formatDateTime(backup.createdAt)}</td>
                <td>{REASON_LABELS[backup.reason]}</td>
                <td>{formatBytes(backup.sizeBytes)}</td>
                <td className="backups-file">
                  <code title={folder === null ? backup.id : `${folder}${folder.includes('\\') ? '\\' : '/'}${backup.id}`}>{backup.id}</code>
                </td>
                <td>
                  {confirming?.id === backup.id ? (
                    <span className="confirm-inline">
                      Replace the catalog with this backup?{' '}
                      <button type="button" className="btn btn-primary" onClick={() => restore(backup)}>
                        Restore
                      </button>{' '}
                      <button type="button" className="btn" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(backup)} aria-label={`Restore backup of ${formatDateTime(backup.createdAt)}`}>
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}

/** Copies a path to the clipboard and says so; when the page may not use the clipboard, says to select it instead. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="link-button"
      data-testid="backups-copy-folder"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy: select the path instead' : label}
    </button>
  );
}

/** Opens the dialog for the desktop menu's File › Restore from Backup… and for `openBackups()` callers. */
export function BackupsController({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const calls = useCalls(backupCalls);
  useEffect(() => calls.onCommand((command) => {
    if (command.id === 'backup.restore') onOpenChange(true);
  }), [calls, onOpenChange]);
  return open ? <BackupsDialog onClose={() => onOpenChange(false)} /> : null;
}
