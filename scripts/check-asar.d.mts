// Types of scripts/check-asar.mjs for the TypeScript tests.
export type AsarFile = { path: string; size: number; unpacked: boolean };
export const REQUIRED_ENTRIES: string[];
export function asarFiles(header: { files?: Record<string, unknown> }): AsarFile[];
export function asarProblems(files: AsarFile[]): string[];
