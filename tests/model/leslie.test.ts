/**
 * With migration and settlement switched off, the projection must equal a
 * textbook two-sex Leslie projection (Preston, Heuveline & Guillot 2001,
 * ch. 6, one-year intervals), written here independently as a matrix.
 */
import { describe, expect, it } from 'vitest';
import { STATES } from '../../src/model/output';
import { project } from '../../src/model/project';
import { compileScenario } from '../../src/scenario/compile';
import { validateScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import { gompertz, syntheticScenario } from '../fixtures/synthetic';

const N = 101;

/** Life table person-years L(x) and T(x), radix 1, written out for this test. */
function personYears(mx: number[], female: boolean) {
  const l = [1];
  const L: number[] = [];
  for (let x = 0; x < N - 1; x++) {
    const m = mx[x];
    const ax = x === 0 ? (female ? (m >= 0.107 ? 0.35 : 0.053 + 2.8 * m) : m >= 0.107 ? 0.33 : 0.045 + 2.684 * m) : 0.5;
    const q = m / (1 + (1 - ax) * m);
    l.push(l[x] * (1 - q));
    L.push(l[x + 1] + ax * (l[x] - l[x + 1]));
  }
  L.push(l[N - 1] / mx[N - 1]);
  const T = new Array<number>(N);
  let t = 0;
  for (let x = N - 1; x >= 0; x--) T[x] = t += L[x];
  return { L, T };
}

/** The 202 × 202 two-sex Leslie matrix, females first. */
function leslieMatrix(f: number[], srb: number) {
  const fe = personYears(
    Array.from({ length: N }, (_, a) => gompertz(a, true)),
    true,
  );
  const ma = personYears(
    Array.from({ length: N }, (_, a) => gompertz(a, false)),
    false,
  );
  const surv = (py: { L: number[]; T: number[] }) =>
    Array.from({ length: N }, (_, a) => (a < N - 2 ? py.L[a + 1] / py.L[a] : py.T[N - 1] / py.T[N - 2]));
  const sf = surv(fe);
  const sm = surv(ma);
  const M = Array.from({ length: 2 * N }, () => new Float64Array(2 * N));
  const maleShare = srb / (100 + srb);
  for (let a = 0; a < N; a++) {
    // Births from women aged a at the start, and from the survivors who are a+1 at the end.
    const next = a < N - 1 ? a + 1 : N - 1;
    const b = 0.5 * (f[a] + f[next] * sf[a]);
    M[0][a] += b * (1 - maleShare) * fe.L[0];
    M[N][a] += b * maleShare * ma.L[0];
    M[next][a] += sf[a];
    M[N + next][N + a] += sm[a];
  }
  return M;
}

describe('no migration, no settlement: a two-sex Leslie projection', () => {
  it('agrees with the independent Leslie matrix to 1e-9 relative, every year and cell', () => {
    let s = syntheticScenario({ zones: 2, durations: 5, until: 2045 });
    const off: [string, unknown][] = [
      ['/migration/ruralToUrban/intensity', 0],
      ['/migration/reclassification/rate', 0],
      ['/migration/inflow/persons', 0],
      ['/migration/departure', { initial: 0, longRun: 0, halfLifeYears: 1 }],
      ['/migration/away', { leaveUrban: 0, leaveRural: 0, returnUrban: 0, returnRural: 0 }],
      ['/willingness/speed', { core: 0, county: 0 }],
      ['/demography/mortality/improvement', 0],
      ['/demography/mortality/urbanMultiplier', 1],
      ['/demography/mortality/ruralMultiplier', 1],
      ['/demography/mortality/awayMultiplier', 1],
      ['/demography/fertility/multipliers', { UH: 1, UA: 1, UN: 1, RA: 1, AW: 1 }],
      ['/targets', []],
      // Some non-local residents in villages, so that RN is checked too.
      ['/base/nonLocalRuralResidents', 50_000],
    ];
    for (const [p, v] of off) s = setAt(s, p, v);
    const { input } = compileScenario(validateScenario(s));
    const out = project(input);

    const shape = s.demography.fertility.asfr as { asfr: number[] };
    const tfr = s.demography.fertility.tfr as number;
    const total = shape.asfr.reduce((a, b) => a + b, 0);
    const f = shape.asfr.map((x) => (x * tfr) / total);
    const M = leslieMatrix(f, s.demography.sexRatioAtBirth as number);

    const SA = 2 * N;
    const yearVector = (i: number) => {
      const v = new Float64Array(SA);
      for (let st = 0; st < STATES; st++) for (let j = 0; j < SA; j++) v[j] += out.pyramid[(i * STATES + st) * SA + j];
      return v;
    };
    let P = yearVector(0);
    let worst = 0;
    for (let i = 1; i <= out.steps; i++) {
      const Q = new Float64Array(SA);
      for (let r = 0; r < SA; r++) {
        let x = 0;
        for (let c = 0; c < SA; c++) x += M[r][c] * P[c];
        Q[r] = x;
      }
      const model = yearVector(i);
      for (let j = 0; j < SA; j++) {
        const rel = Math.abs(model[j] - Q[j]) / Math.max(1e-300, Math.abs(Q[j]));
        if (Q[j] > 1e-6) worst = Math.max(worst, rel);
      }
      P = Q;
    }
    expect(worst).toBeLessThan(1e-9);
    // And it is a real projection: births happened and the population changed.
    expect(out.series.births[1]).toBeGreaterThan(1000);
    expect(out.series.residentPop[out.steps]).not.toBeCloseTo(out.series.residentPop[0], 0);
  });
});
