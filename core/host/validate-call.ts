import { MAX_INPUT_BYTES, contract } from '../../common/contract.js';
import { METHOD_NAMES, type MethodName } from '../../common/contract-names.js';
import { fail, type ContractErrorData } from '../../common/result.js';

export type ValidatedCall = { ok: true; method: MethodName; input: unknown };
export type RejectedCall = { ok: false; error: ContractErrorData };

const known = new Set<string>(METHOD_NAMES);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && known.has(name);
}

/**
 * The main-process boundary: a call runs only if its method exists, its payload is a sane size and
 * its input matches the method's schema. Everything else is answered here, before any work starts.
 */
export function validateCall(method: unknown, input: unknown): ValidatedCall | RejectedCall {
  if (!isMethodName(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 80)}"` : 'without a name';
    return reject('unknown_method', `Listsmith received a request ${shown} that it does not know. If you just updated, restart the app.`);
  }
  let size: number;
  try {
    size = JSON.stringify(input ?? null).length;
  } catch {
    return reject('invalid_input', `The request "${method}" carried data that cannot be read. Nothing was changed.`);
  }
  if (size > MAX_INPUT_BYTES) {
    return reject(
      'payload_too_large',
      `The request "${method}" is too large (${formatBytes(size)}; the limit is ${formatBytes(MAX_INPUT_BYTES)}). Nothing was changed; try a smaller selection.`,
    );
  }
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return reject('invalid_input', `The request "${method}" was malformed (${summary}). Nothing was changed.`, { issues });
  }
  return { ok: true, method, input: parsed.data };
}

function reject(...args: Parameters<typeof fail>): RejectedCall {
  return fail(...args) as RejectedCall;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

