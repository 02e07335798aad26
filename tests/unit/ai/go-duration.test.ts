import { describe, expect, it } from 'vitest';
import { parseGoDuration, retryDelayFromMessage } from '../../../core/ai/go-duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['2m59.56s', 179_560],
    ['7.66s', 7_660],
    ['520ms', 520],
    ['1h2m', 3_720_000],
    ['1.559999999s', 1_560],
    ['0s', 0],
    ['0', 0],
    ['24h0m0s', 86_400_000],
    ['1h30m15.5s', 5_415_500],
    ['90ms', 90],
    ['1m0.5s', 60_500],
    ['250us', 1],
    ['.5s', 500],
  ])('%s → %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each(['', 'abc', '5', '5x', '-1s', '1s garbage', 's', '1.2.3s'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeNull();
  });
});

describe('retryDelayFromMessage', () => {
  it('reads the wait out of a Groq 429 message', () => {
    const message =
      'Rate limit reached for model `llama-3.1-8b-instant` on tokens per minute (TPM): Limit 6000, Used 4093, Requested 3531. Please try again in 16.24s. Need more tokens?';
    expect(retryDelayFromMessage(message)).toBe(16_240);
    expect(retryDelayFromMessage('... per day (RPD): Limit 1000, Used 1000, Requested 1. Please try again in 1h26m40.5s.')).toBe(5_200_500);
    expect(retryDelayFromMessage('no wait here')).toBeNull();
  });
});
