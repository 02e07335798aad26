import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike } from '../../../main/electron/trusted-sender.js';

const frame = (url: string, over: Partial<FrameLike> = {}): FrameLike => ({ url, parent: null, processId: 4, routingId: 1, ...over });

describe('isTrustedSender', () => {
  const main = frame('app://listsmith/');

  it('accepts the main frame of our window on an app:// page', () => {
    expect(isTrustedSender(main, [main])).toBe(true);
    expect(isTrustedSender(frame('app://listsmith/index.html#/grid'), [main])).toBe(true); // same ids, new wrapper
  });

  it('refuses a missing or detached frame', () => {
    expect(isTrustedSender(null, [main])).toBe(false);
    expect(isTrustedSender(undefined, [main])).toBe(false);
    expect(isTrustedSender(frame('app://listsmith/', { detached: true }), [main])).toBe(false);
  });

  it('refuses sub-frames, foreign pages and other windows', () => {
    expect(isTrustedSender(frame('app://listsmith/', { parent: main, routingId: 9 }), [main])).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'), [main])).toBe(false);
    expect(isTrustedSender(frame('file:///tmp/x.html'), [main])).toBe(false);
    expect(isTrustedSender(frame('app://listsmith/', { processId: 5 }), [main])).toBe(false);
    expect(isTrustedSender(main, [])).toBe(false);
  });
});
