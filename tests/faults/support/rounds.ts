/** FAULTS_QUICK=1 (CI) runs few rounds per fault; the default full mode runs many more. */
export const QUICK = process.env.FAULTS_QUICK === '1';

export function rounds(quick: number, full: number): number {
  return QUICK ? quick : full;
}

/** A random integer in [min, max]. */
export function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}
