import { copyFileSync, rmSync } from 'node:fs';
import { randomInt } from './rounds.js';
import { runChild, type ChildRun } from './kill-child.js';

export interface KillRound {
  round: number;
  killAfterMs: number;
  run: ChildRun;
  /** True when the SIGKILL landed before the child reported `done`. */
  killedMidway: boolean;
}

/**
 * Calibrates how long the operation takes (one run to completion on a scratch copy), then runs
 * `count` rounds, each on a fresh copy of `baseCatalog`, SIGKILLing the child at a random moment
 * in [0, that duration] — so most kills land inside the operation (a slower run may finish first).
 * `check` inspects each round's catalog and throws on anything lost or half-written.
 */
export async function killRounds(options: {
  child: string;
  baseCatalog: string;
  workCatalog: string;
  args: (catalog: string) => string[];
  count: number;
  /** Called before every run (e.g. to reset a backup folder). */
  reset?: () => void;
  check: (round: KillRound) => void;
}): Promise<{ calibrationMs: number; rounds: KillRound[] }> {
  const fresh = (): void => {
    // A killed round leaves its -wal/-shm: they belong to that copy and must not meet the next one.
    for (const suffix of ['-wal', '-shm']) rmSync(options.workCatalog + suffix, { force: true });
    copyFileSync(options.baseCatalog, options.workCatalog);
    options.reset?.();
  };
  fresh();
  const calibration = await runChild(options.child, options.args(options.workCatalog));
  const calibrationMs = Math.max(5, calibration.elapsedMs);
  const rounds: KillRound[] = [];
  for (let round = 0; round < options.count; round++) {
    fresh();
    const killAfterMs = randomInt(0, Math.ceil(calibrationMs));
    const run = await runChild(options.child, options.args(options.workCatalog), killAfterMs);
    const result: KillRound = { round, killAfterMs, run, killedMidway: run.signal === 'SIGKILL' && !run.lines.some((l) => l.startsWith('done')) };
    options.check(result);
    rounds.push(result);
  }
  return { calibrationMs, rounds };
}
