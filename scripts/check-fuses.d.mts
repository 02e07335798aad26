// Types of scripts/check-fuses.mjs for the TypeScript tests.
export function fuseIndex(key: string): number | null;
export function fuseMismatches(electronFuses: Record<string, boolean>, wire: Record<string | number, unknown>): string[];
export function describeWire(wire: Record<string | number, unknown>): string;
