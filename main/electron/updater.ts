/**
 * electron-updater wired to the pure policy (core/update/update-policy.ts) and state machine
 * (core/update/update-state.ts). Every state change is pushed to the renderer (`update.state`);
 * errors of background checks only log. "Restart to update" calls `quitAndInstall`.
 *
 * Takes electron-updater's `autoUpdater` and what the app knows about itself as arguments (main.ts
 * passes the real ones) and imports neither Electron nor electron-updater at run time, so this
 * very function is tested in Node with a stand-in updater (tests/unit/update/updater-setup.test.ts).
 */
import type { App } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { MainLogger } from 'electron-log';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideUpdatePolicy, type UpdateChannel, type UpdateEnvironment, type UpdatePolicy } from '../../core/update/update-policy.js';
import { nextUpdateState, type UpdateEvent, type UpdateState } from '../../core/update/update-state.js';

/** The part of electron-updater's `autoUpdater` this module uses. */
export type AutoUpdaterLike = Pick<
  AppUpdater,
  'logger' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowPrerelease' | 'allowDowngrade' | 'channel' | 'on' | 'checkForUpdates' | 'quitAndInstall' | 'removeAllListeners'
>;

export type UpdaterLog = Pick<MainLogger, 'info' | 'warn'>;

export interface UpdaterHandle {
  policy: UpdatePolicy;
  state(): UpdateState;
  /** A user-initiated check (menu): its errors are shown, not only logged. */
  checkNow(): Promise<void>;
  /** Quits and installs a downloaded update. False when none is ready. */
  restartToUpdate(): boolean;
  dispose(): void;
}

function linuxPackageType(resourcesPath: string): string | null {
  try {
    return readFileSync(join(resourcesPath, 'package-type'), 'utf8');
  } catch {
    return null;
  }
}

/** What the running Electron app says about itself, for the update policy. */
export function electronUpdateEnvironment(app: Pick<App, 'isPackaged' | 'getVersion'>, channelSetting: UpdateChannel | null = null): UpdateEnvironment {
  return {
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    appVersion: app.getVersion(),
    isMas: process.mas === true,
    isWindowsStore: process.windowsStore === true,
    linuxPackageType: process.platform === 'linux' ? linuxPackageType(process.resourcesPath) : null,
    channelSetting,
  };
}

/**
 * Applies the policy to the updater. Order matters: electron-updater's `channel` setter turns
 * `allowDowngrade` back on, so the channel is set first and `allowDowngrade = false` after it —
 * otherwise a beta user could be offered an older stable build.
 */
export function configureAutoUpdater(autoUpdater: AutoUpdaterLike, policy: Extract<UpdatePolicy, { enabled: true }>, log: UpdaterLog): void {
  autoUpdater.logger = log as AppUpdater['logger'];
  if (policy.channel === 'beta') autoUpdater.channel = 'beta';
  autoUpdater.allowDowngrade = false;
  autoUpdater.autoDownload = policy.autoDownload;
  autoUpdater.autoInstallOnAppQuit = policy.autoInstallOnAppQuit;
  autoUpdater.allowPrerelease = policy.allowPrerelease;
}

export function startUpdater(options: { log: UpdaterLog; onState: (state: UpdateState) => void; autoUpdater: AutoUpdaterLike; environment: UpdateEnvironment }): UpdaterHandle {
  const { log, autoUpdater } = options;
  const policy = decideUpdatePolicy(options.environment);

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

  configureAutoUpdater(autoUpdater, policy, log);

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
