import type { Transport } from '../../../common/client.js';
import { createElectronTransport } from './electron-transport.js';
import { takeToken } from './token.js';
import { createWsTransport, rpcUrl, type WsTransport } from './ws-transport.js';

export type SelectedTransport =
  | { kind: 'electron'; transport: Transport }
  | { kind: 'web'; transport: WsTransport }
  | { kind: 'none' };

/** window.listsmith (Electron preload) first, else the loopback WebSocket if we have a token. */
export function selectTransport(): SelectedTransport {
  const bridge = window.listsmith;
  if (bridge !== undefined && bridge !== null && typeof bridge.invoke === 'object') {
    return { kind: 'electron', transport: createElectronTransport(bridge) };
  }
  const token = takeToken();
  if (token === null) return { kind: 'none' };
  return { kind: 'web', transport: createWsTransport(rpcUrl(window.location), token) };
}
