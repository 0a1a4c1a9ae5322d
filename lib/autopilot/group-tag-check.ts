/**
 * The group tag the partner chose, checked before any file is read: Managed
 * Desktop tags must match Microsoft's table exactly.
 */
import {
  UNSUPPORTED_POWER_USER_SHARED,
  nearestManagedDesktopTag,
  squashTag,
  profileForGroupTag,
  type ManagedDesktopProfile,
} from './group-tags';
import { firstForbiddenCharacter, hasOuterSpaces } from './identifiers';
import { problem, type Problem } from './problems';

export interface GroupTagCheck {
  tag: string | null;
  /** The Managed Desktop profile and mode the tag stands for, if it is one of Microsoft's. */
  managedDesktop: ManagedDesktopProfile | null;
  /** Every device needs a hardware hash: the tag is (or was meant to be) a Managed Desktop tag. */
  requiresHash: boolean;
  problems: Problem[];
}

export function checkGroupTag(tag: string | null): GroupTagCheck {
  if (tag === null) return { tag, managedDesktop: null, requiresHash: false, problems: [] };
  const managedDesktop = profileForGroupTag(tag);
  if (managedDesktop) return { tag, managedDesktop, requiresHash: true, problems: [] };

  const problems: Problem[] = [];
  const squashed = squashTag(tag);
  const nearest = nearestManagedDesktopTag(tag);
  if (tag.trim() === '') {
    problems.push(problem('GROUP_TAG_EMPTY', {}));
  } else if (squashed === squashTag(UNSUPPORTED_POWER_USER_SHARED)) {
    problems.push(problem('GROUP_TAG_NOT_SUPPORTED', { found: tag }));
  } else if (nearest) {
    problems.push(problem('GROUP_TAG_NOT_EXACT', { found: tag, expected: nearest }));
  } else {
    const control = firstForbiddenCharacter(tag);
    if (control) {
      problems.push(problem('GROUP_TAG_INVALID', { found: tag, character: tag.charAt(control.index) }));
    } else if (hasOuterSpaces(tag)) {
      problems.push(problem('GROUP_TAG_INVALID', { found: tag, character: ' ' }));
    }
  }
  const requiresHash = nearest !== null || squashed.startsWith('microsoft365managed');
  return { tag, managedDesktop: null, requiresHash, problems };
}
