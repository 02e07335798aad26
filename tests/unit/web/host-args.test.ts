import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_USAGE, parseHostArgs } from '../../../main/web/host-args.js';
import { repoRoot } from '../paths.js';

describe('web host flags', () => {
  it('reads --db, --port and --readers', () => {
    expect(parseHostArgs(['--db', '/tmp/c.sqlite', '--port', '8123', '--readers', '2'], {})).toEqual({ kind: 'run', db: '/tmp/c.sqlite', port: 8123, readers: 2 });
    expect(parseHostArgs([], { LISTSMITH_PORT: '9000' })).toEqual({ kind: 'run', db: undefined, port: 9000, readers: 1 });
  });

  it('--help and -h ask for the usage', () => {
    expect(parseHostArgs(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseHostArgs(['-h', '--db', 'x'], {})).toEqual({ kind: 'help' });
  });

  it('unknown flags, stray words and bad numbers are one-line errors', () => {
    for (const args of [['--bogus'], ['serve'], ['--port', 'abc'], ['--port', '70000'], ['--readers', '0'], ['--db']]) {
      const command = parseHostArgs(args, {});
      expect(command.kind, args.join(' ')).toBe('error');
      if (command.kind === 'error') expect(command.message).not.toContain('\n');
    }
  });

  // The built entry (`npm run web` runs it): usage on stdout with exit 0, a one-line error with exit 2, no stack trace.
  const hostJs = join(repoRoot, 'out', 'web', 'host.js');
  it('node out/web/host.js --help prints the usage and exits 0', () => {
    const run = spawnSync(process.execPath, [hostJs, '--help'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(HOST_USAGE);
    expect(run.stderr).toBe('');
  });

  it('node out/web/host.js --nope prints one line and exits 2', () => {
    const run = spawnSync(process.execPath, [hostJs, '--nope'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("'--nope'");
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
