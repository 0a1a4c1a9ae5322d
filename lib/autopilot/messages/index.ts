import { showInvisible } from '../identifiers';
import type { Lang } from '../lang';
import type { Problem, ProblemCode, ProblemOf } from '../problems';
import { en } from './en';
import { fr } from './fr';
import type { Catalogue, ProblemText } from './types';

export type { Catalogue, ProblemText } from './types';

export const CATALOGUES: Record<Lang, Catalogue> = { en, fr };

/** The message and the hint of one problem, in the given language. */
export function describeProblem(problem: Problem, lang: Lang): ProblemText {
  return describe(problem, CATALOGUES[lang]);
}

function describe<C extends ProblemCode>(problem: ProblemOf<C>, catalogue: Catalogue): ProblemText {
  const write = catalogue.problems[problem.code] as (params: ProblemOf<C>['params']) => ProblemText;
  // A value quoted in a message shows what it holds: an invisible or direction-changing character is written out.
  const params = Object.fromEntries(
    Object.entries(problem.params).map(([name, value]) => [name, typeof value === 'string' && name !== 'character' ? showInvisible(value) : value]),
  ) as ProblemOf<C>['params'];
  return write(params);
}
