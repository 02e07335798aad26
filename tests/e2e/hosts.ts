import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface RunningHost {
  url: string;
  process: ChildProcess;
}

/**
 * Starts `out/web/host.js` (what `npm run web` runs) on a free port and waits for its URL. The
 * machine's own Groq settings never leak in: only `env` given here sets GROQ_API_KEY/GROQ_BASE_URL.
 */
export function startHost(databasePath: string, env: Record<string, string> = {}): Promise<RunningHost> {
  const { GROQ_API_KEY: _key, GROQ_BASE_URL: _base, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(repoRoot, 'out', 'web', 'host.js'), '--db', databasePath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, ...env },
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match) resolvePromise({ url: match[1]!, process: child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
}
