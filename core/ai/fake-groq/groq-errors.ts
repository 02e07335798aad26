/**
 * Groq's error bodies (`{"error":{"message","type","code"}}`) and the wording of its rate-limit
 * messages, which clients may parse ("Please try again in 16.24s", "per day").
 */
import { formatGoDuration } from './go-duration.js';
import type { RateRefusal } from './rate-limiter.js';

export interface GroqErrorBody {
  error: { message: string; type: string; code?: string; failed_generation?: string };
}

export interface GroqError {
  status: number;
  body: GroqErrorBody;
}

const ORGANIZATION = 'org_fake0000000000000000000000';
const UPGRADE = 'Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing';

export function groqError(status: number, type: string, message: string, code?: string): GroqError {
  return { status, body: { error: code === undefined ? { message, type } : { message, type, code } } };
}

export function invalidApiKey(): GroqError {
  return groqError(401, 'invalid_request_error', 'Invalid API Key', 'invalid_api_key');
}

export function invalidRequest(message: string, code?: string): GroqError {
  return groqError(400, 'invalid_request_error', message, code);
}

export function modelNotFound(model: string): GroqError {
  return groqError(404, 'invalid_request_error', `The model \`${model}\` does not exist or you do not have access to it.`, 'model_not_found');
}

export function unknownUrl(method: string, path: string): GroqError {
  return groqError(404, 'invalid_request_error', `Unknown request URL: ${method} ${path}. Please check the URL for typos.`, 'unknown_url');
}

const LIMIT_NAMES: Record<RateRefusal['limit'], string> = {
  rpm: 'requests per minute (RPM)',
  tpm: 'tokens per minute (TPM)',
  rpd: 'requests per day (RPD)',
  too_large: 'tokens per minute (TPM)',
};

/** The 429 (or 413 for a request larger than the TPM limit) Groq sends for `refusal`. */
export function rateLimited(model: string, refusal: RateRefusal): GroqError {
  const where = `for model \`${model}\` in organization \`${ORGANIZATION}\` service tier \`on_demand\` on ${LIMIT_NAMES[refusal.limit]}`;
  if (refusal.limit === 'too_large') {
    return groqError(
      413,
      'tokens',
      `Request too large ${where}: Limit ${refusal.max}, Requested ${refusal.requested}, please reduce your message size and try again. ${UPGRADE}`,
      'rate_limit_exceeded',
    );
  }
  const type = refusal.limit === 'tpm' ? 'tokens' : 'requests';
  return groqError(
    429,
    type,
    `Rate limit reached ${where}: Limit ${refusal.max}, Used ${refusal.used}, Requested ${refusal.requested}. Please try again in ${formatGoDuration(refusal.waitMs)}. ${UPGRADE}`,
    'rate_limit_exceeded',
  );
}

export function serverError(): GroqError {
  return groqError(500, 'internal_server_error', 'Internal Server Error', 'internal_server_error');
}

export function capacityExceeded(): GroqError {
  return groqError(498, 'capacity_exceeded', 'Flex tier capacity exceeded. This is a temporary condition; please try again later.', 'capacity_exceeded');
}

export function jsonValidateFailed(failedGeneration: string): GroqError {
  const error = invalidRequest("Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.", 'json_validate_failed');
  error.body.error.failed_generation = failedGeneration;
  return error;
}

/** The page a gateway in front of the API returns (not JSON: clients must cope). */
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

/** A 200 HTML page in place of JSON, as captive portals and misrouted proxies send. */
export const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>';
