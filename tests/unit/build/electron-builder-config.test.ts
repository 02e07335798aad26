/**
 * electron-builder.yml, loaded and schema-checked by electron-builder's own code, then held to
 * what the packaged app needs: native code outside app.asar, every fuse set (cookie encryption
 * on), the built entry points packaged and nothing else of ours, the update feed, icons and
 * minimal macOS entitlements. The packaging itself runs in CI (electron-e2e.yml, job `packaged`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig } from '../../../scripts/builder-config.mjs';
import { fuseIndex } from '../../../scripts/check-fuses.mjs';
import { IMPORTABLE_EXTENSIONS } from '../../../common/importable-files.js';
import { repoRoot } from '../paths.js';

/** electron-builder normalizes `files` into `{ filter: [...] }` sets (doMergeConfigs). */
type FileSet = string | { from?: string; to?: string; filter?: string[] };
type Config = Record<string, unknown> & {
  asarUnpack: string[];
  files: FileSet[];
  electronFuses: Record<string, boolean>;
  publish: Record<string, unknown>[];
  linux: { files?: FileSet[]; icon?: string };
  win: { files?: FileSet[]; icon?: string; verifyUpdateCodeSignature?: boolean };
  mac: { files?: FileSet[]; icon?: string; entitlements?: string; entitlementsInherit?: string; hardenedRuntime?: boolean };
  fileAssociations: { ext: string | string[] }[];
};

let config: Config;
beforeAll(async () => {
  config = (await loadBuilderConfig(repoRoot)) as Config;
});

/** The patterns of file sets that copy into the app's root (no from/to). */
function patternsOf(sets: FileSet[] | undefined): string[] {
  return (sets ?? []).flatMap((set) => (typeof set === 'string' ? [set] : set.from === undefined && set.to === undefined ? (set.filter ?? []) : []));
}

/** One file set: a path is taken when the last pattern matching it is not a `!` one. */
function packaged(path: string, patterns: string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (matchesGlob(path, negated ? pattern.slice(1) : pattern)) included = !negated;
  }
  return included;
}

/** Folders of the production dependency tree (dependencies + optionalDependencies, as npm installed them). */
function productionPackages(): string[] {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string): void => {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        if (seen.has(candidate)) return;
        seen.add(candidate);
        const pkg = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
        for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, candidate);
        return;
      }
      if (dir === repoRoot || dirname(dir) === dir) return; // an optional dependency for another platform
    }
  };
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(root.dependencies)) visit(dep, repoRoot);
  return [...seen];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** PNG width × height from the IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder itself (its loader and JSON schema)', () => {
    expect(config.appId).toBe('com.listsmith.app');
    expect(config.asar).toBe(true);
  });

  it('unpacks every native file of the production dependencies from app.asar (dlopen cannot read an archive)', () => {
    const packages = productionPackages();
    expect(packages.some((p) => p.endsWith(join('node_modules', 'better-sqlite3')))).toBe(true);
    const nativeFiles = packages
      .flatMap((dir) => filesUnder(dir))
      .filter((file) => /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(file))
      .map((file) => relative(repoRoot, file).split('\\').join('/'));
    // better-sqlite3's prebuilds and (on this machine's platform) sharp's binding and libvips.
    expect(nativeFiles.some((f) => f.startsWith('node_modules/better-sqlite3/prebuilds/'))).toBe(true);
    expect(nativeFiles.some((f) => /^node_modules\/@img\/sharp-libvips-[^/]+\/lib\/libvips/.test(f))).toBe(true);
    const packed = nativeFiles.filter((file) => !config.asarUnpack.some((pattern) => matchesGlob(file, pattern)));
    expect(packed).toEqual([]);
  });

  it('sets every fuse @electron/fuses knows, as Listsmith needs them (cookie encryption on)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    for (const key of Object.keys(config.electronFuses)) expect(fuseIndex(key), key).not.toBeNull();
  });

  it('packages the built entry points and leaves out sources, maps, the benchmark and the rest of the project', () => {
    const main = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string }).main;
    const needed = [main, 'package.json', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/workers/catalog.worker.cjs', 'out/workers/backup.worker.cjs', 'out/workers/optimizer.worker.cjs'];
    const unwanted = ['out/bench/bench.js', 'out/main/electron.js.map', 'main/electron/main.ts', 'core/host/create-core.ts', '.cache/catalogs/catalog-1000000.sqlite', 'tests/real-files/x.csv', 'README.md'];
    for (const os of ['linux', 'win', 'mac'] as const) {
      // Each `files` list is its own file set; a file is packaged when any set takes it.
      const sets = [patternsOf(config.files), ...(config[os].files ? [patternsOf(config[os].files)] : [])];
      for (const file of needed) expect(sets.some((set) => packaged(file, set)), `${os}: ${file}`).toBe(true);
      for (const file of unwanted) expect(sets.some((set) => packaged(file, set)), `${os}: ${file}`).toBe(false);
    }
  });

  it('has no file set made only of exclusions (electron-builder starts such a set from the whole project folder)', () => {
    for (const [where, sets] of [['files', config.files], ['linux.files', config.linux.files], ['win.files', config.win.files], ['mac.files', config.mac.files]] as const) {
      for (const set of sets ?? []) {
        const patterns = typeof set === 'string' ? [set] : (set.filter ?? []);
        expect(patterns.some((p) => !p.startsWith('!')), `${where}: ${JSON.stringify(patterns)}`).toBe(true);
      }
    }
  });

  it('publishes one generic feed whose URL comes from LISTSMITH_UPDATE_URL at build time', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.LISTSMITH_UPDATE_URL}', channel: 'latest' }]);
  });

  it('Windows checks the signature of updates; macOS runs hardened with only the JIT entitlement', () => {
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlements).toBe('resources/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe('resources/entitlements.mac.plist');
    const plist = readFileSync(join(repoRoot, 'resources', 'entitlements.mac.plist'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual(['com.apple.security.cs.allow-jit=true']);
  });

  it('has real icons: a 1024 px PNG for macOS/Windows and the Linux sizes', () => {
    expect(config.mac.icon).toBe('resources/icon.png');
    expect(config.win.icon).toBe('resources/icon.png');
    expect(pngSize(join(repoRoot, 'resources', 'icon.png'))).toEqual([1024, 1024]);
    expect(config.linux.icon).toBe('resources/icons');
    const linux = readdirSync(join(repoRoot, 'resources', 'icons'));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(linux).toContain(`${size}x${size}.png`);
      expect(pngSize(join(repoRoot, 'resources', 'icons', `${size}x${size}.png`))).toEqual([size, size]);
    }
  });

  it('registers only file types the import opens ("Open with Listsmith")', () => {
    const extensions = config.fileAssociations.flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]));
    for (const ext of extensions) expect(IMPORTABLE_EXTENSIONS as readonly string[]).toContain(`.${ext}`);
  });
});
