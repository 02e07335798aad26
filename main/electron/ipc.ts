/**
 * Contract ↔ Electron IPC, generated from the contract's name lists (no hand-typed channels):
 * one `ipcMain.handle(invokeChannel(m))` per method and one `webContents.send(eventChannel(e))`
 * per core event. Every call is checked for its sender first (main frame of one of our windows,
 * on an `app://` page), then handed to `core.dispatch`, which validates the input and never throws.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { contract } from '../../common/contract.js';
import { EVENT_NAMES, METHOD_NAMES, eventChannel, invokeChannel, type EventName, type MethodName } from '../../common/contract-names.js';
import { fail, toErrorData, type Envelope } from '../../common/result.js';
import type { CoreApi } from '../../core/host/core-api.js';
import type { ShellHandlers } from '../../core/host/place-handlers.js';
import { validateCall } from '../../core/host/validate-call.js';
import { isAppUrl } from './resolve-app-url.js';
import { isTrustedSender } from './trusted-sender.js';

export interface ContractIpcOptions {
  /** The core being opened; calls made before it is ready wait for it. */
  core: Promise<CoreApi>;
  /** Our windows (only their main frames may call; only they receive events). */
  windows: () => Iterable<BrowserWindow>;
  /** Where refused calls and delivery failures are reported (electron-log in the shell). */
  warn?: (message: string, ...details: unknown[]) => void;
  /**
   * The shell's answers to every method the contract declares `runs: 'shell'` (they need Electron
   * or must close the core: `update.*`, `backup.restore`). Answered here, in front of the core,
   * because a restore closes and reopens it. Input is validated against the contract first.
   */
  shellHandlers: ShellHandlers;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

function liveWindows(windows: Iterable<BrowserWindow>): BrowserWindow[] {
  return [...windows].filter((win) => !win.isDestroyed() && !win.webContents.isDestroyed());
}

/** Registers every handler and the event forwarding; returns a function that removes them all. */
export function registerContractIpc({ core, windows, warn = () => {}, shellHandlers }: ContractIpcOptions): () => void {
  let unsubscribeEvents: (() => void) | undefined;
  let disposed = false;

  const handle = async (method: MethodName, event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
    const mainFrames = liveWindows(windows()).map((win) => win.webContents.mainFrame);
    if (!isTrustedSender(event.senderFrame, mainFrames)) {
      warn(`ipc: refused "${method}" from an untrusted sender`, event.senderFrame?.url ?? '(no frame)');
      return fail('unauthorized', 'This request did not come from a Listsmith window and was refused.');
    }
    if (contract[method].runs === 'shell') {
      const call = validateCall(method, input);
      if (!call.ok) return call;
      try {
        const shellHandler = shellHandlers[method as keyof ShellHandlers] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: await shellHandler(call.input) };
      } catch (err) {
        return { ok: false, error: toErrorData(err) };
      }
    }
    let api: CoreApi;
    try {
      api = await core;
    } catch (err) {
      const data = toErrorData(err);
      return fail(data.code === 'internal' ? 'database_unavailable' : data.code, data.code === 'internal' ? 'The catalog could not be opened.' : data.message);
    }
    try {
      return await api.dispatch(method, input);
    } catch (err) {
      // dispatch promises never to throw; keep the renderer's promise settled with data anyway.
      return { ok: false, error: toErrorData(err) };
    }
  };

  for (const method of METHOD_NAMES) {
    ipcMain.handle(invokeChannel(method), (event, input: unknown) => handle(method, event, input));
  }

  const forward = (event: EventName, payload: unknown): void => {
    if (!KNOWN_EVENTS.has(event)) return;
    for (const win of liveWindows(windows())) {
      // Never deliver to a page that is not ours (navigation is blocked, this is belt and braces).
      if (!isAppUrl(win.webContents.getURL())) continue;
      try {
        win.webContents.send(eventChannel(event), payload);
      } catch (err) {
        warn(`ipc: could not deliver event "${event}"`, err);
      }
    }
  };

  core.then(
    (api) => {
      if (!disposed) unsubscribeEvents = api.onEvent((event, payload) => forward(event, payload));
    },
    () => {
      /* reported by the lifecycle code; the handlers answer with an error envelope */
    },
  );

  return () => {
    disposed = true;
    unsubscribeEvents?.();
    for (const method of METHOD_NAMES) ipcMain.removeHandler(invokeChannel(method));
  };
}

/**
 * Sends a SHELL event (not from the core: `app.command`, `update.state`) to our windows — to the
 * focused one only when `focusedOnly`. The name must be in the contract's EVENT_NAMES (the preload
 * only subscribes to those), so an event the contract does not list yet is dropped with a warning.
 */
export function sendShellEvent(
  windows: Iterable<BrowserWindow>,
  event: string,
  payload: unknown,
  options: { focusedOnly?: boolean; warn?: (message: string, ...details: unknown[]) => void } = {},
): boolean {
  if (!KNOWN_EVENTS.has(event)) {
    options.warn?.(`ipc: event "${event}" is not in the contract yet; not sent`);
    return false;
  }
  const targets = liveWindows(windows).filter((win) => isAppUrl(win.webContents.getURL()) && (!options.focusedOnly || win.isFocused()));
  const chosen = options.focusedOnly && targets.length === 0 ? liveWindows(windows).filter((win) => isAppUrl(win.webContents.getURL())).slice(0, 1) : targets;
  for (const win of chosen) {
    try {
      win.webContents.send(eventChannel(event as EventName), payload);
    } catch (err) {
      options.warn?.(`ipc: could not deliver event "${event}"`, err);
    }
  }
  return chosen.length > 0;
}
