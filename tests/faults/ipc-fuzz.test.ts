/**
 * IPC fuzz through the web transport, against `npm run web`'s real host in its own process:
 * random and near-miss payloads for every contract method, unknown methods, malformed and
 * oversized frames, and connections without the token or from a foreign origin. Afterwards the
 * host still answers (0 crashes), the catalog is byte-for-byte the same content (0 writes), and
 * every error was a typed error envelope — never `internal`.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { WsServerMessage } from '../../common/bridge.js';
import { contract, MAX_INPUT_BYTES, METHOD_NAMES } from '../../common/contract.js';
import { ERROR_CODES, type Envelope } from '../../common/result.js';
import { SeededRandom } from '../../core/catalog/seeded-random.js';
import { validateCall } from '../../core/host/validate-call.js';
import { makeCatalog } from '../unit/backup/helpers.js';
import { tempDir } from '../unit/paths.js';
import { catalogFingerprint } from './support/catalog-health.js';
import { fuzzInput, randomJson, schemaKeys } from './support/fuzz-values.js';
import { rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';
import { connect, sendFrame, startHostChild, type HostChild } from './support/web-host-child.js';

const PER_METHOD = rounds(30, 300);
const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 2 ** 31);

const workspace = tempDir('listsmith-fault-ipc-');
const catalogPath = join(workspace.dir, 'catalog.sqlite');
let host: HostChild;

beforeAll(async () => {
  makeCatalog(catalogPath, 1_000);
  host = await startHostChild(catalogPath);
}, 120_000);

afterAll(async () => {
  await host?.stop();
  workspace.cleanup();
});

const TYPED = new Set<string>(ERROR_CODES);

function importsCount(): number {
  const db = new Database(catalogPath, { readonly: true });
  try {
    return Number(db.prepare('SELECT count(*) FROM imports').pluck().get());
  } finally {
    db.close();
  }
}

describe('fault: IPC fuzz over the web transport', () => {
  it('0 crashes, 0 writes, only typed errors', async () => {
    const rng = new SeededRandom(SEED);
    const counts = { seed: SEED, methods: METHOD_NAMES.length, calls: 0, typedErrors: 0, okReads: 0, internalErrors: 0, unknownMethods: 0, badFrames: 0, refusedConnections: 0, reconnects: 0, crashes: 0, writes: 0 };
    const before = { fingerprint: catalogFingerprint(catalogPath), imports: importsCount() };
    let ws: WebSocket = await connect(host);
    let nextId = 1;

    /** Sends a frame; checks the answer is a typed envelope (or a deliberate close) and counts it. */
    const send = async (frame: string | Buffer, what: string): Promise<Envelope<unknown> | null> => {
      counts.calls++;
      const answer = await sendFrame(ws, frame).catch((error: unknown) => {
        throw new Error(`${what}: ${(error as Error).message}; host exit ${JSON.stringify(host.exited())}, stderr: ${host.stderr().slice(-3000)}`);
      });
      if (answer.type === 'closed') {
        counts.reconnects++;
        ws = await connect(host).catch(async (error: unknown) => {
          await new Promise((resolve) => setTimeout(resolve, 200)); // let the exit event arrive
          throw new Error(`the host went away on ${what} (${(error as Error).message}): exit ${JSON.stringify(host.exited())} ${host.stderr().slice(-3000)}`);
        });
        return null;
      }
      const envelope = (answer as Extract<WsServerMessage, { type: 'result' }>).envelope;
      if (envelope.ok) return envelope;
      expect(TYPED.has(envelope.error.code), `${what}: code ${envelope.error.code}`).toBe(true);
      expect(envelope.error.message.length, `${what}: message`).toBeGreaterThan(10);
      if (envelope.error.code === 'internal') counts.internalErrors++;
      expect(envelope.error.code, `${what}: ${envelope.error.message}`).not.toBe('internal');
      counts.typedErrors++;
      return envelope;
    };
    const call = (method: unknown, input: unknown): Promise<Envelope<unknown> | null> => send(JSON.stringify({ type: 'call', id: nextId++, method, input }), `${String(method)} ${JSON.stringify(input)?.slice(0, 200)}`);

    // 1. Every contract method: random and near-miss inputs. Inputs that happen to be valid go
    //    through only for reads; for anything else an unknown key makes them invalid (0 writes).
    for (const method of METHOD_NAMES) {
      const keys = schemaKeys(contract[method].input);
      for (let i = 0; i < PER_METHOD; i++) {
        // What the host receives is the JSON of the input: a function or symbol value vanishes on
        // the way ({ changeSetId: fn } arrives as {}), so judge the input as sent.
        const generated = fuzzInput(rng, keys);
        const json = JSON.stringify(generated);
        let input: unknown = json === undefined ? undefined : JSON.parse(json);
        if (validateCall(method, input).ok && contract[method].access !== 'read') {
          input = { ...(typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}), __fuzz: true };
          if (validateCall(method, input).ok) continue; // a schema that allows extra keys: not sent
        }
        const expectedValid = validateCall(method, input).ok;
        const envelope = await call(method, input);
        if (envelope?.ok) {
          expect(expectedValid, `${method} accepted ${JSON.stringify(input).slice(0, 200)}`).toBe(true);
          counts.okReads++;
        }
      }
    }

    // 2. Unknown methods, including prototype names a lookup table could fall for.
    const unknown: unknown[] = ['catalog.wipe', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info ', 'APP.INFO', '', 42, null, { method: 'app.info' }, ['app.info']];
    for (let i = 0; i < PER_METHOD; i++) unknown.push(`${rng.pick(METHOD_NAMES)}${rng.pick(['.x', 'x', '/', '\u0000', '..'])}`);
    for (const method of unknown) {
      const envelope = await call(method, {});
      expect(envelope?.ok, `unknown method ${JSON.stringify(method)}`).toBe(false);
      expect(envelope && !envelope.ok && envelope.error.code).toBe('unknown_method');
      counts.unknownMethods++;
    }

    // 3. Frames that are not calls: not JSON, truncated, binary, wrong shapes and ids, deep nesting.
    const frames: (string | Buffer)[] = [
      '{not json',
      '',
      'null',
      '[]',
      '"call"',
      '{"type":"call"}',
      '{"type":"call","id":"1","method":"app.info","input":{}}',
      '{"type":"call","id":-1,"method":"app.info","input":{}}',
      '{"type":"call","id":1.5,"method":"app.info","input":{}}',
      '{"type":"call","id":1e300,"method":"app.info","input":{}}',
      '{"type":"event","id":3,"method":"app.info","input":{}}',
      JSON.stringify({ type: 'call', id: 7, method: 'app.info', input: {} }).slice(0, 30),
      Buffer.from(JSON.stringify({ type: 'call', id: 8, method: 'app.info', input: {} })),
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      `{"type":"call","id":9,"method":"grid.open","input":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      `{"type":"call","id":10,"method":"catalog.stats","input":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
      JSON.stringify({ type: 'call', id: 11, method: 'grid.open', input: { sort: { column: 'title', direction: 'asc' }, filter: {}, search: 'x'.repeat(MAX_INPUT_BYTES + 10) } }),
      JSON.stringify({ type: 'call', id: 12, method: 'bulk.apply', input: { scope: { kind: 'ids', ids: Array.from({ length: 200_000 }, (_, k) => k + 1) }, edit: { kind: 'tags', add: ['x'], remove: [] } } }),
    ];
    for (let i = 0; i < PER_METHOD; i++) {
      const text = JSON.stringify({ type: 'call', id: nextId++, method: rng.pick(METHOD_NAMES), input: randomJson(rng) });
      const bytes = Buffer.from(text);
      for (let flips = rng.int(1, 4); flips > 0; flips--) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      frames.push(bytes.toString('latin1'));
    }
    for (const frame of frames) {
      const envelope = await send(frame, `frame ${String(frame).slice(0, 80)}`);
      if (envelope?.ok) {
        // A byte flip can leave a valid read call (e.g. app.info): fine, as long as it was a read.
        counts.okReads++;
      } else counts.badFrames++;
    }
    // Over the transport's hard frame cap: the socket is closed, the host goes on.
    const closed = await sendFrame(ws, 'x'.repeat(5_000_000));
    expect(closed).toEqual({ type: 'closed', code: 1009 });
    counts.badFrames++;
    ws = await connect(host);
    counts.reconnects++;

    // 4. Connections that must be refused before any call.
    const refused: [string, Parameters<typeof connect>[1]][] = [
      ['no token', { protocols: ['listsmith.v1'] }],
      ['empty token', { token: '' }],
      ['wrong token', { token: 'f'.repeat(64) }],
      ['token of another length', { token: host.token.slice(1) }],
      ['foreign Origin', { origin: 'http://evil.example' }],
      ['null Origin', { origin: 'null' }],
      ['https Origin', { origin: `https://127.0.0.1:${host.port}` }],
      ['no protocol', { protocols: [] }],
      ['wrong path', { path: '/rpc2' }],
    ];
    for (const [what, options] of refused) {
      await expect(connect(host, options), what).rejects.toThrow(/HTTP 40[0-4]/);
      counts.refusedConnections++;
    }

    // The host is alive and unchanged.
    const info = await call('app.info', {});
    expect(info?.ok).toBe(true);
    ws.close();
    expect(host.exited(), host.stderr().slice(-2000)).toBeNull();
    counts.crashes = host.exited() === null ? 0 : 1;
    const after = { fingerprint: catalogFingerprint(catalogPath), imports: importsCount() };
    counts.writes = after.fingerprint === before.fingerprint && after.imports === before.imports ? 0 : 1;
    reportFault('ipc fuzz (web transport)', counts);
    expect(after).toEqual(before);
  });
});
