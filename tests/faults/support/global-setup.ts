import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import buildIfNeeded from '../../unit/global-setup.js';
import { SUMMARY_ENV } from './summary.js';

/**
 * Builds out/ when missing (the web-host fuzz and the catalog threads run compiled code), and
 * collects each fault's one-line summary so the run ends with all of them together.
 */
export default function setup(): () => void {
  buildIfNeeded();
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-faults-summary-'));
  const file = join(dir, 'summary.txt');
  process.env[SUMMARY_ENV] = file;
  const started = Date.now();
  return () => {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
    const mode = process.env.FAULTS_QUICK === '1' ? 'quick' : 'full';
    console.log(`\nFault suite (${mode} mode, ${((Date.now() - started) / 1000).toFixed(0)} s):`);
    for (const line of lines.sort()) console.log(`  ${line}`);
    rmSync(dir, { recursive: true, force: true });
  };
}
