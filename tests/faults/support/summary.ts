import { appendFileSync } from 'node:fs';

/** Set by global-setup.ts: the file every fault appends its one-line summary to. */
export const SUMMARY_ENV = 'LISTSMITH_FAULTS_SUMMARY';

/** Prints one fault's measured counts now and keeps them for the end-of-run summary. */
export function reportFault(name: string, counts: Record<string, number | string>): void {
  const line = `${name}: ${Object.entries(counts)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')}`;
  console.log(`[faults] ${line}`);
  const file = process.env[SUMMARY_ENV];
  if (file) appendFileSync(file, `${line}\n`);
}
