import { spawn } from 'node:child_process';

export interface ChildRun {
  /** SIGKILL when the parent killed it; null when it exited on its own. */
  signal: NodeJS.Signals | null;
  code: number | null;
  /** Every stdout line it printed. */
  lines: string[];
  /** ms from its `ready` line to its exit. */
  elapsedMs: number;
}

/**
 * Runs a compiled child (`node file ...args`) and, when `killAfterMs` is given, SIGKILLs it that
 * long after it printed `ready` — the moment the operation under test starts. A child that
 * finishes first exits normally, and the caller sees it in `signal`.
 */
export function runChild(file: string, args: readonly string[], killAfterMs?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let readyAt = 0;
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (readyAt === 0 && line.startsWith('ready')) {
          readyAt = Date.now();
          if (killAfterMs !== undefined) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
        }
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === null && code !== 0) return reject(new Error(`child ${file} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ signal, code, lines, elapsedMs: readyAt === 0 ? 0 : Date.now() - readyAt });
    });
  });
}

/** The JSON a child printed after `prefix ` on its last such line. */
export function lastJson<T>(run: ChildRun, prefix: string): T | undefined {
  const line = run.lines.findLast((l) => l.startsWith(`${prefix} `));
  return line === undefined ? undefined : (JSON.parse(line.slice(prefix.length + 1)) as T);
}
