/** The fake Groq server's public surface (tests, the bench and the CLI import from here). */
export { startFakeGroq, type FakeGroq, type FakeGroqOptions, type FakeGroqStats } from './server.js';
export { FAKE_FAULTS, isFakeFault, type FakeFault } from './faults.js';
export { FREE_TIER_LIMITS, type FakeGroqLimits } from './rate-limiter.js';
export { DEFAULT_FAKE_MODELS } from './models.js';
export { INJECTION_TRIGGER, INJECTED_TEXT, rewriteListing } from './rewrite.js';
export { OVER_LIMIT_EXCESS } from './completion.js';
export { formatGoDuration } from './go-duration.js';
export { refusedUrl } from './refused-url.js';
export { INVENTED_SENTENCE, INVENTED_TITLE, MISBEHAVIOURS, REFUSALS, type Misbehaviour } from './misbehaviour.js';
