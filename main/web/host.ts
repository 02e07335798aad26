import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCore } from '../../core/host/create-core.js';
import { defaultDatabasePath } from '../../core/host/data-dir.js';
import { FileSecretStore } from '../../core/secrets/secret-store.js';
import { configureNodeLogger } from '../../core/logging/node-logger.js';
import { workerLogSink } from '../../core/logging/worker-log-sink.js';
import { HOST_USAGE, parseHostArgs } from './host-args.js';
import { startWebHost } from './start-web-host.js';
import { webShellHandlers } from './web-shell-handlers.js';

/**
 * `npm run web`: the whole app without Electron. Runs the same core as the desktop shell and
 * serves the renderer to a browser on 127.0.0.1, for development, demos and end-to-end tests.
 */
const command = parseHostArgs(process.argv.slice(2), process.env);
if (command.kind === 'help') {
  console.log(HOST_USAGE);
  process.exit(0);
}
if (command.kind === 'error') {
  console.error(`listsmith web host: ${command.message}`);
  process.exit(2);
}

const outDir = dirname(import.meta.dirname);
const packageJson = JSON.parse(readFileSync(join(outDir, '..', 'package.json'), 'utf8')) as { version: string };
const databasePath = command.db ?? defaultDatabasePath();
mkdirSync(dirname(databasePath), { recursive: true });
// Worker threads' log lines (redacted) go to a rotated file beside the catalog, and the console.
const logFile = join(dirname(databasePath), 'logs', 'web.log');
const log = configureNodeLogger({ logFile });

try {
  const core = await createCore({
    databasePath,
    appVersion: packageJson.version,
    transport: 'web',
    workerFile: join(outDir, 'workers', 'catalog.worker.cjs'),
    readers: command.readers,
    log: workerLogSink(log),
    logFile,
    // Backup restore and updates are the desktop app's; the web host says so (web-shell-handlers.ts).
    shell: webShellHandlers,
    // As the groq-sdk does: GROQ_API_KEY / GROQ_BASE_URL from the environment; pasted keys go to a 0600 file.
    ai: {
      secrets: new FileSecretStore(join(dirname(databasePath), 'web-secrets.json')),
      envKey: process.env.GROQ_API_KEY ?? null,
      ...(process.env.GROQ_BASE_URL ? { baseURL: process.env.GROQ_BASE_URL } : {}),
      ...(process.env.LISTSMITH_AI_MINUTE_MS ? { windowMs: Number(process.env.LISTSMITH_AI_MINUTE_MS) } : {}),
    },
  });
  const host = await startWebHost({ core, rendererDir: join(outDir, 'renderer'), port: command.port });
  console.log(`Listsmith catalog: ${databasePath}`);
  console.log(`Listsmith is running at ${host.url}`);
  console.log('Open that address in a browser (it carries this launch\'s access token). Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  console.error(`Listsmith could not start: ${(error as Error).message}`);
  process.exit(1);
}
