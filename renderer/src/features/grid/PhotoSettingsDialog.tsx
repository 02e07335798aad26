import { useCallback, useState } from 'react';
import { MAX_PHOTO_CAP_MB, MIN_PHOTO_CAP_MB, type PhotoStatus } from '../../../../common/photo-types.js';
import { Modal } from '../../ui/Modal.js';
import { formatInteger } from '../../format.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { photoCalls } from './photo-calls.js';
import { usePolling } from '../../ui/use-polling.js';

const REFRESH_MS = 2_000;

const STATE_TEXT: Record<PhotoStatus['state'], string> = {
  off: 'Downloads are off. Photos already saved are still shown.',
  idle: 'Every photo Listsmith could get is saved.',
  downloading: 'Downloading photos in the background…',
  offline: 'No network: downloads continue when the connection is back.',
  full: 'The size limit is reached: raise it to save more photos.',
};

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10 * 1_048_576 ? 1 : 0)} MB`;
}

/**
 * The photo column's settings: whether listing photos are downloaded for offline use, how much disk
 * they may take, and what the cache is doing. Stored in the catalog like the AI settings.
 */
export function PhotoSettingsDialog({ onClose }: { onClose: () => void }) {
  const calls = useCalls(photoCalls);
  const [status, setStatus] = useState<PhotoStatus | null>(null);
  const [cap, setCap] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    calls.status().then(
      (next) => {
        setStatus(next);
        setCap((current) => (current === '' ? String(next.settings.capMb) : current));
      },
      (err: unknown) => setError(errorMessage(err).message),
    );
  }, [calls]);
  usePolling(load, REFRESH_MS);

  const configure = (change: { enabled?: boolean; capMb?: number }) => {
    setBusy(true);
    setError(null);
    calls.configure(change).then(
      (next) => {
        setStatus(next);
        setCap(String(next.settings.capMb));
        setBusy(false);
      },
      (err: unknown) => {
        setError(errorMessage(err).message);
        setBusy(false);
      },
    );
  };

  const capNumber = Number(cap);
  const capValid = Number.isInteger(capNumber) && capNumber >= MIN_PHOTO_CAP_MB && capNumber <= MAX_PHOTO_CAP_MB;

  return (
    <Modal titleId="photo-settings-title" title="Photos for offline use" onClose={onClose} testId="photo-settings" busy={busy}>
      <p className="muted">
        Listsmith keeps a small copy of each listing photo beside the catalog file, so the grid and the listing show them without the internet. Exports always
        write the marketplace addresses.
      </p>
      {status === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <label className="photo-setting">
            <input type="checkbox" data-testid="photo-enabled" checked={status.settings.enabled} disabled={busy} onChange={(e) => configure({ enabled: e.target.checked })} />
            Download listing photos in the background
          </label>
          <div className="photo-setting">
            <label htmlFor="photo-cap">Use at most</label>
            <input
              id="photo-cap"
              className={`input photo-cap${capValid ? '' : ' invalid'}`}
              type="number"
              inputMode="numeric"
              min={MIN_PHOTO_CAP_MB}
              max={MAX_PHOTO_CAP_MB}
              value={cap}
              data-testid="photo-cap"
              onChange={(e) => setCap(e.target.value)}
              aria-describedby="photo-cap-hint"
            />
            <span>MB of disk</span>
            <button type="button" className="btn" disabled={busy || !capValid || capNumber === status.settings.capMb} onClick={() => configure({ capMb: capNumber })}>
              Save limit
            </button>
          </div>
          {!capValid && (
            <p id="photo-cap-hint" className="field-problem" role="alert">
              Enter a whole number of MB from {formatInteger(MIN_PHOTO_CAP_MB)} to {formatInteger(MAX_PHOTO_CAP_MB)}.
            </p>
          )}
          <p role="status" data-testid="photo-state" data-state={status.state}>
            {STATE_TEXT[status.state]}
          </p>
          <dl className="photo-stats">
            <dt>Saved</dt>
            <dd data-testid="photo-cached" data-count={status.cached}>
              {formatInteger(status.cached)} photos, {megabytes(status.usedBytes)} of {formatInteger(status.settings.capMb)} MB
            </dd>
            <dt>Waiting</dt>
            <dd>{formatInteger(status.queued)}</dd>
            <dt>Could not be saved</dt>
            <dd>
              {formatInteger(status.failed)}
              {status.lastFailure !== null && (
                <span className="muted photo-failure" title={status.lastFailure.url}>
                  {' '}
                  — last: {status.lastFailure.reason}
                </span>
              )}
            </dd>
          </dl>
        </>
      )}
      {error !== null && (
        <p className="field-problem" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
