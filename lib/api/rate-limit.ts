import { createRateLimit, type RateLimit } from '@/lib/rate-limit';

/** 120 requests at once, then 2 a second, per key; API_RATE_LIMIT="capacity,perSecond" to change it. */
function fromEnvironment(): RateLimit {
  const [capacity, perSecond] = (process.env.API_RATE_LIMIT ?? '120,2').split(',').map(Number);
  return createRateLimit(capacity && capacity > 0 ? capacity : 120, perSecond && perSecond > 0 ? perSecond : 2);
}

const globalForLimit = globalThis as unknown as { apiRateLimit?: RateLimit };
export const apiRateLimit: RateLimit = (globalForLimit.apiRateLimit ??= fromEnvironment());
