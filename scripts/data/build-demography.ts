/**
 * National demographic schedules for China:
 *   data/demography/china-2010-single-age.json   2010 census, single ages by sex
 *   data/demography/mortality-china-2010-2015.json single-year mx, WPP2017 deaths ÷ census exposure
 *   data/demography/fertility-china-2010-2015.json single-year ASFR, WPP2017 births ÷ census women
 */
import { lifeTable } from './lib/lifetable';
import {
  readUnSingleAge,
  readWppBirths,
  readWppDeaths,
  readWppE0,
  SEXES,
  sumAges,
  WPP_BIRTH_GROUPS,
  WPP_DEATH_GROUPS,
  type Sex,
  type SingleAgeCensus,
} from './lib/sources';
import { AGE_STARTS, AGES, assert, close, sig, sigAll, sum, writeJson } from './lib/util';

const PERIOD = '2010 - 2015';
const PERIOD_LABEL = '2010-2015';
const PERIOD_YEARS = 5;

/**
 * Share of the WPP 0-4 deaths that happen before age 1 (assumption, see
 * mortality `assumptions`). Sensitivity runs use the bounds below.
 */
const INFANT_SHARE_OF_UNDER5_DEATHS = 0.8;
const INFANT_SHARE_BOUNDS: [number, number] = [0.7, 0.9];

/** Published figures not in raw files (shared/data/README.md), with their sources. */
const PUBLISHED = {
  tfr2020: {
    value: 1.3,
    year: 2020,
    source:
      'shared/data/README.md §3b: TFR 1.3 (2020), census press conference (Ning Jizhe): https://mip.pi1688.com/news/item-53487.html — confidence: verified',
  },
  e0Sex2020: {
    note: 'Sex gap in e0 for China: 2.99 y (1981) → 5.51 y (2020)',
    source:
      'shared/data/README.md §3c: 杨明旭等, 人口学刊 2025(2): http://m.jizihe.com/page/2025/0308/25914708.shtml — confidence: verified (abstract)',
  },
} as const;

function groupBounds(label: string): [number, number] {
  if (label.endsWith('+')) return [Number(label.slice(0, -1)), AGES - 1];
  const [a, b] = label.split('-').map(Number) as [number, number];
  return [a, b];
}

// ---------------------------------------------------------------------------

async function buildCensus(c: SingleAgeCensus): Promise<string> {
  const checks: Record<string, unknown>[] = [];
  for (const s of SEXES) {
    const total = sum(c.bySex[s]);
    assert(total === c.totals[s], `2010 ${s}: single ages sum ${total} = Total row ${c.totals[s]}`);
    checks.push({
      check: `${s}: sum of 101 single-age values equals the file's "Total" row`,
      sum: total,
      totalRow: c.totals[s],
      ok: true,
    });
    let groupsOk = 0;
    for (const [label, v] of Object.entries(c.groups[s])) {
      const [a, b] = groupBounds(label);
      const got = sumAges(c.bySex[s], a, b);
      assert(got === v, `2010 ${s} group ${label}: singles ${got} = group row ${v}`);
      groupsOk++;
    }
    checks.push({
      check: `${s}: each of the ${groupsOk} five-year group rows (0-4 … 95-99) equals the sum of its single ages`,
      ok: true,
    });
  }
  return writeJson('demography/china-2010-single-age.json', {
    source: c.source,
    year: c.year,
    unit: 'persons',
    ageStarts: AGE_STARTS,
    openAgeGroup: `index 100 is the file's open group "${c.openLabel}"`,
    method:
      'Rows with Country "China", Year 2010, Area "Total" and a single-year age label were copied as they are; the group rows ("0 - 4" …) and "Total" rows were dropped after the checks below.',
    footnotes: c.footnotes,
    totals: {
      female: c.totals.female,
      male: c.totals.male,
      both: c.totals.female + c.totals.male,
    },
    female: c.bySex.female,
    male: c.bySex.male,
    checks,
    notes: [
      'De jure census count (2010-11-01). Per footnote 2 it excludes servicemen and persons with undetermined residence and is not adjusted for the 0.12% PES undercount; young children (especially age 0) are known to be under-enumerated in the 2010 census.',
    ],
  });
}

// ---------------------------------------------------------------------------

interface SexMortality {
  mx: number[];
  groupRates: {
    group: string;
    deaths: number;
    personYears: number;
    mx: number;
  }[];
}

function mortalityForSex(c: SingleAgeCensus, deathsK: number[], sex: Sex, infantShare: number): SexMortality {
  const pop = c.bySex[sex];
  const mx = new Array<number>(AGES).fill(NaN);
  const groupRates: SexMortality['groupRates'] = [];
  WPP_DEATH_GROUPS.forEach((label, g) => {
    const deaths = deathsK[g]! * 1000;
    const [a, b] = groupBounds(label);
    if (label === '0-4') {
      const py0 = pop[0]! * PERIOD_YEARS;
      const py14 = sumAges(pop, 1, 4) * PERIOD_YEARS;
      const m0 = (deaths * infantShare) / py0;
      const m14 = (deaths * (1 - infantShare)) / py14;
      mx[0] = m0;
      for (let x = 1; x <= 4; x++) mx[x] = m14;
      groupRates.push({
        group: '0',
        deaths: deaths * infantShare,
        personYears: py0,
        mx: m0,
      });
      groupRates.push({
        group: '1-4',
        deaths: deaths * (1 - infantShare),
        personYears: py14,
        mx: m14,
      });
      return;
    }
    const py = sumAges(pop, a, b) * PERIOD_YEARS;
    const m = deaths / py;
    for (let x = a; x <= b; x++) mx[x] = m;
    groupRates.push({ group: label, deaths, personYears: py, mx: m });
  });
  assert(
    mx.every((v) => Number.isFinite(v) && v > 0),
    `mx ${sex} complete and positive`,
  );
  return { mx, groupRates };
}

async function buildMortality(c: SingleAgeCensus): Promise<{
  file: string;
  e0: Record<Sex, number>;
  e0Published: Record<string, number>;
  deathRounding: string[];
}> {
  const d = readWppDeaths(PERIOD);
  const e0Pub = readWppE0(PERIOD);
  const checks: Record<string, unknown>[] = [];
  for (const s of SEXES) {
    const t = sum(d.groups[s]);
    // Each group is rounded to the nearest thousand, so the sum may differ from the total by up to 20 × 0.5.
    const maxRounding = 0.5 * WPP_DEATH_GROUPS.length;
    assert(Math.abs(t - d.total[s]) <= maxRounding, `WPP deaths ${s}: 20 groups sum ${t} ≈ Total ${d.total[s]}`);
    checks.push({
      check: `${s}: the 20 WPP groups 0-4 … 95+ sum to the file's Total column (thousands), within rounding of the groups to whole thousands (≤ ${maxRounding})`,
      sum: t,
      total: d.total[s],
      difference: t - d.total[s],
      ok: true,
      resolution:
        t === d.total[s]
          ? 'exact'
          : 'the group values are used (they define the age pattern); the implied total differs from the Total column by the difference shown',
    });
  }
  const res = {
    female: mortalityForSex(c, d.groups.female, 'female', INFANT_SHARE_OF_UNDER5_DEATHS),
    male: mortalityForSex(c, d.groups.male, 'male', INFANT_SHARE_OF_UNDER5_DEATHS),
  };
  const e0 = {
    female: lifeTable(res.female.mx, true).e0,
    male: lifeTable(res.male.mx, false).e0,
  };
  // Deaths implied by the single-year mx × exposure reproduce the WPP totals.
  for (const s of SEXES) {
    const implied = res[s].mx.reduce((acc, m, a) => acc + m * c.bySex[s][a]! * PERIOD_YEARS, 0);
    const groupTotal = sum(d.groups[s]) * 1000;
    assert(close(implied, groupTotal, 1e-9), `${s}: Σ mx·exposure = Σ WPP group deaths`);
    checks.push({
      check: `${s}: Σ_a mx(a) × 5 × census pop(a) reproduces the sum of the WPP group deaths`,
      implied: sig(implied),
      wppGroupSum: groupTotal,
      ok: true,
    });
  }
  const sensitivity = INFANT_SHARE_BOUNDS.map((share) => {
    const f = mortalityForSex(c, d.groups.female, 'female', share).mx;
    const m = mortalityForSex(c, d.groups.male, 'male', share).mx;
    return {
      infantShareOfUnder5Deaths: share,
      e0: {
        female: sig(lifeTable(f, true).e0, 5),
        male: sig(lifeTable(m, false).e0, 5),
      },
    };
  });
  const diff = { female: e0.female - e0Pub.female, male: e0.male - e0Pub.male };
  const far = SEXES.filter((s) => Math.abs(diff[s]) > 2);

  const file = await writeJson('demography/mortality-china-2010-2015.json', {
    source: `${d.source}; exposure from ${c.source}; comparison e0 from ${e0Pub.source}`,
    method: [
      `mx(group) = WPP deaths in the group over ${PERIOD_LABEL} (thousands × 1000) ÷ person-years, person-years = 2010 census population of the group × ${PERIOD_YEARS}.`,
      'Single-year mx is constant within each 5-year group (no interpolation), so Σ mx × exposure reproduces each WPP group total exactly; ages 95 … 100+ all take the 95+ rate (95+ exposure = census 95-99 plus 100+).',
      `The 0-4 group is split into age 0 and ages 1-4: deaths at age 0 = ${INFANT_SHARE_OF_UNDER5_DEATHS} × deaths 0-4 (assumption below), each divided by its own census exposure.`,
      'e0 is from a single-year life table with the engine conventions: qx = mx / (1 + (1 − ax)·mx), ax = 0.5 for ages ≥ 1, a0 = Coale–Demeny (Preston, Heuveline & Guillot 2001, table 3.3: female 0.053 + 2.8·m0, male 0.045 + 2.684·m0 for m0 < 0.107), open group 100+: L = l/m.',
    ].join(' '),
    period: PERIOD_LABEL,
    unit: 'deaths per person-year',
    ageStarts: AGE_STARTS,
    mx: { female: sigAll(res.female.mx), male: sigAll(res.male.mx) },
    e0: { female: sig(e0.female, 6), male: sig(e0.male, 6) },
    e0Published: {
      source: e0Pub.source,
      period: e0Pub.period,
      female: e0Pub.female,
      male: e0Pub.male,
      bothSexes: e0Pub.both,
      differenceOursMinusPublished: {
        female: sig(diff.female, 4),
        male: sig(diff.male, 4),
      },
      farOff: far.length > 0 ? `more than 2 years off for: ${far.join(', ')}` : false,
      note: 'WPP2019 e0 is compared with mx built from WPP2017 deaths; the two revisions differ somewhat, so a gap of a few tenths of a year is expected from that alone. A shortfall (ours below WPP) is also the expected sign of the exposure approximation: the old-age groups grew fast between 2010 and mid-period, so 2010 census exposure understates their person-years and overstates their mx.',
    },
    groupRates: {
      female: res.female.groupRates.map((g) => ({
        ...g,
        deaths: sig(g.deaths),
        mx: sig(g.mx),
      })),
      male: res.male.groupRates.map((g) => ({
        ...g,
        deaths: sig(g.deaths),
        mx: sig(g.mx),
      })),
    },
    assumptions: [
      {
        name: 'personYears',
        assumption:
          'Person-years over 2010-2015 are approximated by the 2010 census population × 5 (an approximation: the correct exposure is the mid-period population × 5). Groups growing over the period (older ages, as the population ages) get too little exposure, so their mx is biased up and e0 down; shrinking groups the other way. Census under-enumeration (young children, mobile young adults) also biases mx up at those ages.',
      },
      {
        name: 'infantShareOfUnder5Deaths',
        value: INFANT_SHARE_OF_UNDER5_DEATHS,
        range: INFANT_SHARE_BOUNDS,
        assumption:
          'WPP gives deaths for 0-4 only. In low-mortality life tables most under-five deaths occur in the first year (infant deaths are typically three quarters or more of under-five deaths when e0 is in the 70s), so 0.8 is used as a round central value. This is a modelling assumption, not a statistic for China; e0 under the bounds is in `sensitivity`.',
      },
      {
        name: 'withinGroupShape',
        assumption:
          'mx is constant within 5-year groups (step function) rather than interpolated; this keeps group deaths exact and has a negligible effect on e0, but gives steps in survival at group boundaries.',
      },
      {
        name: 'oldAge',
        assumption:
          'Ages 95 … 100+ use the single 95+ rate (no further rise with age), which slightly overstates survival above 95 and understates it just below.',
      },
    ],
    sensitivity,
    checks,
    gaps: [
      'No single-year or urban/rural mortality for China in the raw files; urban/rural multipliers must come from elsewhere (shared/data/README.md §5 item 7).',
      'WPP single-year life tables were not available (large WPP CSVs are not in the snapshots).',
    ],
    related: {
      source: PUBLISHED.e0Sex2020.source,
      note: PUBLISHED.e0Sex2020.note,
    },
  });
  const deathRounding = SEXES.filter((s) => sum(d.groups[s]) !== d.total[s]).map(
    (s) =>
      `WPP ${s} deaths by age group sum to ${sum(d.groups[s]).toLocaleString('en')} thousand against a Total column of ${d.total[s].toLocaleString('en')} (rounding of the groups); the group values are used.`,
  );
  return {
    file,
    e0,
    e0Published: { female: e0Pub.female, male: e0Pub.male },
    deathRounding,
  };
}

// ---------------------------------------------------------------------------

async function buildFertility(c: SingleAgeCensus): Promise<{ file: string; tfr: number }> {
  const b = readWppBirths(PERIOD);
  const asfr = new Array<number>(AGES).fill(0);
  const groups = WPP_BIRTH_GROUPS.map((label, g) => {
    const [a, z] = groupBounds(label);
    const births = b.groups[g]! * 1000;
    const women = sumAges(c.bySex.female, a, z);
    const rate = births / (women * PERIOD_YEARS);
    for (let x = a; x <= z; x++) asfr[x] = rate;
    return {
      group: label,
      birthsOverPeriod: births,
      censusWomen2010: women,
      asfr: sig(rate),
    };
  });
  const tfrGroups = PERIOD_YEARS * sum(groups.map((g) => g.birthsOverPeriod / (g.censusWomen2010 * PERIOD_YEARS)));
  const tfr = sum(asfr);
  assert(close(tfr, tfrGroups, 1e-12), 'TFR: Σ single-year ASFR = 5 Σ group ASFR');
  const totalBirths = sum(b.groups) * 1000;
  const file = await writeJson('demography/fertility-china-2010-2015.json', {
    source: `${b.source}; women from ${c.source}`,
    method: `ASFR(group) = WPP births to mothers in the group over ${PERIOD_LABEL} (thousands × 1000) ÷ (2010 census women in the group × ${PERIOD_YEARS}). Each single age in a group takes the group rate (uniform within group); ages outside 15-49 are 0. TFR = Σ single-year ASFR = 5 × Σ group ASFR.`,
    period: PERIOD_LABEL,
    unit: 'births per woman-year',
    ageStarts: AGE_STARTS,
    asfr: sigAll(asfr),
    tfr: sig(tfr, 6),
    groups,
    totalBirthsOverPeriod: totalBirths,
    meanAnnualBirths: totalBirths / PERIOD_YEARS,
    tfrPublished: PUBLISHED.tfr2020,
    assumptions: [
      {
        name: 'exposure',
        assumption:
          'Woman-years are approximated by the 2010 census women × 5 rather than the mid-period population. The large 1985-1990 birth cohorts were aged 20-24 in 2010 and moved to 25-29 during the period, so the 20-24 rate is biased down and the 25-29 rate up; the TFR is affected much less than the individual rates.',
      },
      {
        name: 'withinGroupShape',
        assumption: 'Uniform within 5-year groups (no interpolation), as requested; it preserves group births exactly.',
      },
    ],
    notes: [
      'TFR here is a WPP-births-based period estimate for 2010-2015; it is not comparable with the 2020 census TFR of 1.3 (different period: fertility fell after the 2016-2017 two-child peak).',
      'Census 2010 under-enumeration of women of childbearing age is small; the known undercount concerns young children, which does not enter this ratio.',
    ],
    gaps: [
      'No urban/town/rural ASFR in the raw files (shared/data/README.md §3b: GAP).',
      'No sex ratio at birth in the raw files; it must come from the scenario.',
    ],
  });
  return { file, tfr };
}

export async function buildDemography(): Promise<{
  files: string[];
  summary: Record<string, unknown>;
}> {
  const c = readUnSingleAge(2010);
  const f1 = await buildCensus(c);
  const m = await buildMortality(c);
  const f = await buildFertility(c);
  return {
    files: [f1, m.file, f.file],
    summary: {
      e0: { female: sig(m.e0.female, 4), male: sig(m.e0.male, 4) },
      e0Published: m.e0Published,
      tfr: sig(f.tfr, 4),
      deathRounding: m.deathRounding,
    },
  };
}
