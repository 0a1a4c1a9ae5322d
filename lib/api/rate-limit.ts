import { env } from '@/lib/env';
import { createRateLimit, type RateLimit } from '@/lib/rate-limit';

/** 120 requests at once, then 2 a second, per key; API_RATE_LIMIT="capacity,perSecond" to change it. */
function fromEnvironment(): RateLimit {
  const { capacity, perSecond } = env().API_RATE_LIMIT;
  return createRateLimit(capacity, perSecond);
}

const globalForLimit = globalThis as unknown as { apiRateLimit?: RateLimit };
export const apiRateLimit: RateLimit = (globalForLimit.apiRateLimit ??= fromEnvironment());
