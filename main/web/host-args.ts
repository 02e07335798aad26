import { parseArgs } from 'node:util';

/** What `node out/web/host.js …` was asked to do: run, print its usage, or refuse bad flags. */
export type HostCommand =
  | { kind: 'run'; db: string | undefined; port: number; readers: number }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export const HOST_USAGE = `Usage: node out/web/host.js [--db PATH] [--port N] [--readers N]

Serves Listsmith to a browser on 127.0.0.1 (what \`npm run web\` runs) and prints the address to open.

  --db PATH     the catalog file (default: LISTSMITH_DB, else the desktop app's catalog)
  --port N      the port to listen on (default: LISTSMITH_PORT, else a free port)
  --readers N   catalog reader threads, 1–8 (default: 1)
  -h, --help    print this and exit`;

/**
 * Parses the web host's flags without throwing: Node's parseArgs throws on unknown flags, and a
 * stack trace is no answer to a typo. Exit codes follow the CLI convention: usage 0, bad flags 2.
 */
export function parseHostArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): HostCommand {
  let values: { db?: string | undefined; port?: string | undefined; readers?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        readers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: `${firstLine((error as Error).message)} (see --help)` };
  }
  if (values.help === true) return { kind: 'help' };
  const portText = values.port ?? env.LISTSMITH_PORT ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) return { kind: 'error', message: `--port must be a number from 0 to 65535, not "${portText}" (0 picks a free port)` };
  const readersText = values.readers ?? '1';
  const readers = Number(readersText);
  if (!/^\d+$/.test(readersText) || readers < 1 || readers > 8) return { kind: 'error', message: `--readers must be a number from 1 to 8, not "${readersText}"` };
  if (values.db === '') return { kind: 'error', message: '--db needs a file path' };
  return { kind: 'run', db: values.db, port, readers };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
