import type { EventPayloads, MethodOutput, MethodParsedInput, MethodsRunningIn } from '../../common/contract.js';
import type { EventName, MethodName } from '../../common/contract-names.js';

/** A long operation's view of the world: its id, its cancel signal. */
export interface OperationContext {
  operationId: string;
  signal: AbortSignal;
}

/** What a handler may do besides answering. */
export interface HandlerContext {
  /** Pushes an event to every connected renderer. */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /**
   * Schedules a long operation on this thread right after the current call (so on the writer it
   * runs before any later write) and returns its id at once; `operation.cancel` aborts its signal.
   * The operation reports its own progress and end through `emit`.
   */
  startOperation(run: (operation: OperationContext) => Promise<void>): string;
}

/** A catalog thread's handler of one method; input is already validated against the method's schema. */
export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: HandlerContext) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method (feature files type their part of it with Pick<Handlers, …>). */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The writer thread's map: exactly the methods the contract declares to run on the writer (queued or not). */
export type WriterHandlers = { [M in MethodsRunningIn<'writer' | 'writer-unqueued'>]: Handler<M> };

/** A reader thread's map (grid readers and the background reader run the same code): exactly the reader and background methods. */
export type ReaderHandlers = { [M in MethodsRunningIn<'reader' | 'background'>]: Handler<M> };

/** The handlers of `keys` out of a feature's map, so a thread's map names each method it holds. */
export function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;
}

/**
 * Returns `map` as the place's map, refusing at compile time a handler for a method declared to
 * run elsewhere — also one spread in from a feature's map, which a plain return type would let by.
 */
export function exactHandlers<Expected>() {
  return <T extends Expected>(map: T & Record<Exclude<keyof T, keyof Expected>, never>): Expected => map;
}
