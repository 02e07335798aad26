import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASK, redact, redactLogMessage, redactValue } from '../../../core/logging/redact.js';
import { archivedLogPath, rotateLogFiles } from '../../../core/logging/rotate.js';
import { createWorkerLogger, formatLogArgs, isWorkerLogMessage, type WorkerLogMessage } from '../../../core/logging/worker-log.js';
import { configureNodeLogger } from '../../../core/logging/node-logger.js';
import { tempDir } from '../paths.js';

const GROQ = 'gsk_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4';
const HEX_TOKEN = 'f3a9c2e4b5d6a7f8091a2b3c4d5e6f7a';

/** Every secret in these lines must disappear; the non-secret words must stay. */
const CASES: { line: string; secrets: string[]; keeps?: string[] }[] = [
  { line: `groq failed with key ${GROQ}`, secrets: [GROQ], keeps: ['groq failed with key'] },
  { line: `Authorization: Bearer ${GROQ}`, secrets: [GROQ], keeps: ['Authorization: Bearer'] },
  { line: 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_x', secrets: ['eyJhbGciOiJIUzI1NiJ9', 'sig-nature_x'] },
  { line: '{"headers":{"Authorization":"Bearer abcdefghijklmnop"}}', secrets: ['abcdefghijklmnop'] },
  { line: 'Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==', secrets: ['dXNlcjpwYXNzd29yZA=='] },
  { line: 'authorization=rawsecretvalue123', secrets: ['rawsecretvalue123'] },
  { line: 'GET https://api.example.com/v1/items?api_key=SECRET123&page=2', secrets: ['SECRET123'], keeps: ['page=2', 'https://api.example.com/v1/items'] },
  { line: 'apikey: s3cr3t-value', secrets: ['s3cr3t-value'] },
  { line: 'API-KEY=xyz987654', secrets: ['xyz987654'] },
  { line: `open http://127.0.0.1:5173/#token=${HEX_TOKEN}`, secrets: [HEX_TOKEN], keeps: ['http://127.0.0.1:5173/'] },
  { line: `ws://127.0.0.1:4000/rpc?token=${HEX_TOKEN}&x=1`, secrets: [HEX_TOKEN], keeps: ['x=1'] },
  { line: `Sec-WebSocket-Protocol: listsmith.v1, token.${HEX_TOKEN}`, secrets: [HEX_TOKEN], keeps: ['listsmith.v1'] },
  { line: 'oauth callback #access_token=ya29.a0AfH6SM&expires_in=3599', secrets: ['ya29.a0AfH6SM'], keeps: ['expires_in=3599'] },
  { line: 'refresh_token=1//0gLr-abc', secrets: ['1//0gLr-abc'] },
  { line: 'password=hunter2 user=bob', secrets: ['hunter2'], keeps: ['user=bob'] },
  { line: 'fetch https://bob:hunter2@shop.example.com/api failed', secrets: ['hunter2', 'bob:'] },
  { line: 'openai sk-proj-abcdefghijklmnopqrstuvwx and slack xoxb-1234567890-abcdef', secrets: ['sk-proj-abcdefghijklmnopqrstuvwx', 'xoxb-1234567890-abcdef'] },
  { line: 'import row 5: contact jane.doe+shop@example.co.uk is invalid', secrets: ['jane.doe+shop@example.co.uk'], keeps: ['import row 5: contact'] },
  { line: `{"groqApiKey":"${GROQ}","model":"llama"}`, secrets: [GROQ], keeps: ['"model":"llama"'] },
  { line: `env GROQ_API_KEY=${GROQ} node x`, secrets: [GROQ] },
];

describe('redact', () => {
  for (const c of CASES) {
    it(`masks: ${c.line.slice(0, 60)}`, () => {
      const out = redact(c.line);
      for (const secret of c.secrets) expect(out).not.toContain(secret);
      for (const keep of c.keeps ?? []) expect(out).toContain(keep);
      expect(out).toMatch(/\[redacted\]|\[email\]/);
      expect(redact(out)).toBe(out); // idempotent: hooks may run once per transport
    });
  }

  it('leaves ordinary log lines alone', () => {
    for (const line of [
      'catalog open: /home/u/.config/Listsmith/catalog.sqlite',
      'import finished: 12000 rows in 3.2 s (token bucket refilled)',
      'grid.open took 41 ms',
      'Listsmith 0.1.0 starting (electron 45.4.1, packaged=false)',
      'tokens used: 1234',
    ]) {
      expect(redact(line)).toBe(line);
    }
  });

  it('e-mail masking is optional', () => {
    expect(redact('mail a@b.io', { emails: false })).toBe('mail a@b.io');
  });

  it('redacts deeply: objects, secret-named keys, arrays, errors (message, stack, cause), cycles', () => {
    const cause = new Error(`upstream said ${GROQ}`);
    const err = Object.assign(new Error(`request to https://x.test/?token=${HEX_TOKEN} failed`, { cause }), { code: 'ECONNRESET' });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const input = {
      apiKey: 'plain-secret-without-pattern',
      headers: { authorization: 'anything', 'x-api-key': 'k', accept: 'json' },
      list: [`Bearer ${GROQ}`, 3, null],
      err,
      cyclic,
      when: new Date(0),
    };
    const out = redactValue(input) as typeof input;
    const text = JSON.stringify(out) + String((out.err as Error).stack) + String(((out.err as Error).cause as Error).message);
    for (const secret of ['plain-secret-without-pattern', GROQ, HEX_TOKEN, '"anything"']) expect(text).not.toContain(secret);
    expect(out.headers.accept).toBe('json');
    expect(out.apiKey).toBe(MASK);
    expect((out.err as Error & { code: string }).code).toBe('ECONNRESET');
    expect(out.when).toEqual(new Date(0));
    expect(input.apiKey).toBe('plain-secret-without-pattern'); // caller's object untouched
    expect(err.message).toContain(HEX_TOKEN);
  });

  it('as an electron-log hook it rewrites every argument', () => {
    const message = { data: ['key', GROQ, { token: 'abc' }], level: 'info', date: new Date() };
    const out = redactLogMessage(message);
    expect(JSON.stringify(out.data)).not.toContain(GROQ);
    expect(JSON.stringify(out.data)).not.toContain('abc');
    expect(out.level).toBe('info');
  });
});

describe('worker log forwarding', () => {
  it('formats, redacts and caps lines in the worker; the host accepts only well-formed messages', () => {
    const sent: WorkerLogMessage[] = [];
    const log = createWorkerLogger((m) => sent.push(m), 'catalog writer');
    log.error('import failed:', new Error(`groq said no to ${GROQ}`));
    log.info('%d rows', 5);
    log.warn('x'.repeat(20_000));
    expect(sent[0]).toMatchObject({ type: 'log', level: 'error', scope: 'catalog writer' });
    expect(sent[0]!.text).toContain('import failed: Error: groq said no to [redacted]');
    expect(sent[0]!.text).toMatch(/at /); // stack kept
    expect(sent[1]!.text).toBe('5 rows');
    expect(sent[2]!.text.length).toBeLessThan(8_300);
    for (const m of sent) expect(isWorkerLogMessage(m)).toBe(true);
    for (const bad of [null, {}, { type: 'log', level: 'fatal', scope: 's', text: 't' }, { type: 'log', level: 'info', scope: 1, text: 't' }, { type: 'event' }]) {
      expect(isWorkerLogMessage(bad)).toBe(false);
    }
    expect(formatLogArgs([{ password: 'p4ss' }])).not.toContain('p4ss');
  });
});

describe('log rotation and the Node logger', () => {
  it('keeps N old files, newest first', () => {
    const t = tempDir('listsmith-logs-');
    try {
      const current = join(t.dir, 'main.log');
      for (let i = 1; i <= 7; i++) {
        writeFileSync(current, `generation ${i}\n`);
        rotateLogFiles(current, 3);
      }
      expect(existsSync(current)).toBe(false);
      expect(readdirSync(t.dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
      expect(readFileSync(archivedLogPath(current, 1), 'utf8')).toBe('generation 7\n');
      expect(readFileSync(archivedLogPath(current, 3), 'utf8')).toBe('generation 5\n');
    } finally {
      t.cleanup();
    }
  });

  it('writes redacted lines to its file and rotates at maxSize', () => {
    const t = tempDir('listsmith-nodelog-');
    try {
      const file = join(t.dir, 'web.log');
      const log = configureNodeLogger({ logFile: file, maxBytes: 2_000, keep: 2, console: false });
      log.info(`starting with ${GROQ} and Authorization: Bearer ${HEX_TOKEN}`);
      for (let i = 0; i < 60; i++) log.info(`line ${i} ${'.'.repeat(80)}`);
      const all = readdirSync(t.dir).map((name) => readFileSync(join(t.dir, name), 'utf8')).join('\n');
      expect(all).not.toContain(GROQ);
      expect(all).not.toContain(HEX_TOKEN);
      expect(readdirSync(t.dir).sort()).toEqual(['web.1.log', 'web.2.log', 'web.log']);
    } finally {
      t.cleanup();
    }
  });
});
