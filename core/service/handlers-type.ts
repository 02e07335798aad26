import type { EventPayloads, MethodOutput, MethodParsedInput } from '../../common/contract.js';
import type { EventName, MethodName } from '../../common/contract-names.js';

/** What a handler may do besides answering: push events to every connected renderer. */
export interface HandlerContext {
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

/** One handler per contract method; input is already validated against the method's schema. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>, ctx: HandlerContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
