import { contract } from '../../common/contract.js';
import type { MethodName } from '../../common/contract-names.js';
import { fail, type Envelope } from '../../common/result.js';
import type { HostHandlers, ShellHandlers } from './place-handlers.js';
import type { ValidatedCall } from './validate-call.js';

type ThreadCall = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

/** Where a validated call can go: the catalog threads and the handler maps of the host and the shell. */
export interface CallPlaces {
  /** The writer thread (it runs 'writer-unqueued' methods outside its queue itself). */
  writer: ThreadCall;
  /** The grid readers (core/host/grid-readers.ts). */
  reader: ThreadCall;
  background: ThreadCall;
  host: HostHandlers;
  /** Absent when the core runs without a shell (tests): shell methods are then refused. */
  shell?: ShellHandlers;
}

type AnyHandler = (input: unknown) => Promise<unknown>;

/** Sends a validated call to the place the contract names (`runs`); the one routing decision. */
export async function routeCall(call: ValidatedCall, places: CallPlaces): Promise<Envelope<unknown>> {
  const runs = contract[call.method].runs;
  switch (runs) {
    case 'writer':
    case 'writer-unqueued':
      return places.writer(call.method, call.input);
    case 'reader':
      return places.reader(call.method, call.input);
    case 'background':
      return places.background(call.method, call.input);
    case 'host':
      return { ok: true, value: await (places.host[call.method as keyof HostHandlers] as AnyHandler)(call.input) };
    case 'shell': {
      if (!places.shell) return fail('unknown_method', `"${call.method}" is answered by the app (the desktop shell or the web host), which this catalog core runs without.`);
      return { ok: true, value: await (places.shell[call.method as keyof ShellHandlers] as AnyHandler)(call.input) };
    }
  }
}
