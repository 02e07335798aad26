import type { ListsmithBridge } from '../../../common/bridge.js';
import type { Transport } from '../../../common/client.js';
import { fail } from '../../../common/result.js';

declare global {
  interface Window {
    listsmith?: ListsmithBridge;
  }
}

/** Wraps the Electron preload's `window.listsmith` into a contract Transport. */
export function createElectronTransport(bridge: ListsmithBridge): Transport {
  return {
    invoke(method, input) {
      const fn = bridge.invoke[method];
      if (typeof fn !== 'function') {
        return Promise.resolve(fail('unknown_method', `This version of Listsmith does not know "${method}".`));
      }
      return fn(input);
    },
    subscribe(event, listener) {
      const on = bridge.on[event];
      if (typeof on !== 'function') return () => {};
      return on(listener);
    },
  };
}
