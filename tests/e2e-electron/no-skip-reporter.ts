/**
 * Where the Electron specs must run (LISTSMITH_REQUIRE_ELECTRON=1, CI), a skipped spec is a
 * failure: a green job with skipped tests is how this workflow once passed with zero tests.
 * Listed in playwright.electron.config.ts and playwright.packaged.config.ts next to `list`.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { electronRequired } from './electron-binary.js';

/** The run's status after counting skips: unchanged unless skips happened where they are not allowed. */
export function statusAfterSkips(status: FullResult['status'], skipped: readonly string[], env: NodeJS.ProcessEnv): FullResult['status'] {
  return skipped.length > 0 && electronRequired(env) ? 'failed' : status;
}

export default class NoSkipReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'skipped') this.skipped.push(test.titlePath().filter(Boolean).join(' › '));
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] }> {
    const status = statusAfterSkips(result.status, this.skipped, process.env);
    if (status !== result.status) {
      console.error(`${this.skipped.length} Electron spec(s) skipped where LISTSMITH_REQUIRE_ELECTRON is set — failing the run:\n  ${this.skipped.join('\n  ')}`);
    }
    return { status };
  }

  printsToStdio(): boolean {
    return false;
  }
}
