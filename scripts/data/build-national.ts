/**
 * data/national/china.json — the nation for the 2014-2020 plan: 2015 base
 * totals, the 2010 single-age structure (reference), plan targets, observed
 * national series, migrant figures, and the national settlement rules by city
 * size (国发〔2014〕25号, the 2016 "1亿" plan, NDRC 2019) with the size class
 * of each modelled city from the 2020 census 城区 population.
 *
 * Published figures are hand-written below with the source string copied from
 * shared/data/README.md or the URL and quote of a page found with the search
 * tool. The city-size table is computed from the census files.
 */
import { col, load2020, readLeiiiXlsx, v, vn } from './lib/census';
import { LEIII_COUNTY_2020, LEIII_COUNTY_2020_XLSX, LEIII_ORIGIN, readLeiii, readUnSingleAge } from './lib/sources';
import { assert, rawLabel, sig, writeJson } from './lib/util';

import { FOUND, fs, OBSERVED, README } from './national/published';
import { MIGRANTS, SETTLEMENT_RULES, TARGETS } from './national/rules';

/** 2020 census 城区 (city proper) population of the modelled cities and their county-level cities. */
function citySizes(): Record<string, unknown> {
  const rows: Record<string, unknown>[] = [];
  const classOf = (x: number): string => {
    const c = SETTLEMENT_RULES.classes.find(
      (k) => x >= k.chengquPop.from && (k.chengquPop.to === null || x < k.chengquPop.to),
    );
    assert(c !== undefined, `size class for ${x}`);
    return c.id;
  };
  const cities: [string, string, string, 'extract' | 'xlsx'][] = [
    ['常州市', '320400', 'Changzhou (doc 000)', 'extract'],
    ['锦州市', '210700', 'Jinzhou (doc 002)', 'extract'],
    ['辽源市', '220400', 'Liaoyuan (doc 004)', 'extract'],
    ['广州市', '440100', 'Guangzhou (doc 003)', 'extract'],
    ['梅州市', '441400', 'Meizhou (proxy for doc 001)', 'xlsx'],
  ];
  const ext = readLeiii(LEIII_COUNTY_2020);
  const full = readLeiiiXlsx(LEIII_COUNTY_2020_XLSX);
  for (const [name, code, label, which] of cities) {
    const d = load2020(name, code, which === 'extract' ? ext : full);
    const cq = v(d.t, d.city, '城区人口');
    rows.push({ city: name, label, unit: '市辖区 (city proper)', chengquPop2020: cq, sizeClass: classOf(cq) });
    for (const r of d.districts) {
      const x = vn(d.t, r, '城区人口');
      if (x === null) continue;
      rows.push({
        city: r[col(d.t, '区县')],
        label: `county-level city of ${name}`,
        unit: '县级市',
        chengquPop2020: x,
        sizeClass: classOf(x),
      });
    }
  }
  return {
    source: `2020 census 城区人口 as compiled in ${LEIII_ORIGIN}; files ${rawLabel(...LEIII_COUNTY_2020)} and ${rawLabel(...LEIII_COUNTY_2020_XLSX)}`,
    note: 'City-row 城区 covers the municipal districts only; county-level cities are separate cities (see the coverage check in the city files). 2020 sizes; sizes in the base years (2015-2017) were smaller for growing cities (e.g. Changzhou may then have been below 300万), so check the class against the document’s own wording.',
    rows,
  };
}

export async function buildNational(): Promise<{ files: string[]; summary: Record<string, unknown> }> {
  const census = readUnSingleAge(2010);
  const rp15 = 1374620000;
  const up15 = 771160000;
  const hukouRate15 = 0.399;
  assert(Math.abs(up15 / rp15 - 0.561) < 0.0005, '2015 urban ÷ total reproduces 56.1%');
  const obs = [...OBSERVED].sort((a, b) => a.year - b.year || a.metric.localeCompare(b.metric));
  const file = await writeJson('national/china.json', {
    source: `Published national figures from ${README} §1 and §3d (source strings copied) and pages found with the search tool (URLs and quotes in sourcesFound); 2010 age structure from data/demography/china-2010-single-age.json; city sizes from the leiii/census 2020 county files.`,
    method:
      'Numbers are copied from the cited texts (万人 × 10,000 → persons; % → fraction). Derived values give their formula; assumptions are labelled with their reasoning.',
    scope: 'China (31 provinces and servicemen; excluding Hong Kong, Macao, Taiwan)',
    base2015: {
      year: 2015,
      asOf: 'year-end (年末)',
      residentPop: {
        value: rp15,
        confidence: 'verified',
        source: fs('nbs2015'),
        quote: '2015年末中国大陆总人口137462万人',
      },
      urbanResidentPop: { value: up15, confidence: 'verified', source: fs('nbs2015'), quote: '城镇常住人口77116万人' },
      residentUrbanRate: {
        value: 0.561,
        confidence: 'verified',
        source: fs('nbs2015'),
        quote: '城镇人口占总人口比重为56.1%',
        check: sig(up15 / rp15, 6),
      },
      hukouUrbanRate: {
        value: hukouRate15,
        definition: 'address',
        confidence: 'derived',
        source: `${README} §1a (43.37 − 3.47); ${fs('nbs2018')}`,
      },
      hukouPop: {
        value: rp15,
        confidence: 'assumption',
        assumption:
          'For the nation the registered (hukou) population is taken equal to the resident population: people registered in China but living abroad, residents without any registration and foreigners are small relative to 13.7亿 (no count was looked up). The national gap between the rates is then a difference in urban status, not in totals.',
      },
      urbanHukouPop: {
        value: Math.round(rp15 * hukouRate15),
        confidence: 'derived',
        formula: 'hukouPop (assumption above) × hukouUrbanRate 0.399',
      },
      maleFemale: { male: 704140000, female: 670480000, source: fs('nbs2015'), confidence: 'verified' },
      vital: {
        births: 16550000,
        birthRatePerMille: 12.07,
        deaths: 9750000,
        deathRatePerMille: 7.11,
        naturalGrowthPerMille: 4.96,
        sexRatioAtBirth: 113.51,
        source: fs('nbs2015'),
        confidence: 'verified',
      },
      sampleSurvey: {
        note: '2015 1% sample survey, survey day 2015-11-01 (not year-end)',
        residentPop: 1373490000,
        urbanResidentPop: 767500000,
        residentUrbanRate: 0.5588,
        source: fs('sample2015'),
        confidence: 'verified',
      },
    },
    ageSex2010: {
      $data: 'data/demography/china-2010-single-age.json',
      note: 'Single years 0 … 100+ by sex, 2010 census (de jure), built by build-demography.ts; referenced, not copied. Totals read from the same raw file for reference.',
      totals: {
        female: census.totals.female,
        male: census.totals.male,
        both: census.totals.female + census.totals.male,
      },
      source: census.source,
    },
    targets: TARGETS,
    observed: obs,
    observedNotes: [
      'Vintages: 2015-2018 are the originally published series; NBS revised 2011-2019 after the 2020 census (2017: 58.52% → about 60.2%, shared/data/README.md). 2012 (53.10%) is from the revised series. Do not fit one curve through both vintages.',
      'Hukou rates for 2010-2014 (except the ~36% of early 2014) and 2019-2023 are not verified (shared/data/README.md §5).',
      'The 2016 NBS article: gap between the rates narrowed by 1.4 pp between end-2012 and end-2016 (quoted in sourcesFound.nbs2016).',
    ],
    migrants: MIGRANTS,
    settlementRules: SETTLEMENT_RULES,
    citySizes2020: citySizes(),
    sourcesFound: FOUND,
    gaps: [
      'National registered (hukou) population total and the count of residents without registration.',
      'Hukou urbanisation 2010-2014 and 2019-2023; its exact definition after 2014.',
      'Revised (post-2020-census) resident series 2011-2019 (only 2012 = 53.10% is in the README).',
      'The 国发〔2014〕25号 megacity clause and the official city-size thresholds above 500万 (recollection).',
      'Cumulative settlement count 2014-2020 against the 1亿 target.',
    ],
  });
  return { files: [file], summary: { national: { residentPop2015: rp15, hukouUrbanRate2015: hukouRate15 } } };
}
