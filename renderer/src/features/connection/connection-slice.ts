import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { ConnectionInfo } from '../../bridge/ws-transport.js';
import type { AppState } from '../../store/app-store.js';

/* ----------------------------------------------------------------------------------------------
 * The connection to the core: which transport, whether its socket is open, and `offline` — from a
 * lost connection until the core answers a call again, while editing is paused (offline.ts).
 * -------------------------------------------------------------------------------------------- */

export interface ConnectionSlice {
  transportKind: 'electron' | 'web';
  connection: ConnectionInfo;
  /**
   * True from a lost connection until the core answers a call again (an open socket alone is not
   * enough): the banner shows and editing is paused meanwhile.
   */
  offline: boolean;
}

export function createConnectionSlice(transportKind: 'electron' | 'web', initial: ConnectionInfo | undefined): StateCreator<AppState, [], [], ConnectionSlice> {
  return () => ({
    transportKind,
    connection: initial ?? { state: 'open', retryAt: null, everOpened: true },
    offline: false,
  });
}

/**
 * A WebSocket (re)connected or dropped. `refresh` reloads what the window shows from the catalog:
 * after a drop the views may be gone and the catalog may have changed.
 */
export function connectionChanged(store: StoreApi<AppState>, client: ContractClient, info: ConnectionInfo, refresh: () => void): void {
  const prev = store.getState().connection;
  store.setState({ connection: info });
  if (info.state !== 'open' && info.everOpened) store.setState({ offline: true });
  // Back when the core answers, not merely when a socket opens.
  if (info.state === 'open' && store.getState().offline) {
    client.call('app.info', {}).then(
      () => {
        if (store.getState().connection.state !== 'open' || !store.getState().offline) return;
        store.setState({ offline: false });
        store.getState().showNotice('Connected again. Edits you kept can be saved now.');
      },
      () => {},
    );
  }
  // Back online: the "connection lost" messages are stale.
  if (info.state === 'open' && prev.state !== 'open') store.setState({ errors: store.getState().errors.filter((e) => e.code !== 'disconnected') });
  // Reconnected after a drop: views may be gone, the catalog may have changed.
  // Also after a first connection that failed the initial calls.
  if (info.state === 'open' && prev.state !== 'open' && (prev.everOpened || store.getState().viewState === 'error')) refresh();
}
