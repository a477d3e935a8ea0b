/**
 * The policy timeline as the compiler reads it: the scenario in force in a year, and for a whole run the
 * effective scenarios, one per distinct set of changes (validated once each; a bad value is reported at the
 * timeline entry that set it, with its year).
 */
import { ValidationError } from './issues';
import { validateScenario } from './load';
import { setInPlace } from './pointer';
import type { Scenario } from './schema';
import { timelineIssues } from './timeline-issues';

/** The scenario in force in `year`: the base plus every timeline change dated that year or earlier. */
export function scenarioInYear(s: Scenario, year: number): Scenario {
  const due = s.timeline.filter((e) => e.year <= year).sort((a, b) => a.year - b.year);
  if (!due.length) return s;
  // One copy, every change applied to it: linear in the timeline's length (a copy per change was quadratic).
  const out = structuredClone(s);
  for (const e of due) for (const [p, v] of Object.entries(e.set)) setInPlace(out, p, v);
  return out;
}

/** The effective scenario of each year: steps sharing the same set of changes share one object. */
export function effectiveScenarios(s: Scenario): (year: number) => Scenario {
  const sortedTimeline = [...s.timeline].sort((a, b) => a.year - b.year);
  const changeCount = (y: number) => sortedTimeline.filter((e) => e.year <= y).length;
  const effective = new Map<number, Scenario>();
  return (y: number): Scenario => {
    const n = changeCount(y);
    let e = effective.get(n);
    if (!e) {
      if (n === 0) e = s;
      else
        try {
          e = validateScenario(scenarioInYear(s, y));
        } catch (err) {
          if (err instanceof ValidationError) throw new ValidationError(timelineIssues(s, y, err.issues));
          throw err;
        }
      effective.set(n, e);
    }
    return e;
  };
}
