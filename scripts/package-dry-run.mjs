// Packages Listsmith for Linux (`electron-builder --dir`) on a machine WITHOUT the Electron binary,
// with a stand-in Electron distribution: a file holding the fuse wire where Electron keeps it.
// Everything electron-builder does to our files runs for real — app.asar, unpacking native
// modules, flipping fuses, app-update.yml — and is then checked with check-asar.mjs and
// check-fuses.mjs. The app cannot start (the stand-in is not Electron); CI packages and starts the
// real one (electron-e2e.yml, job `packaged`). Run after `npm run build`:
//   node scripts/package-dry-run.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses' marker before the fuse wire
// A stock Electron's wire: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// asar integrity off, only-from-asar off, browser V8 snapshot off, file:// privileges on.
const STOCK_WIRE = '10110001';

/** Writes a stand-in Electron distribution for Linux into `dir` (executable `electron`, `version`, LICENSE, chrome-sandbox). */
export function writeStandInElectronDist(dir, version) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('\x7fELF stand-in for Electron '), Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, STOCK_WIRE.length]), Buffer.from(STOCK_WIRE, 'latin1'), Buffer.from(' end')]), { mode: 0o755 });
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
}

function main() {
  const root = resolve(import.meta.dirname, '..');
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const work = mkdtempSync(join(tmpdir(), 'listsmith-package-dry-run-'));
  const dist = join(work, 'electron-dist');
  const output = join(work, 'release');
  try {
    writeStandInElectronDist(dist, version);
    const run = (cmd, args, env = {}) => {
      const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
      if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status})`);
    };
    run('npx', ['--no', '--', 'electron-builder', '--linux', '--dir', '--x64', '--publish', 'never', `-c.electronDist=${dist}`, `-c.electronVersion=${version}`, `-c.directories.output=${output}`], {
      LISTSMITH_UPDATE_URL: process.env.LISTSMITH_UPDATE_URL ?? 'https://updates.invalid/listsmith',
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    });
    const app = join(output, 'linux-unpacked');
    run(process.execPath, [join(root, 'scripts', 'check-asar.mjs'), join(app, 'resources', 'app.asar')]);
    run(process.execPath, [join(root, 'scripts', 'check-fuses.mjs'), join(app, 'listsmith')]);
    console.log(`dry run packaged and checked (${app}, removed afterwards)`);
  } catch (error) {
    console.error(`package dry run: ${error.message}`);
    process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
