/**
 * Listsmith's Electron shell (built to out/main/electron.js, ESM). Thin on purpose: windows,
 * the app:// origin, security policy, IPC wiring, menu and lifecycle. Everything about the catalog
 * lives in core/ (plain Node, also used by the web host and the tests).
 *
 * Layout it expects next to itself (out/main/): ../preload/preload.cjs, ../renderer/index.html,
 * ../workers/catalog.worker.cjs.
 */
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import log from 'electron-log/main';
import { join, resolve } from 'node:path';
import type { CoreApi } from '../../core/host/core-api.js';
import { createCore } from '../../core/host/create-core.js';
import { RENDERER_CSP } from '../../core/host/csp.js';
import { isSafeExternalUrl } from './external-url.js';
import { registerContractIpc } from './ipc.js';
import { installAppMenu } from './menu.js';
import { registerAppSchemePrivileges, serveAppProtocol } from './protocol.js';
import { APP_ENTRY_URL, isAppUrl } from './resolve-app-url.js';

const OUT_DIR = resolve(import.meta.dirname, '..');
const PRELOAD_FILE = join(OUT_DIR, 'preload', 'preload.cjs');
const RENDERER_ROOT = join(OUT_DIR, 'renderer');
// A CJS worker loads from inside app.asar through plain require, which Electron patches for asar
// (the ESM loader would not); its dependencies resolve from the archive's node_modules.
const WORKER_FILE = join(OUT_DIR, 'workers', 'catalog.worker.cjs');
const CORE_CLOSE_TIMEOUT_MS = 10_000;

// Logging: file + console in the main process only. No injected renderer preload (`preload: false`):
// the sandboxed renderer gets exactly our bridge and nothing else.
log.initialize({ preload: false, spyRendererConsole: false });
log.errorHandler.startCatching({ showDialog: false });
log.info(`Listsmith ${app.getVersion()} starting (electron ${process.versions.electron}, packaged=${app.isPackaged})`);

// Must happen before `ready`.
registerAppSchemePrivileges();
app.enableSandbox();

const windows = new Set<BrowserWindow>();
let corePromise: Promise<CoreApi> | undefined;
let coreReady: CoreApi | undefined;
let disposeIpc: (() => void) | undefined;
let shutdown: 'running' | 'closing' | 'done' = 'running';

function databasePath(): string {
  return join(app.getPath('userData'), 'catalog.sqlite');
}

function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Listsmith',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_FILE,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !app.isPackaged,
    },
  });
  windows.add(win);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => windows.delete(win));
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
    await Promise.race([corePromise.then((core) => core.close()), timeout]);
  } catch (err) {
    // A core that failed to open has nothing to close; a failing close is logged, not fatal.
    if (coreReady) log.error('core close failed', err);
  } finally {
    clearTimeout(timer);
  }
}

async function start(): Promise<void> {
  denyAllPermissions();
  serveAppProtocol(RENDERER_ROOT, RENDERER_CSP, (message, err) => log.error(message, err));
  installAppMenu({ dev: !app.isPackaged });

  corePromise = createCore({
    databasePath: databasePath(),
    appVersion: app.getVersion(),
    transport: 'electron',
    workerFile: WORKER_FILE,
  });
  // Calls made while the catalog opens wait for it; they never reach a half-open core.
  disposeIpc = registerContractIpc({ core: corePromise, windows: () => windows, warn: (m, ...d) => log.warn(m, ...d) });
  createWindow();

  try {
    coreReady = await corePromise;
    log.info(`catalog open: ${databasePath()}`);
  } catch (err) {
    await reportCatalogFailure(err);
    app.quit();
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Listsmith is running: it receives `second-instance` and focuses its window.
  app.quit();
} else {
  app.on('second-instance', () => {
    const first = [...windows].find((w) => !w.isDestroyed());
    if (first) focusWindow(first);
    else if (app.isReady() && coreReady) focusWindow(createWindow());
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
