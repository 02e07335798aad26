// Types of scripts/package-dry-run.mjs for the TypeScript tests.
export function writeStandInElectronDist(dir: string, version: string): void;
