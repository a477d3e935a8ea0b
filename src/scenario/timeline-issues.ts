/**
 * A timeline value that breaks a rule is found when the year it takes effect is validated, and the rule
 * names the field (`/policy/channelOverlap: must be ≤ 1`). The user wrote the value in the timeline: the
 * issue is moved to the entry that set it, with the year, so the message points at the line to fix.
 */
import type { Issue } from './issues';
import { formatPointer } from './pointer';
import type { Scenario } from './schema';

const within = (path: string, pointer: string) =>
  path === pointer || path.startsWith(pointer + '/') || pointer.startsWith(path + '/');

export function timelineIssues(s: Scenario, year: number, issues: readonly Issue[]): Issue[] {
  // In the order scenarioInYear applies them: by year, file order within a year (the later wins).
  const due = s.timeline
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.year <= year)
    .sort((a, b) => a.e.year - b.e.year);
  return issues.map((issue) => {
    let from: { index: number; pointer: string; year: number } | null = null;
    for (const { e, index } of due)
      for (const pointer of Object.keys(e.set))
        if (within(issue.path, pointer)) from = { index, pointer, year: e.year };
    if (!from) return issue;
    const where = issue.path === from.pointer ? '' : `${issue.path}: `;
    return {
      path: formatPointer(['timeline', from.index, 'set', from.pointer]),
      message: `${where}${issue.message} (in force from ${from.year})`,
    };
  });
}
