import { sageRateLimitPolicy } from "../src/util/rateLimit";
import { retryPolicy } from "../src/util/retry";

// Keep retry backoff in tests to a few milliseconds (Retry-After and the 429 schedule included);
// the tries allowed stay as in production. The policy itself is tested in test/util/retry.test.ts.
retryPolicy.baseDelayMs = 1;
retryPolicy.rateLimitBaseDelayMs = 1;
retryPolicy.maxDelayMs = 20;
retryPolicy.maxRetryAfterMs = 20;
// Tests never talk to the real Sage API; the sandbox suites set this per run.
delete process.env.SAGE_API_BASE_URL;
// Suites make hundreds of calls in seconds; the limiter is tested in test/util/rateLimit.test.ts and client.test.ts.
sageRateLimitPolicy.limit = Number.POSITIVE_INFINITY;
