// Checks the fuses of a packaged Listsmith against `electronFuses` in electron-builder.yml:
//   node scripts/check-fuses.mjs release/linux-unpacked/listsmith      (or …/Listsmith.exe, …/Listsmith.app)
// Exit 0 when every configured fuse is flipped as configured, 1 with one line per difference.
// Reads the binary with @electron/fuses (what `npx @electron/fuses read --app …` prints), so a
// build that silently skipped flipping (or an electron-builder change) fails the packaging job.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
// Not re-exported by the package's index.
const { FuseState } = require('@electron/fuses/dist/constants.js');

/** electron-builder's electronFuses key → @electron/fuses index ('runAsNode' → FuseV1Options.RunAsNode). */
export function fuseIndex(key) {
  const index = FuseV1Options[key.charAt(0).toUpperCase() + key.slice(1)];
  return typeof index === 'number' ? index : null;
}

const stateName = (state) => ({ [FuseState.ENABLE]: 'enabled', [FuseState.DISABLE]: 'disabled', [FuseState.REMOVED]: 'removed', [FuseState.INHERIT]: 'inherited' })[state] ?? `unknown (${state})`;

/**
 * Differences between the configured fuses and a wire read from a binary.
 * @param {Record<string, boolean>} electronFuses the config's electronFuses (resetAdHocDarwinSignature is not a fuse)
 * @param {Record<string | number, unknown>} wire getCurrentFuseWire's answer: { version, 0: state, 1: state, … }
 * @returns {string[]} one line per problem; empty when they agree
 */
export function fuseMismatches(electronFuses, wire) {
  if (String(wire.version) !== '1') return [`fuse wire version ${wire.version} is not the one this check knows (1): update @electron/fuses`];
  const problems = [];
  for (const [key, wanted] of Object.entries(electronFuses)) {
    if (key === 'resetAdHocDarwinSignature') continue;
    const index = fuseIndex(key);
    if (index === null) {
      problems.push(`${key}: not a fuse @electron/fuses knows`);
      continue;
    }
    const actual = wire[index];
    if (actual === undefined) problems.push(`${key}: this Electron's fuse wire has no such fuse`);
    else if (actual !== FuseState.REMOVED && actual !== (wanted ? FuseState.ENABLE : FuseState.DISABLE)) {
      problems.push(`${key}: configured ${wanted ? 'enabled' : 'disabled'}, binary has it ${stateName(actual)}`);
    }
  }
  return problems;
}

/** A printable listing of the wire, like `@electron/fuses read`. */
export function describeWire(wire) {
  return Object.keys(wire)
    .filter((k) => /^\d+$/.test(k))
    .map((k) => `  ${FuseV1Options[Number(k)] ?? `fuse ${k}`} is ${stateName(wire[k])}`)
    .join('\n');
}

async function main() {
  const app = process.argv[2];
  if (!app) {
    console.error('usage: node scripts/check-fuses.mjs <path to the packaged executable or .app>');
    process.exit(2);
  }
  const { loadBuilderConfig } = await import('./builder-config.mjs');
  const config = await loadBuilderConfig(resolve(import.meta.dirname, '..'));
  if (!config.electronFuses) {
    console.error('electron-builder.yml has no electronFuses: nothing would be flipped');
    process.exit(1);
  }
  const wire = await getCurrentFuseWire(resolve(app));
  console.log(`fuses of ${app}:\n${describeWire(wire)}`);
  const problems = fuseMismatches(config.electronFuses, wire);
  if (problems.length > 0) {
    console.error(`fuses differ from electron-builder.yml:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('fuses match electron-builder.yml');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
