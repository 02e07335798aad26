/**
 * Runs the fake Groq server on its own, for demos and manual testing:
 *   node out/cli/fake-groq.js [--port N] [--rpm 30 --tpm 6000 --rpd 14400] [--latency-ms 1000]
 *                             [--jitter-ms 0] [--minute-ms 60000]
 * Prints `FAKE_GROQ_URL=http://127.0.0.1:PORT` and serves until SIGINT/SIGTERM. Then e.g.
 *   GROQ_BASE_URL=http://127.0.0.1:PORT GROQ_API_KEY=gsk_demo npm run web
 * Durations in its headers are real time of this server (see server.ts), even with --minute-ms.
 */
import { parseArgs } from 'node:util';
import { startFakeGroq } from './server.js';

const USAGE =
  'usage: fake-groq [--port N] [--rpm 30] [--tpm 6000] [--rpd 14400] [--latency-ms 0] [--jitter-ms 0] [--minute-ms 60000]';

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number ≥ 0, got "${value}"\n${USAGE}`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      rpm: { type: 'string' },
      tpm: { type: 'string' },
      rpd: { type: 'string' },
      'latency-ms': { type: 'string' },
      'jitter-ms': { type: 'string' },
      'minute-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const limits = Object.fromEntries(
    (['rpm', 'tpm', 'rpd'] as const).flatMap((key) => {
      const value = number(values[key], key);
      return value === undefined ? [] : [[key, value]];
    }),
  );
  const fake = await startFakeGroq({
    port: number(values.port, 'port'),
    limits,
    latencyMs: number(values['latency-ms'], 'latency-ms'),
    jitterMs: number(values['jitter-ms'], 'jitter-ms'),
    minuteMs: number(values['minute-ms'], 'minute-ms'),
  });
  console.log(`FAKE_GROQ_URL=${fake.url}`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
