/**
 * Piscina task module for the rule optimizer: `(batch) → OptimizerProposal[]`. Built by
 * scripts/build.mjs as CommonJS (out/workers/optimizer.worker.cjs) because Piscina loads it with
 * plain require(), which also works inside app.asar; core/jobs/optimizer-pool.ts runs it.
 */
import { parentPort } from 'node:worker_threads';
import { runOptimizerBatch } from '../core/jobs/pool-run-batch.js';
import { forwardConsole } from '../core/logging/console-bridge.js';
import { createWorkerLogger } from '../core/logging/worker-log.js';

// Log lines go to the pool's host on parentPort (Piscina re-emits them as the pool's 'message').
const port = parentPort;
if (port) forwardConsole(createWorkerLogger((message) => port.postMessage(message), 'optimizer'));

export default runOptimizerBatch;
