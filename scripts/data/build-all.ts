/**
 * Rebuilds every file under data/ from the raw CSVs (`npm run data`):
 * the JSON files and data/README.md. Deterministic: same inputs, same bytes.
 */
import { buildAtlas } from './build-atlas';
import { buildCities } from './build-cities';
import { buildDemography } from './build-demography';
import { buildMigrants } from './build-migrants';
import { buildNational } from './build-national';
import { buildProxy } from './build-proxy';
import { buildTasks } from './build-tasks';
import { chengquCoverageCheck } from './lib/census';
import { writeMarkdown } from './lib/util';

interface Built {
  files: string[];
  summary: Record<string, unknown>;
}

interface BaseField {
  value: number | null;
  proposed: number | null;
}
type CitySummary = {
  zoneShares: { core: number; county: number; town: number };
  baseYear: Record<string, BaseField> & { year: number };
};

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const fmt = (f: BaseField, rate = false): string => {
  const show = (x: number): string => (rate ? pct(x) : x.toLocaleString('en'));
  if (f.value !== null) return show(f.value);
  if (f.proposed !== null) return `not found (placeholder ${show(f.proposed)})`;
  return 'not found';
};

function cityLines(s: Record<string, unknown>): string {
  const cities = s['cities'] as Record<string, CitySummary>;
  const proxy = s['proxy'] as CitySummary & { city: string };
  const rows: [string, CitySummary][] = [
    ['Jinzhou (doc 002)', cities['jinzhou']!],
    ['Liaoyuan (doc 004)', cities['liaoyuan']!],
    ['Guangzhou (doc 003, revised vintage)', cities['guangzhou']!],
    ['Meizhou, proxy for doc 001', proxy],
  ];
  return rows
    .map(([name, c]) => {
      const b = c.baseYear;
      const z = c.zoneShares;
      return `- ${name}, ${b.year} year-end: resident ${fmt(b['residentPop']!)}, resident rate ${fmt(b['residentUrbanRate']!, true)}, hukou ${fmt(b['hukouPop']!)}, hukou rate ${fmt(b['hukouUrbanRate']!, true)}. 2020 urban zone shares core / county / town: ${z.core.toFixed(4)} / ${z.county.toFixed(4)} / ${z.town.toFixed(4)}.`;
    })
    .join('\n');
}

function readme(s: Record<string, unknown>): string {
  const e0 = s['e0'] as { female: number; male: number };
  const e0p = s['e0Published'] as { female: number; male: number };
  const cz = (s['cities'] as Record<string, Record<string, unknown>>)['changzhou']!;
  const b = cz['base2015'] as {
    residentPop: number;
    urbanResidentPop: number;
    hukouPop: number;
    proxyUpper: number;
    nonAg2010: number;
  };
  const deathRounding = s['deathRounding'] as string[];
  const t = s['tasks'] as Record<
    | 'doc000'
    | 'doc001'
    | 'doc002'
    | 'doc003'
    | 'doc000WithLevers'
    | 'doc001WithLevers'
    | 'doc002WithLevers'
    | 'doc003WithLevers',
    number
  >;
  const czShares = cz['zoneShares'] as { core: number; county: number; town: number };
  const czTown = cz['townPop'] as number;
  const p = s['migrantProfile'] as {
    workers: number;
    children: number;
    elderly: number;
    male: number;
  };
  return `# data/

Model input data, **generated** by \`scripts/data/\` from the CSV files in \`../shared/data/raw/\` and from the published figures listed in \`../shared/data/README.md\`. Do not edit by hand; rebuild with:

\`\`\`sh
npm run data          # = tsx scripts/data/build-all.ts
\`\`\`

Every JSON file has a top-level \`source\`, a \`method\` where values are derived, \`assumptions\` (each labelled with its reasoning), \`checks\` that the build verified, and \`gaps\`. Ages are single years 0 … 100 (index 100 = 100+) unless \`ageStarts\` says otherwise; arrays by sex use the keys \`female\` and \`male\`. Rates and shares are fractions (0-1), populations are persons.

## Files

| file | holds | source | built by |
|---|---|---|---|
| \`demography/china-2010-single-age.json\` | China 2010 census population by single year of age (0 … 100+) and sex | UN Demographic Yearbook via UNdata (\`raw/bayesiandemography_marital/UNdata_Export_*.csv\`) | \`build-demography.ts\` |
| \`demography/mortality-china-2010-2015.json\` | single-year death rates mx by sex, 2010-2015; life-table e0 and WPP e0 for comparison | UN WPP2017 deaths by 5-year age and sex ÷ (2010 census × 5); WPP2019 e0 | \`build-demography.ts\` |
| \`demography/fertility-china-2010-2015.json\` | single-year ASFR 15-49 and TFR, 2010-2015; 2020 census TFR for reference | UN WPP2017 births by mother's age ÷ (2010 census women × 5) | \`build-demography.ts\` |
| \`cities/changzhou.json\` | Changzhou census totals 2010/2020, age-sex (0, 1-4, 5-9 … 85+), districts with zone tiers, hukou-elsewhere and housing shares, yearbook figures, observed series 2010-2020, 2015 base year | leiii/census county extracts (\`raw/leiii_census/extract_*_4cities.csv\`); \`shared/data/README.md\` §2a; 2014-2016 bulletins found online (URLs and quotes in the file) | \`build-cities.ts\` |
| \`cities/jinzhou.json\`, \`cities/liaoyuan.json\`, \`cities/guangzhou.json\` | the cities of documents 002, 004, 003 in the structure of changzhou.json: census totals 2010/2020, age-sex (0, 1-4 … 85+), districts with a labelled tier assumption, zone totals with the 城区/镇区 split, hukou-elsewhere and housing shares, observed series (with vintage and hukou definition), \`baseYearTotals\` (found values with URL and quote, or gap + bounds + labelled placeholder) | leiii/census county extracts; \`shared/data/README.md\` §2b-2d; communiqués and tables found online (URLs and quotes in \`sourcesFound\`) | \`build-cities.ts\` |
| \`cities/proxy-doc001.json\` | **proxy** (\`"proxy": true\`) for the unnamed city of document 001: 梅州 Meizhou, same structure, census data from the full leiii county .xlsx files; also the brief's scaled age-sex (\`ageSex2010Scaled\`, \`ageSex2020Scaled\`) | leiii/census city CSV and county .xlsx (read with \`lib/xlsx.ts\`); two Meizhou communiqués | \`build-proxy.ts\` |
| \`national/china.json\` | nation: 2015 base totals, 2010 age structure (reference), plan targets (60% / 45% / 1亿 by 2020), observed resident and hukou rates 2012-2023 with vintages, migrant figures, settlement rules by city size (2014 / 2016 / 2019) and the 2020 城区 size class of each modelled city | \`shared/data/README.md\` §1, §3d; NBS releases found online; leiii 2020 county files | \`build-national.ts\` |
| \`tasks/doc000.json\` … \`tasks/doc003.json\` | task-division tables parsed from the seed texts: number, heading, text, lead (牵头) and partner (配合) bureaus kept apart, scenario levers (JSON pointers; a labelled hand-written mapping, checked to resolve in each document's preset) | \`shared/seeds/000_*.txt\` … \`003_*.txt\` | \`build-tasks.ts\` |
| \`atlas/prefectures.json\` | every prefecture-level unit (and county-level unit under a province): residents and urban residents 2010 and 2020 on 2020 boundaries, 2020 age-sex, 城区 and residents registered elsewhere summed over its counties, 2010 registered population and non-agricultural share, 2010 age-sex scaled from the nation's to its broad shares, the 2014 size class; the atlas and its ten-year test (issue 18) | leiii/census city table and county .xlsx files | \`build-atlas.ts\` |
| \`migrants/national-attributes.json\` | migrant-worker age bands, education, insurance coverage, home ownership, settlement intention; model-ready single-year migrant age-sex profile (sums to 1) | NBS migrant-worker monitoring reports, CMDS, CRHPS as listed in \`shared/data/README.md\` §3d | \`build-migrants.ts\` |

Helpers: \`scripts/data/lib/csv.ts\` (CSV with quoted fields), \`lib/sources.ts\` (raw-file readers with layout checks), \`lib/census.ts\` (one prefecture from the leiii county tables; the 城区 coverage check), \`lib/xlsx.ts\` (first worksheet of an .xlsx with Node's zlib, no dependency), \`lib/lifetable.ts\` (same life-table conventions as the engine), \`lib/util.ts\` (paths, rounding, Prettier-formatted output).

## Key numbers (from the current build)

- e0 from our mx: female ${e0.female}, male ${e0.male}; WPP2019 for 2010-2015: female ${e0p.female}, male ${e0p.male}. The female shortfall is consistent with using the 2010 population as exposure for a fast-ageing population.
- TFR 2010-2015 (WPP births ÷ census women): ${s['tfr'] as number}. 2020 census TFR: 1.3 (different period).
- Changzhou 2015 year-end: resident ${b.residentPop.toLocaleString('en')}, urban ${b.urbanResidentPop.toLocaleString('en')} (70.0%), hukou ${b.hukouPop.toLocaleString('en')} (2015 communiqué, changzhou.gov.cn; Jiangsu table 470.14万 / 70.00% / 370.85万). Hukou urbanisation rate 2015: **not found**; bounds ${b.nonAg2010} (2010 non-agricultural share) to ${b.proxyUpper} (address-definition proxy), placeholder midpoint labelled as an assumption.
- Migrant profile: workers ${p.workers}, children 0-15 ${p.children}, elderly 65-74 ${p.elderly}; male ${p.male}.
${cityLines(s)}
- Changzhou 2020 urban zone shares (corrected, \`changzhou.json#/tierTotals2020/zones\`): core / county / town ${czShares.core.toFixed(4)} / ${czShares.county.toFixed(4)} / ${czShares.town.toFixed(4)}; \`scenarios/cities/changzhou.json\` uses 0.673 / 0.0861 / 0.2409 (see the 城区 note below).
- Nation 2015 year-end: resident 1,374,620,000 (137462万), urban 56.1%, hukou rate 39.90% (derived); hukou population = resident population (assumption).
- Task tables: document 000 ${t.doc000} tasks (${t.doc000WithLevers} mapped to levers), document 001 ${t.doc001} tasks (${t.doc001WithLevers} mapped), document 002 ${t.doc002} tasks (${t.doc002WithLevers} mapped), document 003 ${t.doc003} tasks (${t.doc003WithLevers} mapped).

## Notes on the raw files

- The WPP CSV conversions lost their header rows. Column labels were read from the header of the matching \`.xlsx\` only; values come from the CSVs. The life-expectancy file's last column is **2010-2015** (its periods are 1990-1995 … 2010-2015), not 2015-2020 as guessed in \`shared/data/README.md\` §3c.
${deathRounding.map((x) => `- ${x}`).join('\n')}
- The 2010 county file's 非农业户口人口比重 aggregates over districts with **resident** weights, not 户籍人口 weights, so it is most likely a share of the resident population (migrants included). This holds for all five cities.
- **城区 coverage.** In the 2020 county file the national 城区 total equals the sum over prefecture city rows plus the sum over county-level-city rows exactly (575,170,855 = 478,083,688 + 97,087,167). A prefecture's city-row 城区人口 is therefore the 城区 of its municipal districts only; the county-level cities' 城区 come on top. Zone shares: core = city-row 城区, county = county-level cities' 城区, town (镇区) = urban − both. Earlier Changzhou figures (census2020.townPop 979,687 and the scenario's zone shares) subtracted 溧阳's 城区 from the city row; \`changzhou.json\` now gives townPop ${czTown.toLocaleString('en')}.
- Guangzhou 2010: the city CSV gives 12,700,800 (the published 1270.08万) but urban + rural = 12,701,948 as in the county file; Meizhou 2010: 4,240,139 vs 4,238,461. The county-file values are used.
- The full county files (\`census_county_*_v1.xlsx\`) are read directly (\`lib/xlsx.ts\`); the 2010 file's headers contain line breaks, which are removed.

## Known gaps

- Urban/rural (or by hukou status) mortality and fertility schedules; sex ratio at birth.
- WPP single-year life tables; exposure is approximated by the 2010 census × 5.
- Changzhou: hukou urbanisation rate or urban-registered population after 2010; resident figures for 2011 and 2019; any post-2020-census revision of 2011-2019; settlement counts, residence permits; 2016 plan targets (unverified).
- Migrants: years-of-residence distribution; age-by-sex tables; insurance coverage after 2011; attributes separately for local rural movers (UA) and migrants from elsewhere (UN).
- Jinzhou: resident population and rate for every year 2011-2019 (base year 2017 is census-interpolated, labelled); hukou before 2018.
- Liaoyuan: resident population and rate 2011-2019 (base year 2016 resident is census-interpolated); urban hukou 2016 (2017 value carried back).
- Guangzhou: revised resident series 2016-2017; points-settlement quotas and cut-offs; district 城区 (the core/outer split of 城区 is an assumption).
- Document 001's city is unknown; Meizhou is a labelled proxy and its 2015 base is a placeholder.
- Nation: hukou population total; hukou rates 2010-2014 and 2019-2023; revised resident series 2011-2019; the 2014 megacity settlement clause and size thresholds above 500万 (recollection).
`;
}

async function main(): Promise<void> {
  const summary: Record<string, unknown> = {};
  const files: string[] = [];
  const coverage = chengquCoverageCheck();
  const steps: (() => Promise<Built>)[] = [
    buildDemography,
    () => buildCities(coverage),
    () => buildProxy(coverage),
    buildNational,
    buildTasks,
    buildMigrants,
    buildAtlas,
  ];
  for (const step of steps) {
    const r = await step();
    files.push(...r.files);
    Object.assign(summary, r.summary);
  }
  files.push(await writeMarkdown('README.md', readme(summary)));
  for (const f of files) console.log(`wrote ${f}`);
  console.log(JSON.stringify(summary));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
