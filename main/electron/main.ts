/**
 * Listsmith's Electron shell (built to out/main/electron.js, ESM). Thin on purpose: windows,
 * the app:// origin, security policy, IPC wiring, menu and lifecycle. Everything about the catalog
 * lives in core/ (plain Node, also used by the web host and the tests).
 *
 * Layout it expects next to itself (out/main/): ../preload/preload.cjs, ../renderer/index.html,
 * ../workers/catalog.worker.cjs.
 */
import { app, BrowserWindow, dialog, nativeTheme, Notification, safeStorage, screen, session, shell, type WebContents } from 'electron';
import log from 'electron-log/main';
// electron-updater is CommonJS: its named exports are not statically visible to Node's ESM loader.
import electronUpdater from 'electron-updater';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupInfo } from '../../core/backup/backup-names.js';
import { defaultBackupDir } from '../../core/backup/backup-handlers.js';
import { runBackupTask } from '../../core/backup/backup-tasks.js';
import type { CoreApi } from '../../core/host/core-api.js';
import { createCore } from '../../core/host/create-core.js';
import { RENDERER_CSP } from '../../core/host/csp.js';
import { reserveStagedFile } from '../../core/host/file-staging.js';
import { redactLogMessage } from '../../core/logging/redact.js';
import { LOG_KEEP_FILES, LOG_MAX_BYTES, rotateLogFiles } from '../../core/logging/rotate.js';
import { workerLogSink } from '../../core/logging/worker-log-sink.js';
import { fileArgFromArgv } from './argv.js';
import { OpenFileQueue } from './open-file-queue.js';
import { CoreSlot } from './core-slot.js';
import { SafeStorageSecretStore } from './safe-storage-secret-store.js';
import { isSafeExternalUrl } from './external-url.js';
import { registerContractIpc, sendShellEvent } from './ipc.js';
import { createElectronShellHandlers } from './shell-handlers.js';
import { installAppMenu } from './menu.js';
import { routeCommand, type CommandId } from './menu-model.js';
import { jobFromCoreEvent, notificationFor } from './notify-policy.js';
import { electronUpdateEnvironment, startUpdater, type UpdaterHandle } from './updater.js';
import { SECURE_WEB_PREFERENCES, webPreferenceViolations } from './web-prefs-check.js';
import { parseWindowState, restoreWindowState, type WindowState } from './window-state.js';
import { registerAppSchemePrivileges, serveAppProtocol } from './protocol.js';
import { APP_ENTRY_URL, isAppUrl } from './resolve-app-url.js';

const OUT_DIR = resolve(import.meta.dirname, '..');
const PRELOAD_FILE = join(OUT_DIR, 'preload', 'preload.cjs');
const RENDERER_ROOT = join(OUT_DIR, 'renderer');
// A CJS worker loads from inside app.asar through plain require, which Electron patches for asar
// (the ESM loader would not); its dependencies resolve from the archive's node_modules.
const WORKER_FILE = join(OUT_DIR, 'workers', 'catalog.worker.cjs');
/** Start-up check, restore and shell-side backups run here (scripts/build.mjs: see core/backup/backup.worker.ts). */
const BACKUP_WORKER_FILE = join(OUT_DIR, 'workers', 'backup.worker.cjs');
const CORE_CLOSE_TIMEOUT_MS = 10_000;
const SCHEDULED_BACKUP_INTERVAL_MS = 4 * 3_600_000;

// Tests and portable setups point the whole profile elsewhere (Playwright gives each test its own).
// Must happen before anything reads userData (single-instance lock, logs, catalog).
if (process.env.LISTSMITH_USER_DATA) app.setPath('userData', resolve(process.env.LISTSMITH_USER_DATA));

// Logging: file + console in the main process only. No injected renderer preload (`preload: false`):
// the sandboxed renderer gets exactly our bridge and nothing else. Every line is redacted (API
// keys, bearer tokens, URL tokens, e-mail addresses) before any transport writes it; files rotate
// at 5 MB keeping 5 old ones.
log.initialize({ preload: false, spyRendererConsole: false });
log.hooks.push((message) => redactLogMessage(message));
log.transports.file.maxSize = LOG_MAX_BYTES;
log.transports.file.archiveLogFn = (oldFile) => rotateLogFiles(oldFile.toString(), LOG_KEEP_FILES);
log.errorHandler.startCatching({ showDialog: false });
log.info(`Listsmith ${app.getVersion()} starting (electron ${process.versions.electron}, packaged=${app.isPackaged})`);

// Must happen before `ready`.
registerAppSchemePrivileges();
app.enableSandbox();

const windows = new Set<BrowserWindow>();
/** The open core; restoring a backup swaps it (see core-slot.ts). */
const core = new CoreSlot();
let corePromise: Promise<CoreApi> | undefined;
let coreReady: CoreApi | undefined;
let disposeIpc: (() => void) | undefined;
let updater: UpdaterHandle | undefined;
let backupTimer: NodeJS.Timeout | undefined;
let shutdown: 'running' | 'closing' | 'done' = 'running';
/** Files to import (command line, macOS open-file, second launches), held until a window has loaded. */
const openFiles = new OpenFileQueue();
openFiles.push(fileArgFromArgv(process.argv, { isPackaged: app.isPackaged }));

function databasePath(): string {
  return process.env.LISTSMITH_DB ? resolve(process.env.LISTSMITH_DB) : join(app.getPath('userData'), 'catalog.sqlite');
}

function backupDir(): string {
  return defaultBackupDir(databasePath());
}

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

const backupTask = <T extends Parameters<typeof runBackupTask>[0]>(task: T) =>
  runBackupTask(task, { workerFile: BACKUP_WORKER_FILE, warn: (m) => log.warn(m), log: workerLogSink(log) });

/** Dropped/picked files and finished exports, shared by the core and the app:// protocol. */
function stagingDir(): string {
  return join(app.getPath('userData'), 'staging');
}

function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

function themeBackground(): string {
  return nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff';
}

async function loadWindowState(): Promise<WindowState> {
  let saved: WindowState | null = null;
  try {
    saved = parseWindowState(await readFile(windowStateFile(), 'utf8'));
  } catch {
    // First launch or unreadable: defaults.
  }
  return restoreWindowState(saved, screen.getAllDisplays().map((d) => d.workArea));
}

function trackWindowState(win: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
    void writeFile(windowStateFile(), JSON.stringify(state)).catch((err: unknown) => log.warn('could not save window state', err));
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(event as 'resize', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

/** Every window's web preferences; checked by webPreferenceViolations before a window is made. */
function webPreferences(): Electron.WebPreferences {
  return { preload: PRELOAD_FILE, ...SECURE_WEB_PREFERENCES, navigateOnDragDrop: false, devTools: !app.isPackaged };
}

function createWindow(state: WindowState = restoreWindowState(null, screen.getAllDisplays().map((d) => d.workArea))): BrowserWindow {
  // Self-check: the security settings must be exactly what we require, or no window opens (a
  // refactor or a changed default must never silently weaken the renderer). Electron 45 has no
  // public getter for a live window's preferences, so the check runs on what we pass, and the e2e
  // spec reads the live values (tests/e2e-electron/launch.spec.ts).
  const prefs = webPreferences();
  const violations = webPreferenceViolations(prefs);
  if (violations.length > 0) {
    log.error('refusing to open a window: unsafe web preferences', violations);
    dialog.showErrorBox('Listsmith', `Listsmith refused to open a window with unsafe settings:\n${violations.join('\n')}`);
    throw new Error(`unsafe web preferences: ${violations.join('; ')}`);
  }
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Listsmith',
    backgroundColor: themeBackground(),
    webPreferences: prefs,
  });
  windows.add(win);
  if (state.maximized) win.maximize();
  if (state.fullScreen) win.setFullScreen(true);
  trackWindowState(win);
  win.once('ready-to-show', () => win.show());
  win.webContents.once('did-finish-load', () => openFiles.ready((file) => void openFileForImport(file)));
  win.on('closed', () => {
    windows.delete(win);
    if (windows.size === 0) openFiles.notReady();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('renderer process gone', details);
  });
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) log.error(`renderer failed to load ${url}: ${code} ${description}`);
  });
  void win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log.error('loadURL failed', err));
  return win;
}

function openExternally(url: string): void {
  if (!isSafeExternalUrl(url)) {
    log.warn('blocked opening a non-https or unsafe URL', url.slice(0, 200));
    return;
  }
  void shell.openExternal(url).catch((err: unknown) => log.warn('openExternal failed', err));
}

/** Navigation and window policy for EVERY web contents (windows, devtools, anything created later). */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternally(event.url); // a plain https link click opens in the browser, never in our window
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

function denyAllPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A clear, actionable dialog instead of a crash when the catalog cannot be opened. */
async function reportCatalogFailure(err: unknown): Promise<void> {
  log.error('could not open the catalog', err);
  const code = errorCode(err);
  const file = databasePath();
  const message =
    code === 'database_newer'
      ? 'This catalog was saved by a newer version of Listsmith.'
      : code === 'disk_full'
        ? 'Listsmith cannot open your catalog because the disk is full.'
        : 'Listsmith could not open your catalog.';
  const advice =
    code === 'database_newer'
      ? 'Install the latest version of Listsmith to open it. Your catalog has not been changed.'
      : code === 'disk_full'
        ? 'Free some disk space, then start Listsmith again. Your catalog has not been changed.'
        : 'Your catalog has not been changed. If this keeps happening, send the log file to support.';
  const reason = err instanceof Error && err.message ? `\n\nDetails: ${err.message}` : '';
  const parent = [...windows].find((w) => !w.isDestroyed());
  const options: Electron.MessageBoxOptions = {
    type: 'error',
    title: 'Listsmith',
    message,
    detail: `${advice}${reason}\n\nCatalog file: ${file}\nLog file: ${log.transports.file.getFile().path}`,
    buttons: ['Quit', 'Show Catalog File'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 1) shell.showItemInFolder(file);
}

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? [...windows].find((w) => !w.isDestroyed());
}

/** A command from the menu, a shortcut or a second launch: the renderer's go to the focused window. */
function runCommand(id: CommandId, args: Record<string, unknown> = {}): void {
  if (routeCommand(id) === 'renderer') {
    if (!sendShellEvent(windows, 'app.command', { id, ...args }, { focusedOnly: true, warn: (m) => log.warn(m) })) log.warn(`command ${id}: no window to send it to`);
    return;
  }
  switch (id) {
    case 'backup.now':
      void backUpNow('manual');
      return;
    case 'logs.open':
      void shell.openPath(dirname(log.transports.file.getFile().path)).then((error) => {
        if (error) log.warn(`could not open the logs folder: ${error}`);
      });
      return;
    case 'update.check':
      void updater?.checkNow();
      return;
    case 'app.about':
      app.showAboutPanel();
      return;
    default:
      log.warn(`command ${id} has no shell handler`);
  }
}

/** Stages a file given on the command line (or by a second launch) and opens the import wizard with it. */
async function openFileForImport(path: string): Promise<void> {
  try {
    const api = await core.ready;
    const staged = reserveStagedFile(api.stagingDir, basename(path));
    await copyFile(path, staged.path);
    const win = focusedWindow();
    if (win) focusWindow(win);
    runCommand('import', { fileId: staged.fileId, name: staged.name });
  } catch (err) {
    log.warn('could not open the file given on the command line', err);
  }
}

async function backUpNow(reason: 'manual' | 'scheduled'): Promise<BackupInfo | null> {
  const started = Date.now();
  try {
    const info = await backupTask({ kind: 'create', catalogPath: databasePath(), backupDir: backupDir(), reason });
    log.info(`backup ${info.id} (${info.sizeBytes} bytes) in ${Date.now() - started} ms`);
    if (reason === 'manual') notify({ title: 'Backup finished', body: `Saved ${info.id}` }, true);
    return info;
  } catch (err) {
    log.error(`${reason} backup failed`, err);
    if (reason === 'manual') dialog.showErrorBox('Backup failed', err instanceof Error ? err.message : String(err));
    return null;
  }
}

function notify(content: { title: string; body: string } | null, evenWhenFocused = false): void {
  if (!content || !Notification.isSupported()) return;
  if (!evenWhenFocused && BrowserWindow.getFocusedWindow()) return;
  new Notification({ title: content.title, body: content.body, silent: false }).show();
}

/**
 * Restore = close the core, restore on the backup worker (keeps a pre-restore undo copy), open a
 * new core, reload the windows. The renderer confirms with the user before calling.
 */
async function restoreFromBackup(backupId: string): Promise<{ restored: string; undo: string | null }> {
  log.info(`restore of ${backupId} requested`);
  await core.close();
  const catalogPath = databasePath();
  try {
    const result = await backupTask({ kind: 'restore', catalogPath, backupDir: backupDir(), backupId });
    log.info(`restored ${result.restored.id}; undo copy ${result.undo?.id ?? '(none)'}${result.damagedFilesDir ? `; damaged files kept in ${result.damagedFilesDir}` : ''}`);
    return { restored: result.restored.id, undo: result.undo?.id ?? null };
  } finally {
    // Whatever happened, reopen the catalog that is now in place.
    coreReady = await openCore().catch((err: unknown) => {
      log.error('could not reopen the catalog after restore', err);
      return undefined;
    });
    for (const win of windows) if (!win.isDestroyed()) win.webContents.reload();
  }
}

let secrets: SafeStorageSecretStore | undefined;
function secretStore(): SafeStorageSecretStore {
  secrets ??= new SafeStorageSecretStore(join(app.getPath('userData'), 'secrets.json'), (message) => log.warn(message), safeStorage);
  return secrets;
}

function openCore(): Promise<CoreApi> {
  corePromise = core.set(
    createCore({
      databasePath: databasePath(),
      appVersion: app.getVersion(),
      transport: 'electron',
      workerFile: WORKER_FILE,
      stagingDir: stagingDir(),
      // Worker threads' log lines land in this process's redacted, rotated log file.
      log: workerLogSink(log),
      logFile: log.transports.file.getFile().path,
      openLogsCommand: 'Help › Open Logs Folder',
      // The Groq key: safeStorage-encrypted in userData; GROQ_API_KEY / GROQ_BASE_URL for development.
      ai: {
        secrets: secretStore(),
        envKey: app.isPackaged ? null : (process.env.GROQ_API_KEY ?? null),
        ...(!app.isPackaged && process.env.GROQ_BASE_URL ? { baseURL: process.env.GROQ_BASE_URL } : {}),
      },
    }),
  );
  return corePromise;
}

/** Start-up quick check on the backup worker; a damaged catalog offers the newest good backup. */
async function checkCatalogAtStart(): Promise<void> {
  const verdict = await backupTask({ kind: 'check', catalogPath: databasePath(), backupDir: backupDir() }).catch((err: unknown) => {
    log.warn('start-up check could not run', err);
    return { ok: true as const };
  });
  if (verdict.ok) return;
  log.error(`catalog failed its start-up check: ${verdict.reason}`);
  const backup = verdict.newestGoodBackup;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Listsmith',
    message: 'Your catalog file is damaged.',
    detail: backup
      ? `Listsmith can restore the newest good backup (${new Date(backup.createdAt).toLocaleString()}, ${backup.reason}). The damaged file is kept beside your backups.\n\nDetails: ${verdict.reason}`
      : `No good backup was found. Listsmith will try to open the catalog anyway; send the log file to support.\n\nDetails: ${verdict.reason}`,
    buttons: backup ? ['Restore Backup', 'Open Anyway', 'Quit'] : ['Open Anyway', 'Quit'],
    defaultId: 0,
    cancelId: backup ? 2 : 1,
    noLink: true,
  });
  if (backup && response === 0) {
    const result = await backupTask({ kind: 'restore', catalogPath: databasePath(), backupDir: backupDir(), backupId: backup.id });
    log.info(`restored ${result.restored.id} at start-up`);
  } else if (response === (backup ? 2 : 1)) {
    app.exit(0);
  }
}

async function closeCore(): Promise<void> {
  disposeIpc?.();
  disposeIpc = undefined;
  if (!corePromise) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolveTimeout) => {
    timer = setTimeout(() => {
      log.warn(`core did not close within ${CORE_CLOSE_TIMEOUT_MS} ms; quitting anyway`);
      resolveTimeout();
    }, CORE_CLOSE_TIMEOUT_MS);
  });
  try {
    await Promise.race([core.close(), timeout]);
  } catch (err) {
    // A core that failed to open has nothing to close; a failing close is logged, not fatal.
    if (coreReady) log.error('core close failed', err);
  } finally {
    clearTimeout(timer);
  }
}

async function start(): Promise<void> {
  denyAllPermissions();
  serveAppProtocol(RENDERER_ROOT, RENDERER_CSP, stagingDir(), (message, err) => log.error(message, err), (url, size) => core.photoFile(url, size));
  installAppMenu({ dev: !app.isPackaged, runCommand: (id) => runCommand(id) });
  nativeTheme.on('updated', () => {
    for (const win of windows) if (!win.isDestroyed()) win.setBackgroundColor(themeBackground());
  });

  await checkCatalogAtStart();
  openCore();
  // Calls made while the catalog opens wait for it; they never reach a half-open core. The methods
  // the contract declares `runs: 'shell'` (they need Electron, or must close the core) are answered here.
  const shellHandlers = createElectronShellHandlers({ restore: restoreFromBackup, updater: () => updater });
  disposeIpc = registerContractIpc({ core: Promise.resolve(core), windows: () => windows, warn: (m, ...d) => log.warn(m, ...d), shellHandlers });
  core.onEvent((event, payload) => {
    const job = jobFromCoreEvent(event, payload);
    if (job) notify(notificationFor(job, BrowserWindow.getFocusedWindow() !== null));
  });
  createWindow(await loadWindowState());

  updater = startUpdater({
    log,
    onState: (state) => sendShellEvent(windows, 'update.state', state, { warn: (m) => log.debug(m) }),
    autoUpdater: electronUpdater.autoUpdater,
    environment: electronUpdateEnvironment(app),
  });

  try {
    coreReady = await corePromise;
    log.info(`catalog open: ${databasePath()}`);
  } catch (err) {
    await reportCatalogFailure(err);
    app.quit();
    return;
  }
  backupTimer = setInterval(() => void backUpNow('scheduled'), SCHEDULED_BACKUP_INTERVAL_MS);
  backupTimer.unref();
}

if (!app.requestSingleInstanceLock()) {
  // Another Listsmith is running: it receives `second-instance` and focuses its window.
  app.quit();
} else {
  // A second launch (e.g. "Open with Listsmith" on a CSV) hands its argv to us and quits; its
  // file opens in OUR import wizard.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const first = [...windows].find((w) => !w.isDestroyed());
    if (first) focusWindow(first);
    else if (app.isReady() && coreReady) focusWindow(createWindow());
    openFiles.push(fileArgFromArgv(argv, { cwd: workingDirectory, isPackaged: app.isPackaged }));
  });

  // macOS "Open with Listsmith" and drops on the Dock icon. Sent before `ready` when macOS starts
  // Listsmith for the file: queued until the window has loaded; a closed window on macOS is reopened.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    const outcome = openFiles.push(path);
    if (outcome === 'ignored') log.warn('open-file: not a file Listsmith imports', path.slice(0, 300));
    else if (outcome === 'queued' && app.isReady() && coreReady && windows.size === 0) createWindow();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (windows.size === 0 && coreReady) createWindow();
  });

  app.on('before-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    clearInterval(backupTimer);
    updater?.dispose();
    void closeCore().finally(() => {
      shutdown = 'done';
      log.info('Listsmith quit');
      app.quit();
    });
  });

  app.whenReady().then(start, (err: unknown) => log.error('app failed to become ready', err)).catch((err: unknown) => {
    log.error('startup failed', err);
    dialog.showErrorBox('Listsmith could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
