import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogThread } from '../../../core/host/catalog-thread.js';
import { configureNodeLogger } from '../../../core/logging/node-logger.js';
import { workerLogSink } from '../../../core/logging/worker-log-sink.js';
import type { WorkerLogMessage } from '../../../core/logging/worker-log.js';
import { repoRoot, tempDir } from '../paths.js';

// The fixture worker is compiled like the real workers (CJS, by Vite) from the real logging code.
const out = tempDir('listsmith-logworker-');
const workerFile = join(out.dir, 'log-worker.cjs');

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: {
      ssr: true,
      target: 'node22',
      outDir: out.dir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: {
        input: { 'log-worker': resolve(import.meta.dirname, 'fixtures', 'log-worker.ts') },
        external: (id) => id.startsWith('node:'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  });
}, 60_000);
afterAll(() => out.cleanup());

describe('worker log forwarding', () => {
  it("writes a worker's log lines through the host's logger, scoped and redacted", async () => {
    const t = tempDir('listsmith-hostlog-');
    try {
      const logFile = join(t.dir, 'main.log');
      const logger = configureNodeLogger({ logFile, console: false });
      const seen: WorkerLogMessage[] = [];
      const sink = workerLogSink(logger);
      const thread = new CatalogThread(
        workerFile,
        { role: 'reader', databasePath: join(t.dir, 'unused.sqlite'), appVersion: 'test', transport: 'web', stagingDir: t.dir },
        () => {},
        {
          onLog: (message) => {
            seen.push(message);
            sink(message);
          },
        },
      );
      // The fixture logs before it says ready; messages arrive in order.
      await thread.start();
      await thread.close();

      expect(seen.map((m) => [m.level, m.scope])).toEqual([
        ['warn', 'catalog reader'],
        ['error', 'catalog reader'],
      ]);
      const text = readFileSync(logFile, 'utf8');
      expect(text).toContain('upstream answered 401 for Authorization: Bearer [redacted]');
      expect(text).toMatch(/\(catalog reader\) import failed for \[email\] with api_key=\[redacted\]/);
      for (const secret of ['sk-abcdefghijklmnopqrstuvwx', 'gsk_1234567890abcdefXYZ', 'seller@example.com']) expect(text).not.toContain(secret);
    } finally {
      t.cleanup();
    }
  });
});
