// electron-builder.yml as electron-builder itself reads it: its own loader (getConfig, which also
// applies `extends`) and its own JSON-schema validation (validateConfiguration). Used by
// scripts/check-fuses.mjs and tests/unit/build/electron-builder-config.test.ts. app-builder-lib is
// electron-builder's engine (installed with it); there is no public entry for these two functions.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * @param {string} projectDir the folder holding package.json and electron-builder.yml
 * @returns {Promise<Record<string, any>>} the configuration; throws electron-builder's own error when it is invalid
 */
export async function loadBuilderConfig(projectDir) {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util');
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}
