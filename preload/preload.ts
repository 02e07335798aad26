/**
 * Sandboxed preload (bundled by the lead into ONE CommonJS file, out/preload/preload.cjs).
 * Exposes `window.listsmith`: one function per contract method and one subscribe function per
 * event, generated from the contract's name lists. The page never sees ipcRenderer nor an
 * IpcRendererEvent; a subscription returns its own unsubscribe.
 *
 * Imports: `electron` and the dependency-free common/contract-names.ts only (plus types).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ListsmithBridge } from '../common/bridge.js';
import { EVENT_NAMES, METHOD_NAMES, eventChannel, invokeChannel, type EventName, type MethodName } from '../common/contract-names.js';

type InvokeFn = ListsmithBridge['invoke'][MethodName];

function makeInvoke(method: MethodName): InvokeFn {
  const channel = invokeChannel(method);
  return (input: unknown) => ipcRenderer.invoke(channel, input) as ReturnType<InvokeFn>;
}

function makeSubscribe(event: EventName): (listener: (payload: unknown) => void) => () => void {
  const channel = eventChannel(event);
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError(`listsmith.on["${event}"] expects a function`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
}

const invoke = Object.fromEntries(METHOD_NAMES.map((m) => [m, makeInvoke(m)])) as ListsmithBridge['invoke'];
const on = Object.fromEntries(EVENT_NAMES.map((e) => [e, makeSubscribe(e)])) as ListsmithBridge['on'];

const bridge: ListsmithBridge = {
  invoke: Object.freeze(invoke),
  on: Object.freeze(on),
  platform: process.platform,
};

contextBridge.exposeInMainWorld('listsmith', Object.freeze(bridge));
