/**
 * The one error type of the services. Each expected failure has a stable
 * code; the API maps it once to an RFC 9457 problem (lib/api/problem.ts) and
 * the server actions once to their result (lib/actions/result.ts). Anything
 * else thrown is a bug.
 */
import type { Problem } from '@/lib/autopilot';

export const APP_ERROR_CODES = [
  /** Nobody is signed in, or the API key is missing, unknown or revoked. */
  'UNAUTHENTICATED',
  /** Signed in, but the role or the key's scopes do not allow it. */
  'FORBIDDEN',
  /** No active relationship with the customer, or no such customer: the two are told apart for nobody. */
  'NO_RELATIONSHIP',
  /** No such thing within the caller's scope. */
  'NOT_FOUND',
  /** The input does not match its schema. */
  'INVALID_INPUT',
  /** The device list or devices were judged and refused: see `problems`. */
  'INVALID_DEVICES',
  /** The request is well formed but asks for something the product does not do. */
  'NOT_SUPPORTED',
  /** Another request with the same idempotency key is still being processed. */
  'IDEMPOTENCY_IN_PROGRESS',
  /** The idempotency key was used for a different request. */
  'IDEMPOTENCY_KEY_REUSED',
  /** A state change that is no longer possible (a consent link used, declined, cancelled, expired…). */
  'CONFLICT',
  /** The database cannot store anything now (full, read-only, or locked too long): nothing was stored; retry later. */
  'UNAVAILABLE',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppErrorDetails {
  /** Which field, for INVALID_INPUT. */
  fields?: string[];
  /** The validator's problems, for INVALID_DEVICES. */
  problems?: Problem[];
  /** A finer reason within the code, stable too (e.g. 'expired' for CONFLICT on a consent link). */
  reason?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, message: string = code, details: AppErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** True for the service's expected failures (not for bugs). Does not rely on class names, which a build may minify. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
