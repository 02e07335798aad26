import { describe, expect, it } from 'vitest';
import { checkUpgrade } from '../../../main/web/upgrade-auth.js';

const expected = { port: 4321, token: 'a'.repeat(64) };
const good = {
  path: '/rpc',
  host: '127.0.0.1:4321',
  origin: 'http://127.0.0.1:4321',
  protocols: `listsmith.v1, token.${'a'.repeat(64)}`,
};

describe('checkUpgrade: who may open the web transport', () => {
  it('lets our own page with the token in', () => {
    expect(checkUpgrade(good, expected)).toEqual({ ok: true });
    expect(checkUpgrade({ ...good, host: 'localhost:4321', origin: 'http://localhost:4321' }, expected)).toEqual({ ok: true });
  });

  it.each([
    ['a foreign origin', { origin: 'http://evil.example' }, 403],
    ['no origin (a non-browser client)', { origin: undefined }, 403],
    ['a rebinding host name', { host: 'evil.example:4321' }, 403],
    ['another port', { origin: 'http://127.0.0.1:9999' }, 403],
    ['no token', { protocols: 'listsmith.v1' }, 401],
    ['a wrong token', { protocols: `listsmith.v1, token.${'b'.repeat(64)}` }, 401],
    ['a truncated token', { protocols: 'listsmith.v1, token.aaaa' }, 401],
    ['no protocol', { protocols: undefined }, 400],
    ['another path', { path: '/admin' }, 404],
  ])('refuses %s', (_, change, status) => {
    const verdict = checkUpgrade({ ...good, ...change }, expected);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.status).toBe(status);
  });
});
