/**
 * Piscina task module for the rule optimizer: `(batch) → OptimizerProposal[]`. Built by
 * scripts/build.mjs as CommonJS (out/workers/optimizer.worker.cjs) because Piscina loads it with
 * plain require(), which also works inside app.asar; core/jobs/optimizer-pool.ts runs it.
 */
import { runOptimizerBatch } from '../core/jobs/pool-run-batch.js';

export default runOptimizerBatch;
