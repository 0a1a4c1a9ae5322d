import type { Problem } from '@/lib/autopilot';
import { describeProblem } from '@/lib/autopilot';
import { problemResponse } from './problem';
import type { SubmitResult } from './device-batches';

/** The validator's problems with the request as a whole, as one 400 problem listing them. */
export function requestProblems(list: Problem[]): Response {
  const first = list[0]!;
  return problemResponse(400, first.code, 'The request cannot be processed', describeProblem(first, 'en').message, {
    errors: list.map((p) => ({ code: p.code, ...describeProblem(p, 'en') })),
  });
}

export function submitFailure(result: Exclude<SubmitResult, { ok: true }>, noRelationship: () => Response, noBatch: () => Response): Response {
  if ('problems' in result) return requestProblems(result.problems);
  if ('noBatch' in result) return noBatch();
  return noRelationship();
}
