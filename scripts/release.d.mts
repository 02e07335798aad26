// Types of scripts/release.mjs for the TypeScript tests.
export type ReleaseOs = 'linux' | 'win' | 'mac';
export function releasePlan(request: { os: ReleaseOs; publish: 'always' | 'never'; env: Record<string, string | undefined> }): { ok: true; args: string[] } | { ok: false; missing: string[] };
export function parseReleaseArgv(argv: readonly string[]): { os: ReleaseOs; publish: 'always' | 'never' } | { error: string };
