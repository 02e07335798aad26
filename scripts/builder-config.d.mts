// Types of scripts/builder-config.mjs for the TypeScript tests.
export function loadBuilderConfig(projectDir: string): Promise<Record<string, unknown>>;
