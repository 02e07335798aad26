import type { StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../common/client.js';
import { ContractError } from '../../../common/result.js';
import type { AppState } from './app-store.js';

/**
 * Start-up: app.info first, asked again for as long as it times out (the core is still opening the
 * catalog: `coreOpening` meanwhile); then the calls that would otherwise fail on their deadlines.
 * Any other failure (no connection yet) is shown and the calls go ahead: reconnecting retries them.
 */
export async function openWhenCoreAnswers(store: StoreApi<AppState>, client: ContractClient, stopped: () => boolean): Promise<void> {
  const s = store.getState();
  while (!stopped()) {
    try {
      store.setState({ appInfo: await client.call('app.info', {}) });
      break;
    } catch (err) {
      if (!(err instanceof ContractError && err.code === 'timeout')) {
        s.pushError(err);
        break;
      }
      store.setState({ coreOpening: true });
    }
  }
  if (stopped()) return;
  store.setState({ coreOpening: false });
  void s.refreshHistory();
  void s.loadStats();
  void s.openView('query');
}
