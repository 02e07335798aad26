/**
 * One photo download: plain http or https (some shops serve photos over http), a deadline, and a
 * byte limit enforced while streaming, so a huge or endless body is cut off rather than buffered.
 */

export interface DownloadLimits {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

/**
 * Why a download failed. `retry`: worth trying again later (timeouts, 5xx, 429, connection
 * errors); `network`: the network itself is unreachable (the cache goes offline for a while);
 * `final`: trying again gives the same answer (404, too large, not an image).
 */
export class PhotoDownloadError extends Error {
  constructor(
    readonly kind: 'retry' | 'network' | 'final',
    message: string,
  ) {
    super(message);
    this.name = 'PhotoDownloadError';
  }
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED', 'ENETDOWN']);

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export async function downloadPhoto(url: string, limits: DownloadLimits): Promise<Buffer> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') throw new PhotoDownloadError('final', `Only http and https photo addresses are downloaded (this one is ${protocol}).`);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { Accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8' } });
  } catch (error) {
    if (timeout.aborted) throw new PhotoDownloadError('retry', `No answer within ${seconds(limits.timeoutMs)}.`);
    if (limits.signal?.aborted) throw new PhotoDownloadError('retry', 'Stopped.');
    const code = causeCode(error);
    if (code !== undefined && NETWORK_CODES.has(code)) throw new PhotoDownloadError('network', `The photo's server could not be reached (${code}).`);
    throw new PhotoDownloadError('retry', `The download failed (${code ?? (error as Error).message}).`);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    const status = response.status;
    const kind = status === 408 || status === 429 || status >= 500 ? 'retry' : 'final';
    throw new PhotoDownloadError(kind, `The server answered HTTP ${status}${status === 404 ? ' (not found)' : ''}.`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw new PhotoDownloadError('final', `The photo is ${formatMb(declared)}, over the ${formatMb(limits.maxBytes)} limit for one photo.`);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body ?? []) {
      received += chunk.byteLength;
      if (received > limits.maxBytes) {
        void response.body?.cancel().catch(() => {});
        throw new PhotoDownloadError('final', `The photo is over the ${formatMb(limits.maxBytes)} limit for one photo.`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof PhotoDownloadError) throw error;
    if (timeout.aborted) throw new PhotoDownloadError('retry', `The download did not finish within ${seconds(limits.timeoutMs)}.`);
    throw new PhotoDownloadError('retry', `The download was cut off (${(error as Error).message}).`);
  }
  return Buffer.concat(chunks);
}

function seconds(ms: number): string {
  return `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`;
}

function formatMb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
