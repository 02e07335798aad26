/**
 * Where the packaged app is: LISTSMITH_PACKAGED_APP (the CI job sets it), else the executable
 * `electron-builder --dir` leaves in release/ for this OS and CPU. Plain Node, unit-tested.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** electron-builder's unpacked folder and executable name per OS and CPU (productName Listsmith, linux.executableName listsmith). */
export function unpackedExecutable(releaseDir: string, platform: NodeJS.Platform, arch: string): string {
  const suffix = arch === 'x64' ? '' : `-${arch}`;
  if (platform === 'darwin') return join(releaseDir, `mac${suffix}`, 'Listsmith.app', 'Contents', 'MacOS', 'Listsmith');
  if (platform === 'win32') return join(releaseDir, `win${suffix}-unpacked`, 'Listsmith.exe');
  return join(releaseDir, `linux${suffix}-unpacked`, 'listsmith');
}

/** The executable to launch, or null when there is none (then the spec skips, or fails in CI). */
export function packagedAppPath(env: NodeJS.ProcessEnv, releaseDir: string, platform: NodeJS.Platform = process.platform, arch: string = process.arch): string | null {
  const path = env.LISTSMITH_PACKAGED_APP?.trim() || unpackedExecutable(releaseDir, platform, arch);
  return existsSync(path) ? path : null;
}
