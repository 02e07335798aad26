import type { Migration } from './migration.js';

/**
 * Issue 14 (AI that answers fast): a job can be paused — Groq kept failing (an outage), so instead
 * of retrying for minutes the job waits, with its reason in `error`, until the seller resumes it.
 * A column rather than a new `state` value: the state CHECK of migration 001 cannot be widened
 * without rebuilding `jobs`, whose rows job_items and proposals reference. A paused job keeps
 * state 'queued'; every claim skips it while `paused_at` is set.
 */
export const jobPause: Migration = {
  version: 10,
  name: 'job-pause',
  up(db) {
    db.exec('ALTER TABLE jobs ADD COLUMN paused_at INTEGER;');
  },
};
