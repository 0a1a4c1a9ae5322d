/**
 * What every server action answers, in one shape: the data, or an error
 * with the same stable code the API uses. Pure: client components read it.
 */
import type { Problem } from '@/lib/autopilot';
import type { AppErrorCode } from '@/lib/errors';

export interface ActionError {
  code: AppErrorCode;
  /** A finer, stable reason within the code (e.g. 'expired', 'not-agreed'). */
  reason?: string;
  /** The fields that were refused, for INVALID_INPUT. */
  fields?: string[];
  /** The validator's problems, for INVALID_DEVICES. */
  problems?: Problem[];
}

export type ActionResult<T = null> =
  | { ok: true; data: T }
  /** `values`: what was typed, so that a refused form loses nothing (passwords excepted). */
  | { ok: false; error: ActionError; values?: Record<string, string> };

/** A form's state before it is first sent. */
export type FormState<T = null> = ActionResult<T> | null;

export function refusedField(state: FormState<unknown>, field: string): boolean {
  return state !== null && !state.ok && (state.error.fields?.includes(field) ?? false);
}

export function typedValue(state: FormState<unknown>, field: string): string | undefined {
  return state !== null && !state.ok ? state.values?.[field] : undefined;
}

/** The portal's message key for a refusal, under each page's `refused` messages. */
export function refusalKey(error: ActionError): 'not-signed-in' | 'forbidden' | 'not-found' | 'bad-request' | 'not-supported' | 'conflict' | 'unavailable' {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'not-signed-in';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NO_RELATIONSHIP':
    case 'NOT_FOUND':
      return 'not-found';
    case 'NOT_SUPPORTED':
      return 'not-supported';
    case 'CONFLICT':
    case 'IDEMPOTENCY_IN_PROGRESS':
    case 'IDEMPOTENCY_KEY_REUSED':
      return 'conflict';
    case 'INVALID_INPUT':
    case 'INVALID_DEVICES':
      return 'bad-request';
    case 'UNAVAILABLE':
      return 'unavailable';
  }
}

/** The message key, under `password`, of why a new password was refused. */
export function passwordProblemKey(state: FormState<unknown>): 'too-short' | 'too-long' | 'common' | 'like-email' | 'invalid' {
  const reason = state !== null && !state.ok ? state.error.reason : undefined;
  return reason === 'too-short' || reason === 'too-long' || reason === 'common' || reason === 'like-email' ? reason : 'invalid';
}
