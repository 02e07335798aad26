import { describe, expect, it } from 'vitest';
import { channelFileName, decideUpdatePolicy, type UpdateEnvironment } from '../../../core/update/update-policy.js';
import { nextUpdateState, type UpdateState } from '../../../core/update/update-state.js';

const packaged = (over: Partial<UpdateEnvironment> = {}): UpdateEnvironment => ({
  isPackaged: true,
  platform: 'win32',
  env: {},
  appVersion: '1.2.3',
  ...over,
});

describe('update policy', () => {
  it('is off when unpackaged, under CI/tests, when disabled, and in store/flatpak/snap builds', () => {
    const off: [Partial<UpdateEnvironment>, RegExp][] = [
      [{ isPackaged: false }, /not packaged/],
      [{ env: { CI: 'true' } }, /CI/],
      [{ env: { CI: '1' } }, /CI/],
      [{ env: { LISTSMITH_DISABLE_UPDATES: '1' } }, /LISTSMITH_DISABLE_UPDATES/],
      [{ env: { PLAYWRIGHT_TEST: '1' } }, /tests/],
      [{ env: { VITEST: 'true' } }, /tests/],
      [{ platform: 'darwin', isMas: true }, /App Store/],
      [{ isWindowsStore: true }, /Microsoft Store/],
      [{ platform: 'linux', env: { FLATPAK_ID: 'app.listsmith', APPIMAGE: '/x' } }, /Flatpak/],
      [{ platform: 'linux', env: { container: 'flatpak' } }, /Flatpak/],
      [{ platform: 'linux', env: { SNAP: '/snap/listsmith/1' } }, /Snap/],
      [{ platform: 'linux', env: {} }, /neither AppImage/],
      [{ platform: 'linux', env: {}, linuxPackageType: 'pacman' }, /package manager/],
    ];
    for (const [over, reason] of off) {
      const policy = decideUpdatePolicy(packaged(over));
      expect(policy.enabled, JSON.stringify(over)).toBe(false);
      expect(!policy.enabled && policy.reason).toMatch(reason);
    }
    // CI=false / 0 does not count as CI
    expect(decideUpdatePolicy(packaged({ env: { CI: 'false' } })).enabled).toBe(true);
  });

  it('is on for installed AppImage, deb, NSIS and mac builds, stable by default, beta for prereleases', () => {
    for (const over of [{ platform: 'linux' as const, env: { APPIMAGE: '/home/u/Listsmith.AppImage' } }, { platform: 'linux' as const, linuxPackageType: 'deb\n' }, {}, { platform: 'darwin' as const }]) {
      const policy = decideUpdatePolicy(packaged(over));
      expect(policy).toMatchObject({ enabled: true, channel: 'stable', allowPrerelease: false, autoDownload: true, checkOnStart: true, checkIntervalMs: 6 * 3_600_000 });
    }
    expect(decideUpdatePolicy(packaged({ appVersion: '1.3.0-beta.2' }))).toMatchObject({ channel: 'beta', allowPrerelease: true });
    expect(decideUpdatePolicy(packaged({ channelSetting: 'beta' }))).toMatchObject({ channel: 'beta', allowPrerelease: true });
    expect(decideUpdatePolicy(packaged({ appVersion: '1.3.0-beta.2', channelSetting: 'stable' }))).toMatchObject({ channel: 'stable', allowPrerelease: false });
    // deb installs ask for a password: never install silently on quit
    expect(decideUpdatePolicy(packaged({ platform: 'linux', linuxPackageType: 'deb' }))).toMatchObject({ autoInstallOnAppQuit: false });
  });

  it('check interval: env override clamped to 1 h … 7 days', () => {
    const interval = (v: string) => {
      const p = decideUpdatePolicy(packaged({ env: { LISTSMITH_UPDATE_INTERVAL_HOURS: v } }));
      return p.enabled ? p.checkIntervalMs / 3_600_000 : NaN;
    };
    expect(interval('12')).toBe(12);
    expect(interval('0.01')).toBe(1);
    expect(interval('100000')).toBe(168);
    expect(interval('nope')).toBe(6);
  });

  it('feed file names follow electron-builder', () => {
    expect(channelFileName('stable', 'win32')).toBe('latest.yml');
    expect(channelFileName('stable', 'linux')).toBe('latest-linux.yml');
    expect(channelFileName('beta', 'darwin')).toBe('beta-mac.yml');
  });
});

describe('update state', () => {
  const run = (events: Parameters<typeof nextUpdateState>[1][], from: UpdateState = { status: 'idle' }) => events.reduce(nextUpdateState, from);

  it('available → downloading → ready, and ready sticks', () => {
    const s = run([
      { type: 'checking-for-update' },
      { type: 'update-available', version: '1.3.0' },
      { type: 'download-progress', percent: 12.5, bytesPerSecond: 1000 },
      { type: 'download-progress', percent: 140 },
    ]);
    expect(s).toEqual({ status: 'downloading', version: '1.3.0', percent: 100 });
    const ready = run([{ type: 'update-downloaded', version: '1.3.0' }, { type: 'checking-for-update' }, { type: 'error', message: 'offline' }, { type: 'update-not-available', at: 1 }], s);
    expect(ready).toEqual({ status: 'ready', version: '1.3.0' });
  });

  it('background errors are quiet; user-initiated ones are shown', () => {
    expect(run([{ type: 'checking-for-update' }, { type: 'error', message: 'ENOTFOUND' }])).toEqual({ status: 'idle' });
    expect(run([{ type: 'update-available', version: '2.0.0' }, { type: 'download-progress', percent: 5 }, { type: 'error', message: 'reset' }])).toEqual({ status: 'available', version: '2.0.0' });
    expect(run([{ type: 'error', message: 'x'.repeat(1000), userInitiated: true }])).toMatchObject({ status: 'error' });
    expect(run([{ type: 'update-not-available', at: 5 }])).toEqual({ status: 'idle', lastCheckedAt: 5 });
    expect(run([{ type: 'update-available', version: '9.9.9' }], { status: 'disabled', reason: 'dev' })).toEqual({ status: 'disabled', reason: 'dev' });
  });
});
