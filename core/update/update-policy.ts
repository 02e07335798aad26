/**
 * When and how Listsmith updates itself. Pure: the shell passes what it knows about the running app
 * (`app.isPackaged`, env, platform, store/flatpak flags) and wires electron-updater to the answer.
 * Rules (after Actual Budget's updater.ts): no updates when unpackaged (dev), under tests or CI,
 * when the user or admin disabled them, or when a store / package manager owns updates (Mac App
 * Store, Microsoft Store, Flatpak, Snap, Linux packages other than AppImage/deb/rpm). Update
 * errors only log: the app never stops or nags because a feed is down.
 */
export type UpdateChannel = 'stable' | 'beta';

export interface UpdateEnvironment {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  appVersion: string;
  /** `process.mas` (Mac App Store build). */
  isMas?: boolean;
  /** `process.windowsStore` (AppX / MSIX build). */
  isWindowsStore?: boolean;
  /** Contents of `resources/package-type` (electron-builder writes it for deb/rpm/pacman). */
  linuxPackageType?: string | null;
  /** The user's choice in settings, when there is one. */
  channelSetting?: UpdateChannel | null;
}

export type UpdatePolicy =
  | { enabled: false; reason: string }
  | {
      enabled: true;
      channel: UpdateChannel;
      /** electron-updater `allowPrerelease` (beta sees x.y.z-beta.n releases). */
      allowPrerelease: boolean;
      /** electron-updater `autoDownload`: download in the background once found. */
      autoDownload: boolean;
      /** Install the downloaded update when the app quits anyway. */
      autoInstallOnAppQuit: boolean;
      checkOnStart: boolean;
      /** Delay of the first check after start (let the catalog open first). */
      firstCheckDelayMs: number;
      checkIntervalMs: number;
    };

export const DEFAULT_CHECK_INTERVAL_HOURS = 6;
const MIN_CHECK_INTERVAL_HOURS = 1;
const MAX_CHECK_INTERVAL_HOURS = 7 * 24;

const truthy = (value: string | undefined): boolean => value !== undefined && value !== '' && !/^(0|false|no|off)$/i.test(value);

export function isPrereleaseVersion(version: string): boolean {
  return /^\d+\.\d+\.\d+-/.test(version);
}

export function decideUpdatePolicy(e: UpdateEnvironment): UpdatePolicy {
  if (!e.isPackaged) return { enabled: false, reason: 'not packaged (development build)' };
  if (truthy(e.env.LISTSMITH_DISABLE_UPDATES)) return { enabled: false, reason: 'disabled by LISTSMITH_DISABLE_UPDATES' };
  if (truthy(e.env.CI)) return { enabled: false, reason: 'running under CI' };
  if (e.env.PLAYWRIGHT_TEST !== undefined || e.env.VITEST !== undefined || e.env.NODE_ENV === 'test') return { enabled: false, reason: 'running under tests' };
  if (e.isMas) return { enabled: false, reason: 'Mac App Store build: the store updates the app' };
  if (e.isWindowsStore) return { enabled: false, reason: 'Microsoft Store build: the store updates the app' };
  if (e.platform === 'linux') {
    if (e.env.FLATPAK_ID !== undefined || e.env.container === 'flatpak') return { enabled: false, reason: 'Flatpak build: Flatpak updates the app' };
    if (e.env.SNAP !== undefined) return { enabled: false, reason: 'Snap build: snapd updates the app' };
    const packageType = e.linuxPackageType?.trim() ?? '';
    if (e.env.APPIMAGE === undefined && !['deb', 'rpm'].includes(packageType)) {
      return { enabled: false, reason: packageType ? `Linux ${packageType} package: the package manager updates the app` : 'Linux build that is neither AppImage nor deb/rpm' };
    }
  }

  const channel: UpdateChannel = e.channelSetting ?? (isPrereleaseVersion(e.appVersion) ? 'beta' : 'stable');
  const hours = Number(e.env.LISTSMITH_UPDATE_INTERVAL_HOURS);
  const intervalHours = Number.isFinite(hours) && hours > 0 ? Math.min(MAX_CHECK_INTERVAL_HOURS, Math.max(MIN_CHECK_INTERVAL_HOURS, hours)) : DEFAULT_CHECK_INTERVAL_HOURS;
  return {
    enabled: true,
    channel,
    allowPrerelease: channel === 'beta',
    // deb/rpm updates ask for the admin password (pkexec) when installing: download, then let the
    // user choose the moment instead of surprising them on quit.
    autoDownload: true,
    autoInstallOnAppQuit: !(e.platform === 'linux' && e.env.APPIMAGE === undefined),
    checkOnStart: true,
    firstCheckDelayMs: 30_000,
    checkIntervalMs: intervalHours * 3_600_000,
  };
}

/** The feed file electron-updater reads for a channel and platform (electron-builder's naming). */
export function channelFileName(channel: UpdateChannel, platform: NodeJS.Platform): string {
  const base = channel === 'beta' ? 'beta' : 'latest';
  if (platform === 'darwin') return `${base}-mac.yml`;
  if (platform === 'linux') return `${base}-linux.yml`;
  return `${base}.yml`;
}
