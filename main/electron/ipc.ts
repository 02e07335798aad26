/**
 * Contract ↔ Electron IPC, generated from the contract's name lists (no hand-typed channels):
 * one `ipcMain.handle(invokeChannel(m))` per method and one `webContents.send(eventChannel(e))`
 * per core event. Every call is checked for its sender first (main frame of one of our windows,
 * on an `app://` page), then handed to `core.dispatch`, which validates the input and never throws.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, eventChannel, invokeChannel, type EventName, type MethodName } from '../../common/contract-names.js';
import { fail, toErrorData, type Envelope } from '../../common/result.js';
import type { CoreApi } from '../../core/host/core-api.js';
import { isAppUrl } from './resolve-app-url.js';
import { isTrustedSender } from './trusted-sender.js';

export interface ContractIpcOptions {
  /** The core being opened; calls made before it is ready wait for it. */
  core: Promise<CoreApi>;
  /** Our windows (only their main frames may call; only they receive events). */
  windows: () => Iterable<BrowserWindow>;
  /** Where refused calls and delivery failures are reported (electron-log in the shell). */
  warn?: (message: string, ...details: unknown[]) => void;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

function liveWindows(windows: Iterable<BrowserWindow>): BrowserWindow[] {
  return [...windows].filter((win) => !win.isDestroyed() && !win.webContents.isDestroyed());
}

/** Registers every handler and the event forwarding; returns a function that removes them all. */
export function registerContractIpc({ core, windows, warn = () => {} }: ContractIpcOptions): () => void {
  let unsubscribeEvents: (() => void) | undefined;
  let disposed = false;

  const handle = async (method: MethodName, event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
    const mainFrames = liveWindows(windows()).map((win) => win.webContents.mainFrame);
    if (!isTrustedSender(event.senderFrame, mainFrames)) {
      warn(`ipc: refused "${method}" from an untrusted sender`, event.senderFrame?.url ?? '(no frame)');
      return fail('unauthorized', 'This request did not come from a Listsmith window and was refused.');
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
