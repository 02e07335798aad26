import type { Envelope } from './result.js';
import type { EventName, MethodName } from './contract-names.js';

/**
 * What the Electron preload exposes on `window.listsmith`: one function per contract method and
 * one subscribe function per event (returning an unsubscribe). Never raw ipcRenderer.
 */
export interface ListsmithBridge {
  invoke: { [M in MethodName]: (input: unknown) => Promise<Envelope<unknown>> };
  on: { [E in EventName]: (listener: (payload: unknown) => void) => () => void };
  platform: string;
}

/** The message shapes of the loopback WebSocket transport (`npm run web`). */
export type WsClientMessage = { type: 'call'; id: number; method: string; input: unknown };
export type WsServerMessage =
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };

/** WebSocket sub-protocol names: the first names the wire format, the second carries the token. */
export const WS_PROTOCOL = 'listsmith.v1';
export const WS_TOKEN_PREFIX = 'token.';
export const WS_PATH = '/rpc';
