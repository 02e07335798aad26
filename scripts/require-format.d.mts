// Types of scripts/require-format.mjs for the TypeScript tests.
export type RequireFormat = { kind: 'builtin' } | { kind: 'commonjs' | 'module'; file: string } | { kind: 'not-exported' | 'missing'; message: string };
export function packageName(specifier: string): string;
export function requireFormat(specifier: string, fromFile: string): RequireFormat;
export function isEsmForRequire(specifier: string, fromFile: string): boolean;
