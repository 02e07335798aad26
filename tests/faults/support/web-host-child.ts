import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX, type WsServerMessage } from '../../../common/bridge.js';
import { repoRoot } from '../../unit/paths.js';

export interface HostChild {
  port: number;
  token: string;
  /** Set when the host process exited: a crash, unless we stopped it. */
  exited: () => { code: number | null; signal: NodeJS.Signals | null } | null;
  stderr: () => string;
  stop(): Promise<void>;
}

/** `npm run web`'s host (out/web/host.js) in its own process, so a crash shows as an exit. */
export function startHostChild(databasePath: string): Promise<HostChild> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(process.execPath, [join(repoRoot, 'out', 'web', 'host.js'), '--db', databasePath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    proc.stderr!.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-20_000)));
    proc.on('exit', (code, signal) => {
      exit = { code, signal };
      reject(new Error(`host exited before it was ready (${code ?? signal}): ${err.slice(-2000)}`));
    });
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([a-f0-9]+)/.exec(out);
      if (!match) return;
      proc.stdout!.removeAllListeners('data');
      proc.stdout!.resume();
      resolve({
        port: Number(match[1]),
        token: match[2]!,
        exited: () => exit,
        stderr: () => err,
        stop: () =>
          new Promise((done) => {
            if (exit) return done();
            proc.once('exit', () => done());
            proc.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Opens the RPC socket the way the renderer does, or with the given deviations. */
export function connect(host: HostChild, options: { token?: string; origin?: string; protocols?: string[]; path?: string } = {}): Promise<WebSocket> {
  const protocols = options.protocols ?? [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${options.token ?? host.token}`];
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${options.path ?? WS_PATH}`, protocols, { origin: options.origin ?? `http://127.0.0.1:${host.port}` });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      // A socket the host drops (bad frame) errors on our side too; sendFrame sees it as `closed`.
      ws.on('error', () => undefined);
      resolve(ws);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}

/**
 * Sends one raw frame and resolves with the next result the host sends back (whatever its id:
 * malformed frames are answered with id 0), or with `closed` when the host closes the socket.
 */
export function sendFrame(ws: WebSocket, frame: string | Buffer, timeoutMs = 30_000): Promise<WsServerMessage | { type: 'closed'; code: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error('no answer from the host'))), timeoutMs);
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as WsServerMessage;
      if (message.type === 'result') finish(() => resolve(message));
    };
    const onClose = (code: number): void => finish(() => resolve({ type: 'closed', code }));
    function finish(then: () => void): void {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
      then();
    }
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(frame);
  });
}
