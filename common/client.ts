import type { EventPayloads, MethodInput, MethodOutput } from './contract.js';
import type { EventName, MethodName } from './contract-names.js';
import { contract } from './contract.js';
import { ContractError, isErrorData, type Envelope } from './result.js';

/**
 * How a renderer reaches the core: the Electron preload bridge or the loopback WebSocket.
 * Both carry the same envelopes; the client below adds deadlines and unwrapping.
 */
export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export interface ContractClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Deadlines live in the contract but need no schema: read them here without zod at runtime cost. */
export function createClient(transport: Transport, deadlineOverride?: Partial<Record<MethodName, number>>): ContractClient {
  return {
    async call(method, input) {
      const deadline = deadlineOverride?.[method] ?? contract[method].timeoutMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ContractError('timeout', `Listsmith did not answer "${method}" within ${Math.round(deadline / 1000)} s. Try again; if it keeps happening, restart the app.`)),
          deadline,
        );
      });
      try {
        const envelope = await Promise.race([transport.invoke(method, input), timeout]);
        if (envelope.ok) return envelope.value as MethodOutput<typeof method>;
        const error = isErrorData(envelope.error) ? envelope.error : { code: 'internal' as const, message: 'Malformed answer from the core.' };
        throw new ContractError(error.code, error.message, error.details);
      } finally {
        clearTimeout(timer);
      }
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}
