import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX, type WsClientMessage, type WsServerMessage } from '../../../common/bridge.js';
import type { Transport } from '../../../common/client.js';
import type { EventName, MethodName } from '../../../common/contract-names.js';
import { isRead } from '../../../common/method-reads.js';
import { fail, type Envelope } from '../../../common/result.js';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface ConnectionInfo {
  state: ConnectionState;
  /** When the next reconnect attempt happens (epoch ms), while closed. */
  retryAt: number | null;
  /** Has the socket ever opened? (Never → likely a stale address/token or the host is not running.) */
  everOpened: boolean;
}

export interface WsTransport extends Transport {
  readonly kind: 'web';
  connection(): ConnectionInfo;
  onConnection(listener: (info: ConnectionInfo) => void): () => void;
  close(): void;
}

interface Pending {
  resolve: (envelope: Envelope<unknown>) => void;
  message: WsClientMessage;
  sent: boolean;
}

const MIN_BACKOFF_MS = 250;

export const NOT_SENT_MESSAGE = 'Listsmith lost its connection to the catalog, so this change was not sent.';
const MAX_BACKOFF_MS = 5_000;

/** Reconnect delay for attempt n (0-based): exponential with ±20 % jitter, capped. */
export function backoffDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.8 + 0.4 * random));
}

export function rpcUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${WS_PATH}`;
}

/**
 * The loopback WebSocket transport of `npm run web`. Reads made while (re)connecting wait for the
 * socket; changes made after the connection was lost fail at once with `disconnected`; every call
 * still waiting when the socket closes fails with `disconnected` (the client's deadline covers a
 * socket that never opens). Reconnects with backoff until closed.
 */
export function createWsTransport(url: string, token: string): WsTransport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let info: ConnectionInfo = { state: 'connecting', retryAt: null, everOpened: false };
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(info: ConnectionInfo) => void>();

  const setInfo = (next: Partial<ConnectionInfo>) => {
    info = { ...info, ...next };
    for (const l of connectionListeners) l(info);
  };

  const send = (p: Pending) => {
    if (socket?.readyState !== WebSocket.OPEN) return;
    try {
      socket.send(JSON.stringify(p.message));
      p.sent = true;
    } catch {
      // The close handler fails it.
    }
  };

  const failAll = (message: string) => {
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) p.resolve(fail('disconnected', message));
  };

  const onMessage = (ev: MessageEvent) => {
    if (typeof ev.data !== 'string') return;
    let msg: WsServerMessage;
    try {
      msg = JSON.parse(ev.data) as WsServerMessage;
    } catch {
      return;
    }
    if (msg.type === 'result') {
      const p = pending.get(msg.id);
      if (p === undefined) return;
      pending.delete(msg.id);
      p.resolve(msg.envelope);
    } else if (msg.type === 'event') {
      const set = eventListeners.get(msg.event);
      if (set === undefined) return;
      for (const l of [...set]) {
        try {
          l(msg.payload);
        } catch (err) {
          console.error('Listsmith event listener failed', err);
        }
      }
    }
  };

  const connect = () => {
    if (stopped) return;
    retryTimer = undefined;
    setInfo({ state: 'connecting', retryAt: null });
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, [WS_PROTOCOL, WS_TOKEN_PREFIX + token]);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      attempt = 0;
      setInfo({ state: 'open', retryAt: null, everOpened: true });
      for (const p of pending.values()) if (!p.sent) send(p);
    });
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      failAll('The connection to Listsmith was lost. It reconnects by itself; try again in a moment.');
      scheduleReconnect();
    });
    // 'error' is always followed by 'close'.
  };

  const scheduleReconnect = () => {
    if (stopped) {
      setInfo({ state: 'closed', retryAt: null });
      return;
    }
    const delay = backoffDelay(attempt++);
    setInfo({ state: 'closed', retryAt: Date.now() + delay });
    retryTimer = setTimeout(connect, delay);
  };

  connect();

  return {
    kind: 'web',
    invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
      // A change is never queued across an outage: sent minutes later, after the seller was told it
      // failed (the client's deadline), it would land unseen. It fails now and the UI keeps the edit.
      if (info.everOpened && socket?.readyState !== WebSocket.OPEN && !isRead(method)) {
        return Promise.resolve(fail('disconnected', NOT_SENT_MESSAGE));
      }
      return new Promise((resolve) => {
        const id = nextId++;
        const p: Pending = { resolve, message: { type: 'call', id, method, input }, sent: false };
        pending.set(id, p);
        if (socket?.readyState === WebSocket.OPEN) send(p);
        else if (stopped) {
          pending.delete(id);
          resolve(fail('disconnected', 'Listsmith is not connected.'));
        } else if (info.state === 'closed' && retryTimer !== undefined) {
          // Someone is waiting: reconnect now rather than after the backoff.
          clearTimeout(retryTimer);
          connect();
        }
      });
    },
    subscribe(event, listener) {
      let set = eventListeners.get(event);
      if (set === undefined) eventListeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    connection: () => info,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      socket?.close();
      socket = null;
      failAll('Listsmith was disconnected.');
      setInfo({ state: 'closed', retryAt: null });
    },
  };
}
