/**
 * The app's own updater setup (main/electron/updater.ts), run in Node against a stand-in for
 * electron-updater's `autoUpdater`. The stand-in reproduces the one behaviour that matters here:
 * electron-updater's `channel` setter sets `allowDowngrade = true` (AppUpdater.js, "set channel").
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateEnvironment } from '../../../core/update/update-policy.js';
import type { UpdateState } from '../../../core/update/update-state.js';
import { startUpdater, type AutoUpdaterLike, type UpdaterHandle } from '../../../main/electron/updater.js';

class StandInAutoUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowPrerelease = false;
  allowDowngrade = false;
  logger: unknown = null;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  failNextCheck = false;
  private currentChannel: string | null = null;

  get channel(): string | null {
    return this.currentChannel;
  }
  // As electron-updater does: choosing a channel allows downgrades.
  set channel(value: string | null) {
    this.currentChannel = value;
    this.allowDowngrade = true;
  }

  async checkForUpdates(): Promise<null> {
    this.checks++;
    if (this.failNextCheck) {
      this.failNextCheck = false;
      const error = new Error('feed unreachable');
      this.emit('error', error);
      throw error;
    }
    return null;
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }

  asAutoUpdater(): AutoUpdaterLike {
    // The stand-in has every member the app uses; electron-updater's class has many more.
    return this as unknown as AutoUpdaterLike;
  }
}

const installed = (over: Partial<UpdateEnvironment> = {}): UpdateEnvironment => ({
  isPackaged: true,
  platform: 'linux',
  env: { APPIMAGE: '/home/seller/Listsmith.AppImage' },
  appVersion: '1.4.0',
  ...over,
});

const silentLog = { info: () => {}, warn: () => {} };
const handles: UpdaterHandle[] = [];
afterEach(() => handles.splice(0).forEach((h) => h.dispose()));

function start(environment: UpdateEnvironment): { updater: StandInAutoUpdater; handle: UpdaterHandle; states: UpdateState[] } {
  const updater = new StandInAutoUpdater();
  const states: UpdateState[] = [];
  const handle = startUpdater({ log: silentLog, onState: (s) => states.push(s), autoUpdater: updater.asAutoUpdater(), environment });
  handles.push(handle);
  return { updater, handle, states };
}

describe('startUpdater (main/electron/updater.ts) configures electron-updater', () => {
  it('the stand-in has the trap: setting allowDowngrade before the channel leaves downgrades on', () => {
    const updater = new StandInAutoUpdater();
    updater.allowDowngrade = false;
    updater.channel = 'beta';
    expect(updater.allowDowngrade).toBe(true);
  });

  it('a beta build gets the beta channel and still no downgrades', () => {
    const { updater, handle } = start(installed({ appVersion: '1.5.0-beta.2' }));
    expect(handle.policy.enabled).toBe(true);
    expect(updater.channel).toBe('beta');
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(true);
  });

  it('a user who picked beta in settings on a stable build: beta channel, no downgrades', () => {
    const { updater } = start(installed({ channelSetting: 'beta' }));
    expect(updater.channel).toBe('beta');
    expect(updater.allowDowngrade).toBe(false);
  });

  it('a stable build keeps the feed’s channel, no prereleases, no downgrades; AppImage installs on quit', () => {
    const { updater } = start(installed());
    expect(updater.channel).toBeNull();
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(false);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.logger).toBe(silentLog);
  });

  it('a deb install downloads but waits for the user to install (pkexec asks for a password)', () => {
    const { updater } = start(installed({ env: {}, linuxPackageType: 'deb' }));
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('when updates are off (development build) it touches nothing and listens to nothing', async () => {
    const { updater, handle } = start(installed({ isPackaged: false }));
    expect(handle.state()).toEqual({ status: 'disabled', reason: 'not packaged (development build)' });
    expect(updater.eventNames()).toEqual([]);
    expect(updater.channel).toBeNull();
    await handle.checkNow();
    expect(updater.checks).toBe(0);
    expect(handle.restartToUpdate()).toBe(false);
  });

  it('follows electron-updater’s events to "ready", and restart installs with the installer visible', async () => {
    const { updater, handle, states } = start(installed());
    updater.emit('checking-for-update');
    updater.emit('update-available', { version: '1.5.0' });
    updater.emit('download-progress', { percent: 40, bytesPerSecond: 1000 });
    expect(handle.restartToUpdate()).toBe(false);
    updater.emit('update-downloaded', { version: '1.5.0' });
    expect(states.map((s) => s.status)).toEqual(['checking', 'available', 'downloading', 'ready']);
    expect(handle.restartToUpdate()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('a failing check by the user shows the error; it never throws', async () => {
    const { updater, handle } = start(installed());
    updater.failNextCheck = true;
    await expect(handle.checkNow()).resolves.toBeUndefined();
    expect(updater.checks).toBe(1);
    expect(handle.state()).toEqual({ status: 'error', message: 'feed unreachable' });
  });

  it('dispose stops listening', () => {
    const { updater, handle } = start(installed());
    expect(updater.listenerCount('update-downloaded')).toBe(1);
    handle.dispose();
    expect(updater.eventNames()).toEqual([]);
  });
});
