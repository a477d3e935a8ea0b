/**
 * The proxy city's age-sex structure built from the city table alone (build-proxy.ts): the national
 * single-age structure scaled to the city's broad age shares by iterative proportional fitting, with a check
 * of how far that is from the census table.
 */
import { AGE_GROUP_STARTS, AGE_GROUPS, col, col2020Age, v, type CityRows } from './census';
import { req, type Table } from './csv';
import { LEIII_CITY_ALL, LEIII_COUNTY_2020, readLeiii, readUnSingleAge, SEXES, type Sex } from './sources';
import { AGES, assert, rawLabel, sig, sum } from './util';

import { type Ctx } from './city';

interface Bands {
  /** Shares of 0-14, 15-59, 60+ (sum to 1 after normalising). */
  shares: [number, number, number];
  /** Males per 100 females. */
  sexRatio: number;
  total: number;
}

const BAND_OF_START = (start: number): 0 | 1 | 2 => (start < 15 ? 0 : start < 60 ? 1 : 2);

/**
 * Iterative proportional fitting of a national age-sex table to city margins:
 * the three broad-band totals (both sexes) and the two sex totals. Within a
 * band and sex the national age shape is kept. Returns unrounded counts.
 */
function ipf(
  national: Record<Sex, number[]>,
  startOf: (k: number) => number,
  m: Bands,
): { out: Record<Sex, number[]>; iterations: number; maxError: number } {
  const norm = sum(m.shares);
  const bandTarget = m.shares.map((x) => (x / norm) * m.total);
  const sexTarget: Record<Sex, number> = {
    male: (m.total * m.sexRatio) / (100 + m.sexRatio),
    female: (m.total * 100) / (100 + m.sexRatio),
  };
  const out: Record<Sex, number[]> = { female: [...national.female], male: [...national.male] };
  const n = out.female.length;
  let it = 0;
  let maxError = Infinity;
  for (; it < 200 && maxError > 1e-6; it++) {
    for (let b = 0; b < 3; b++) {
      let cur = 0;
      for (const s of SEXES) for (let k = 0; k < n; k++) if (BAND_OF_START(startOf(k)) === b) cur += out[s][k]!;
      const f = bandTarget[b]! / cur;
      for (const s of SEXES) for (let k = 0; k < n; k++) if (BAND_OF_START(startOf(k)) === b) out[s][k]! *= f;
    }
    for (const s of SEXES) {
      const f = sexTarget[s] / sum(out[s]);
      out[s] = out[s].map((x) => x * f);
    }
    maxError = 0;
    for (let b = 0; b < 3; b++) {
      let cur = 0;
      for (const s of SEXES) for (let k = 0; k < n; k++) if (BAND_OF_START(startOf(k)) === b) cur += out[s][k]!;
      maxError = Math.max(maxError, Math.abs(cur - bandTarget[b]!));
    }
  }
  assert(maxError < 1, `IPF converged (max band error ${maxError})`);
  return { out, iterations: it, maxError };
}

/** Single ages 0 … 100+ → the census groups 0, 1-4, 5-9, …, 85+. */
function toGroups(single: number[]): number[] {
  return AGE_GROUP_STARTS.map((start, g) => {
    const end = g + 1 < AGE_GROUP_STARTS.length ? AGE_GROUP_STARTS[g + 1]! - 1 : AGES - 1;
    return sum(single.slice(start, end + 1));
  });
}

function bandsOf(row: Record<string, string>, year: 2010 | 2020): Bands {
  return {
    shares: [req(row[`age_0_14_${year}`]), req(row[`age_15_59_${year}`]), req(row[`age_60_${year}`])],
    sexRatio: req(row[`male_female_${year}`]),
    total: req(row[`popu_${year}`]),
  };
}

/** Largest absolute difference between two age-sex tables in shares of their totals (percentage points). */
function maxShareDiff(a: Record<Sex, number[]>, b: Record<Sex, number[]>): number {
  const ta = sum(a.female) + sum(a.male);
  const tb = sum(b.female) + sum(b.male);
  let d = 0;
  for (const s of SEXES) a[s].forEach((x, k) => (d = Math.max(d, Math.abs(x / ta - b[s][k]! / tb))));
  return sig(100 * d, 4);
}

function censusTable(t: Table, city: CityRows['city'], year: 2010 | 2020): Record<Sex, number[]> {
  const colOf =
    year === 2020
      ? col2020Age
      : (g: string, sex: '男' | '女'): string => `${g === '85+' ? '85岁及以上' : `${g}岁`}（${sex}）`;
  return {
    female: AGE_GROUPS.map((g) => v(t, city, colOf(g, '女'))),
    male: AGE_GROUPS.map((g) => v(t, city, colOf(g, '男'))),
  };
}

export function scaledAgeSex(ctx: Ctx, NAME: string, CITY_FILE_SRC: string): Record<string, unknown> {
  const cityRow = readLeiii(LEIII_CITY_ALL).rows.find((r) => r['city'] === NAME);
  assert(cityRow !== undefined, 'Meizhou row in the city CSV');
  // 2010: national single ages (UN Demographic Yearbook), scaled, then grouped.
  const un = readUnSingleAge(2010);
  const m10 = bandsOf(cityRow, 2010);
  const fit10 = ipf(un.bySex, (a) => a, m10);
  const g10: Record<Sex, number[]> = { female: toGroups(fit10.out.female), male: toGroups(fit10.out.male) };
  // 2020: national 5-year groups (全国 row of the 2020 county extract), scaled.
  const t = readLeiii(LEIII_COUNTY_2020);
  const nat = t.rows.find((r) => r[col(t, '区县')] === '全国');
  assert(nat !== undefined, '2020 national row');
  const nat20: Record<Sex, number[]> = {
    female: AGE_GROUPS.map((g) => v(t, nat, col2020Age(g, '女'))),
    male: AGE_GROUPS.map((g) => v(t, nat, col2020Age(g, '男'))),
  };
  const m20 = bandsOf(cityRow, 2020);
  const fit20 = ipf(nat20, (k) => AGE_GROUP_STARTS[k]!, m20);
  const round = (x: Record<Sex, number[]>): Record<Sex, number[]> => ({
    female: x.female.map((y) => Math.round(y)),
    male: x.male.map((y) => Math.round(y)),
  });
  const census10 = censusTable(ctx.d10.t, ctx.d10.city, 2010);
  const census20 = censusTable(ctx.d20.t, ctx.d20.city, 2020);
  const method = (year: number, m: Bands, base: string, it: number): string =>
    `Labelled method (assumption): the national ${year} structure (${base}) is scaled by iterative proportional fitting (${it} iterations) to two sets of city margins from ${CITY_FILE_SRC}: the broad-band totals 0-14 / 15-59 / 60+ (shares ${m.shares.join(' / ')}%, normalised to sum 100, × total ${m.total}) and the sex totals from the sex ratio ${m.sexRatio}. Within each band and sex the national age shape is kept. Counts rounded to whole persons.`;
  const scaled = (
    year: 2010 | 2020,
    x: Record<Sex, number[]>,
    m: Bands,
    base: string,
    it: number,
    census: Record<Sex, number[]>,
  ): Record<string, unknown> => ({
    source: CITY_FILE_SRC,
    confidence: 'assumption',
    method: method(year, m, base, it),
    unit: 'persons',
    ageStarts: AGE_GROUP_STARTS,
    ageLabels: AGE_GROUPS,
    ...round(x),
    checks: [
      {
        check: `largest difference from the census table ageSex${year} in any age-sex cell, as a share of the total (percentage points)`,
        maxDiffPp: maxShareDiff(x, census),
        ok: true,
      },
    ],
  });
  return {
    ageSex2010Scaled: scaled(
      2010,
      g10,
      m10,
      `2010 census single ages 0…100+ by sex, ${rawLabel('bayesiandemography_marital', 'UNdata_Export_20180121_001507260.csv')}`,
      fit10.iterations,
      census10,
    ),
    ageSex2020Scaled: scaled(
      2020,
      fit20.out,
      m20,
      `2020 census 5-year groups by sex, 全国 row of ${rawLabel(...LEIII_COUNTY_2020)}`,
      fit20.iterations,
      census20,
    ),
  };
}

// ---------------------------------------------------------------------------
