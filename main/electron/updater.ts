/**
 * electron-updater wired to the pure policy (core/update/update-policy.ts) and state machine
 * (core/update/update-state.ts). Every state change is pushed to the renderer (`update.state`);
 * errors of background checks only log. "Restart to update" calls `quitAndInstall`.
 */
import { app } from 'electron';
import type { MainLogger } from 'electron-log';
import electronUpdater from 'electron-updater';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideUpdatePolicy, type UpdateChannel, type UpdatePolicy } from '../../core/update/update-policy.js';
import { nextUpdateState, type UpdateEvent, type UpdateState } from '../../core/update/update-state.js';

// electron-updater is CommonJS: its named exports are not statically visible to Node's ESM loader.
const { autoUpdater } = electronUpdater;

export interface UpdaterHandle {
  policy: UpdatePolicy;
  state(): UpdateState;
  /** A user-initiated check (menu): its errors are shown, not only logged. */
  checkNow(): Promise<void>;
  /** Quits and installs a downloaded update. False when none is ready. */
  restartToUpdate(): boolean;
  dispose(): void;
}

function linuxPackageType(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'package-type'), 'utf8');
  } catch {
    return null;
  }
}

export function startUpdater(options: { log: MainLogger; onState: (state: UpdateState) => void; channelSetting?: UpdateChannel | null }): UpdaterHandle {
  const { log } = options;
  const policy = decideUpdatePolicy({
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    appVersion: app.getVersion(),
    isMas: process.mas === true,
    isWindowsStore: process.windowsStore === true,
    linuxPackageType: process.platform === 'linux' ? linuxPackageType() : null,
    channelSetting: options.channelSetting ?? null,
  });

  let state: UpdateState = policy.enabled ? { status: 'idle' } : { status: 'disabled', reason: policy.reason };
  const push = (event: UpdateEvent): void => {
    const next = nextUpdateState(state, event);
    if (next !== state) {
      state = next;
      options.onState(state);
    }
  };
  if (!policy.enabled) {
    log.info(`updates off: ${policy.reason}`);
    return { policy, state: () => state, checkNow: async () => {}, restartToUpdate: () => false, dispose: () => {} };
  }

  autoUpdater.logger = log;
  autoUpdater.autoDownload = policy.autoDownload;
  autoUpdater.autoInstallOnAppQuit = policy.autoInstallOnAppQuit;
  autoUpdater.allowPrerelease = policy.allowPrerelease;
  autoUpdater.allowDowngrade = false;
  if (policy.channel === 'beta') autoUpdater.channel = 'beta';

  let userInitiated = false;
  autoUpdater.on('checking-for-update', () => push({ type: 'checking-for-update' }));
  autoUpdater.on('update-not-available', () => push({ type: 'update-not-available', at: Date.now() }));
  autoUpdater.on('update-available', (info) => push({ type: 'update-available', version: info.version }));
  autoUpdater.on('download-progress', (p) => push({ type: 'download-progress', percent: p.percent, bytesPerSecond: p.bytesPerSecond }));
  autoUpdater.on('update-downloaded', (info) => push({ type: 'update-downloaded', version: info.version }));
  autoUpdater.on('error', (error) => {
    log.warn('update error (ignored)', error);
    push({ type: 'error', message: error?.message ?? String(error), userInitiated });
  });

  const check = async (byUser: boolean): Promise<void> => {
    userInitiated = byUser;
    try {
      await autoUpdater.checkForUpdates();
    } catch (error) {
      // Already reported through the 'error' event; a failing check never throws further.
      log.warn('update check failed', error);
    } finally {
      userInitiated = false;
    }
  };
  const first = policy.checkOnStart ? setTimeout(() => void check(false), policy.firstCheckDelayMs) : undefined;
  const every = setInterval(() => void check(false), policy.checkIntervalMs);
  first?.unref();
  every.unref();

  return {
    policy,
    state: () => state,
    checkNow: () => check(true),
    restartToUpdate: () => {
      if (state.status !== 'ready') return false;
      log.info(`restarting to install ${state.version}`);
      // isSilent=false (show the NSIS progress), isForceRunAfter=true (start the new version).
      setImmediate(() => autoUpdater.quitAndInstall(false, true));
      return true;
    },
    dispose: () => {
      clearTimeout(first);
      clearInterval(every);
      autoUpdater.removeAllListeners();
    },
  };
}
