import WebSocket from 'ws';
import type { WsServerMessage } from '../../common/bridge.js';
import { createClient, type ContractClient, type Transport } from '../../common/client.js';
import type { EventName } from '../../common/contract-names.js';
import type { Envelope } from '../../common/result.js';

/**
 * A Node client of the web transport, speaking exactly what the renderer speaks, so benchmarks
 * measure the real path: WebSocket → host → validation → catalog thread → back.
 */
export async function connectClient(port: number, token: string): Promise<{ client: ContractClient; close: () => void }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc`, ['listsmith.v1', `token.${token}`], { origin: `http://127.0.0.1:${port}` });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as WsServerMessage;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.envelope);
      pending.delete(message.id);
    } else {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  });
  const transport: Transport = {
    invoke(method, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return { client: createClient(transport), close: () => ws.close() };
}
