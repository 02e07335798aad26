import type { MethodOutput, MethodParsedInput, MethodPlace, MethodsRunningIn } from '../../common/contract.js';

/**
 * The handler map of a place outside the catalog threads (the host, the shell): exactly the
 * methods the contract declares to run there, each taking its validated input.
 */
export type PlaceHandlers<P extends MethodPlace> = { [M in MethodsRunningIn<P>]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> };

/** Answered by the host process (core/host/host-handlers.ts). */
export type HostHandlers = PlaceHandlers<'host'>;

/** Answered by the app shell: Electron's main process (main/electron/shell-handlers), the web host's own (main/web/web-shell-handlers.ts). */
export type ShellHandlers = PlaceHandlers<'shell'>;
