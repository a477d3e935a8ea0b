/**
 * Rebuilds every file under data/ from the raw CSVs (`npm run data`):
 * the JSON files and data/README.md. Deterministic: same inputs, same bytes.
 */
import { buildChangzhou } from './build-changzhou';
import { buildDemography } from './build-demography';
import { buildMigrants } from './build-migrants';
import { writeMarkdown } from './lib/util';

interface Built {
  files: string[];
  summary: Record<string, unknown>;
}

function readme(s: Record<string, unknown>): string {
  const e0 = s['e0'] as { female: number; male: number };
  const e0p = s['e0Published'] as { female: number; male: number };
  const b = s['base2015'] as {
    residentPop: number;
    urbanResidentPop: number;
    hukouPop: number;
    proxyUpper: number;
    nonAg2010: number;
  };
  const deathRounding = s['deathRounding'] as string[];
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
| \`cities/changzhou.json\` | Changzhou census totals 2010/2020, age-sex (0, 1-4, 5-9 … 85+), districts with zone tiers, hukou-elsewhere and housing shares, yearbook figures, observed series 2010-2020, 2015 base year | leiii/census county extracts (\`raw/leiii_census/extract_*_4cities.csv\`); \`shared/data/README.md\` §2a; 2014-2016 bulletins found online (URLs and quotes in the file) | \`build-changzhou.ts\` |
| \`migrants/national-attributes.json\` | migrant-worker age bands, education, insurance coverage, home ownership, settlement intention; model-ready single-year migrant age-sex profile (sums to 1) | NBS migrant-worker monitoring reports, CMDS, CRHPS as listed in \`shared/data/README.md\` §3d | \`build-migrants.ts\` |

Helpers: \`scripts/data/lib/csv.ts\` (CSV with quoted fields), \`lib/sources.ts\` (raw-file readers with layout checks), \`lib/lifetable.ts\` (same life-table conventions as the engine), \`lib/util.ts\` (paths, rounding, Prettier-formatted output).

## Key numbers (from the current build)

- e0 from our mx: female ${e0.female}, male ${e0.male}; WPP2019 for 2010-2015: female ${e0p.female}, male ${e0p.male}. The female shortfall is consistent with using the 2010 population as exposure for a fast-ageing population.
- TFR 2010-2015 (WPP births ÷ census women): ${s['tfr'] as number}. 2020 census TFR: 1.3 (different period).
- Changzhou 2015 year-end: resident ${b.residentPop.toLocaleString('en')}, urban ${b.urbanResidentPop.toLocaleString('en')} (70.0%), hukou ${b.hukouPop.toLocaleString('en')} (2015 communiqué, changzhou.gov.cn; Jiangsu table 470.14万 / 70.00% / 370.85万). Hukou urbanisation rate 2015: **not found**; bounds ${b.nonAg2010} (2010 non-agricultural share) to ${b.proxyUpper} (address-definition proxy), placeholder midpoint labelled as an assumption.
- Migrant profile: workers ${p.workers}, children 0-15 ${p.children}, elderly 65-74 ${p.elderly}; male ${p.male}.

## Notes on the raw files

- The WPP CSV conversions lost their header rows. Column labels were read from the header of the matching \`.xlsx\` only; values come from the CSVs. The life-expectancy file's last column is **2010-2015** (its periods are 1990-1995 … 2010-2015), not 2015-2020 as guessed in \`shared/data/README.md\` §3c.
${deathRounding.map((x) => `- ${x}`).join('\n')}
- The 2010 county file's 非农业户口人口比重 aggregates over districts with **resident** weights, not 户籍人口 weights, so it is most likely a share of the resident population (migrants included).

## Known gaps

- Urban/rural (or by hukou status) mortality and fertility schedules; sex ratio at birth.
- WPP single-year life tables; exposure is approximated by the 2010 census × 5.
- Changzhou: hukou urbanisation rate or urban-registered population after 2010; resident figures for 2011 and 2019; any post-2020-census revision of 2011-2019; settlement counts, residence permits; 2016 plan targets (unverified).
- Migrants: years-of-residence distribution; age-by-sex tables; insurance coverage after 2011; attributes separately for local rural movers (UA) and migrants from elsewhere (UN).
`;
}

async function main(): Promise<void> {
  const summary: Record<string, unknown> = {};
  const files: string[] = [];
  for (const step of [buildDemography, buildChangzhou, buildMigrants] as (() => Promise<Built>)[]) {
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
