import type { EventPayloads, MethodOutput, MethodParsedInput } from '../../common/contract.js';
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

/** One handler per contract method; input is already validated against the method's schema. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>, ctx: HandlerContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
