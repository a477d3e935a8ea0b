/**
 * data/cities/proxy-doc001.json — a stand-in for the unnamed prefecture city
 * of document 001 (shared/data/README.md §2e): 梅州 Meizhou, Guangdong,
 * labelled "proxy": true.
 *
 * Census values come from the full leiii/census files (city CSV and the
 * county .xlsx files, read with scripts/data/lib/xlsx.ts), in the structure
 * of the other city files. As the brief asked, the age-sex structure is also
 * built from the city CSV alone by scaling the national structure to the
 * city's broad age shares (ageSex2010Scaled, ageSex2020Scaled), with a check
 * of how far that method is from the census table.
 */
import { readLeiiiXlsx, share } from './lib/census';
import { req } from './lib/csv';
import { LEIII_CITY_ALL, LEIII_COUNTY_2010_XLSX, LEIII_COUNTY_2020_XLSX, LEIII_ORIGIN, readLeiii } from './lib/sources';
import { assert, rawLabel, sig, sum } from './lib/util';
import { buildCity } from './build-cities';
import { foundSource, interpolated, roundPersons, type CityConfig, type Found, type Obs } from './lib/city';

const NAME = '梅州市';
const CODE = '441400';
const CITY_FILE_SRC = `${LEIII_ORIGIN}; file ${rawLabel(...LEIII_CITY_ALL)} (city-level table)`;

/** Guangdong prefectures named as candidates in shared/data/README.md §2e. */
const CANDIDATES = ['河源市', '梅州市', '汕尾市', '云浮市', '阳江市', '湛江市', '茂名市', '揭阳市'];

const PROXY_REASONING = [
  'Document 001 names no city. shared/data/README.md §2e infers a Guangdong prefecture (department names such as 市发展改革局, 市人力资源社会保障局) whose resident urbanisation was well below 50% around 2015, since the plan aims at "全市城镇化率达到50%以上" by 2020, and lists 河源, 梅州, 汕尾, 云浮, 阳江, 湛江, 茂名, 揭阳 (an inference, unverified).',
  '梅州 is chosen because (1) its census urbanisation rose from 43.0% (2010) to 51.6% (2020), so a 2015 level in the mid-40s and a "≥50% by 2020" target fit it, and it did cross 50% by 2020; (2) it has a county-level city (兴宁市), matching task 2 "全面放开县级市市区和建制镇落户限制", a central city of two districts (梅江区, 梅县区) matching task 3 "市中心城区", and ordinary counties; (3) it is a net-emigration city (registered population far above residents), as a city that must attract settlers from its own countryside would be.',
  'Not chosen: 河源 has no county-level city and stayed below 50% at the 2020 census (48.5%); 湛江, 茂名, 云浮 were still below 46% in 2020, so a 50% target for 2020 would have been far out of reach; 阳江 (46.8% → 54.2%), 揭阳 (47.3% → 50.7%) and 汕尾 (55.4% in 2010) were already close to or above 50% by 2015, which makes a "力争…50%以上" target for 2020 unambitious.',
  'This is a proxy: the document may belong to another city. Use the file to give the document-001 preset a plausible population, not to evaluate the real city’s policy.',
];

const FOUND_MEIZHOU = {
  communique2020: {
    url: 'http://www.xiaomonv0755.com/tjgb/19gd/36755.html',
    title: '梅州市2020年国民经济和社会发展统计公报 (mirror, 2021-03-25)',
    quote: '全市年末戶籍人口為543.96萬人。',
    quality: 'mirror of the municipal communiqué',
  },
  communique2022: {
    url: 'http://hbzqbyyxgs.com/news/690878.html',
    title: 'Aggregator page quoting the 2022 Meizhou communiqué',
    quote:
      '截至2022年末,梅州市常住人口385.80萬人 … 梅州全市戶籍人口539.35萬人 … 梅州市全市城鎮常住人口203.24萬人,占常住人口比重(常住人口城鎮化率)52.68% … 戶籍人口中,戶籍城鎮人口為222.2萬人。',
    quality: 'aggregator; re-check on the Meizhou statistics bureau site',
  },
} satisfies Record<string, Found>;

import { scaledAgeSex } from './lib/proxy-ages';

const MEIZHOU: CityConfig = {
  key: 'proxy-doc001',
  outFile: 'cities/proxy-doc001.json',
  name: NAME,
  code: CODE,
  province: '广东省',
  nameEn: 'Meizhou (proxy for the unnamed city of document 001)',
  tables: () => ({
    t10: readLeiiiXlsx(LEIII_COUNTY_2010_XLSX),
    t20: readLeiiiXlsx(LEIII_COUNTY_2020_XLSX),
    src10: `2010 census county-level tables as compiled in ${LEIII_ORIGIN}; file ${rawLabel(...LEIII_COUNTY_2010_XLSX)} (read with scripts/data/lib/xlsx.ts; header line breaks removed, cells trimmed)`,
    src20: `2020 census (7th census yearbook) county-level tables as compiled in ${LEIII_ORIGIN}; file ${rawLabel(...LEIII_COUNTY_2020_XLSX)} (read with scripts/data/lib/xlsx.ts)`,
  }),
  cityFile: LEIII_CITY_ALL,
  cityFile2010Note:
    'The city CSV gives 4,240,139 residents in 2010 (also the figure quoted for the 6th census by Meizhou pages), the county file’s city row 4,238,461 (= sum of its 8 district rows and = urban + rural). The county-file values are used for consistency with the age-sex and district tables; the difference is 1,678 persons (0.04%). ageSex2010Scaled uses the city-CSV total.',
  document: {
    seed: 'shared/seeds/001_efdf5515131fd828.txt',
    summary:
      'Unnamed prefecture city, attachment 推进户籍制度改革重点任务分工方案 (24 tasks; target 全市城镇化率50%以上 by 2020). Base year 2015 year-end (assumption: the plan follows 国发〔2014〕25号 and the 2015 Guangdong conference).',
  },
  readmeSection: '§2e',
  tiers: {
    梅江区: 'core',
    梅县区: 'core',
    梅县: 'core',
    兴宁市: 'county',
    大埔县: 'county',
    丰顺县: 'county',
    五华县: 'county',
    平远县: 'county',
    蕉岭县: 'county',
  },
  zoneNames: {
    core: '市中心城区 (梅江区、梅县区)',
    county: '县级市市区 (兴宁市)',
    town: '建制镇 (镇区, incl. the county seats of the five counties)',
  },
  tierAssumption:
    'Zone tiers are a modelling choice, not a statistic, chosen to match document 001: "市中心城区" (task 3) → "core" = 梅江区 and 梅县区 (梅县 was a county in 2010 and became a district in 2013; it is tier "core" in both years for comparability); "县级市市区" (task 2) → "county" = 兴宁市, with the five counties (大埔, 丰顺, 五华, 平远, 蕉岭) also tier "county" for district totals. The counties have no 城区, so their seats (县政府驻地镇, also named in task 2) fall into the "town" zone, which task 2 opens on the same terms as the county-level city.',
  zoneSplit: (c) => {
    const county = c.districts2020.filter((d) => d.tier === 'county');
    const cities = county.filter((d) => d.name.endsWith('市'));
    assert(
      cities.every((d) => d.chengquPop !== null && d.chengquPop !== undefined),
      'Meizhou: county-level cities have 城区',
    );
    assert(
      county.filter((d) => d.name.endsWith('县')).every((d) => d.chengquPop === null || d.chengquPop === undefined),
      'Meizhou: counties have no 城区',
    );
    const coreUrban = sum(c.districts2020.filter((d) => d.tier === 'core').map((d) => d.urbanPop));
    assert(c.chengqu20 <= coreUrban, 'Meizhou: city-row 城区 within core urban');
    return {
      coreChengqu: c.chengqu20,
      countyChengqu: sum(cities.map((d) => d.chengquPop!)),
      method: `Core 城区 = city-row 城区 ${c.chengqu20} (municipal districts only, see the coverage check; core urban ${coreUrban}). County 城区 = ${cities.map((d) => `${d.name} ${d.chengquPop}`).join(', ')}. Counties have no 城区. Town = urban − core 城区 − county 城区 (镇区).`,
      confidence: 'derived',
    };
  },
  published: () => {
    const f = FOUND_MEIZHOU;
    return [
      {
        metric: 'hukouPop',
        year: 2020,
        value: 5439600,
        source: foundSource(f.communique2020),
        confidence: 'verified',
        note: '543.96万, year-end',
      },
      {
        metric: 'residentPop',
        year: 2022,
        value: 3858000,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        vintage: 'revised',
      },
      {
        metric: 'urbanResidentPop',
        year: 2022,
        value: 2032400,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        vintage: 'revised',
      },
      {
        metric: 'residentUrbanRate',
        year: 2022,
        value: 0.5268,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        vintage: 'revised',
      },
      { metric: 'hukouPop', year: 2022, value: 5393500, source: foundSource(f.communique2022), confidence: 'verified' },
      {
        metric: 'urbanHukouPop',
        year: 2022,
        value: 2222000,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        definition: 'address',
        note: '222.2万; definition not stated in the source (read as by registration area, as Guangdong has classified registered population since the 2015 unification)',
      },
      {
        metric: 'hukouUrbanRate',
        year: 2022,
        value: share(2222000, 5393500),
        source: foundSource(f.communique2022),
        confidence: 'derived',
        definition: 'address',
        note: '222.2万 ÷ 539.35万',
      },
    ] satisfies Obs[];
  },
  baseYear: (c) => {
    const year = 2015;
    const rp = interpolated('the resident population', year, c.res10, c.res20, 'geometric', roundPersons);
    const rate = interpolated(
      'the resident urbanisation rate',
      year,
      share(c.urb10, c.res10),
      share(c.urb20, c.res20),
      'linear',
      (x) => sig(x, 4),
    );
    const h20 = 5439600;
    const hk = interpolated(
      'the registered population (2010 census count → 2020 year-end)',
      year,
      c.hukou10,
      h20,
      'linear',
      roundPersons,
    );
    const rate22 = share(2222000, 5393500);
    return {
      year,
      asOf: 'year-end (年末)',
      proxy: true,
      note: 'Only placeholders: the base year is for the proxy city and no 2015 figures were searched for beyond the two communiqués in sourcesFound.',
      residentPop: { value: null, gap: 'not searched for the proxy', proposed: rp },
      residentUrbanRate: { value: null, gap: 'not searched for the proxy', proposed: rate },
      urbanResidentPop: {
        value: null,
        gap: 'not searched',
        proposed: {
          value: roundPersons(rp.value * rate.value),
          confidence: 'assumption',
          formula: 'proposed residentPop × proposed residentUrbanRate',
        },
      },
      hukouPop: {
        value: null,
        gap: 'not found for 2015',
        proposed: {
          ...hk,
          formula: `${hk.formula} — endpoints of different kinds (census-tabulated 2010, public-security year-end 2020); 2020 value ${h20} from ${foundSource(FOUND_MEIZHOU.communique2020)}`,
        },
      },
      hukouUrbanRate: {
        value: null,
        gap: 'not found for 2015',
        bounds: {
          lower: {
            value: c.nonAg10,
            definition: 'nonAgricultural',
            reasoning: '2010 census non-agricultural share (resident-based)',
          },
          upper: { value: rate22, definition: 'address', reasoning: '2022 address-based rate (222.2万 ÷ 539.35万)' },
        },
        proposed: {
          value: sig((c.nonAg10 + rate22) / 2, 4),
          definition: 'address',
          confidence: 'assumption',
          assumption:
            'Placeholder midpoint of bounds that rest on different definitions (as for Changzhou base2015); calibrate instead of trusting it.',
        },
      },
      urbanHukouPop: { value: null, gap: 'not found' },
    };
  },
  sourcesFound: FOUND_MEIZHOU,
  gaps: [
    'The identity of the document-001 city (shared/data/README.md §2e): everything here is for a proxy.',
    'Meizhou resident and registration figures 2011-2019 (not searched beyond two communiqués).',
  ],
  extra: () => {
    const all = readLeiii(LEIII_CITY_ALL).rows;
    const candidates = CANDIDATES.map((name) => {
      const r = all.find((x) => x['city'] === name);
      assert(r !== undefined, `candidate ${name} in the city CSV`);
      return {
        name,
        code: r['city_code'],
        residentUrbanRate2010: share(req(r['popu_urban_2010']), req(r['popu_2010'])),
        residentUrbanRate2020: share(req(r['popu_urban_2020']), req(r['popu_2020'])),
        residentPop2010: req(r['popu_2010']),
        residentPop2020: req(r['popu_2020']),
      };
    });
    const cf = all.find((x) => x['city'] === NAME)!;
    return {
      proxy: true,
      proxyFor: 'document 001 (shared/seeds/001_efdf5515131fd828.txt), city not named',
      proxyReasoning: PROXY_REASONING,
      candidates: { source: CITY_FILE_SRC, rows: candidates },
      cityFileAttributes: {
        source: CITY_FILE_SRC,
        householdSize: { 2010: req(cf['household_2010']), 2020: req(cf['household_2020']) },
        sexRatio: { 2010: req(cf['male_female_2010']), 2020: req(cf['male_female_2020']) },
        ageSharesPercent: {
          2010: {
            '0-14': req(cf['age_0_14_2010']),
            '15-59': req(cf['age_15_59_2010']),
            '60+': req(cf['age_60_2010']),
            '65+': req(cf['age_65_2010']),
          },
          2020: {
            '0-14': req(cf['age_0_14_2020']),
            '15-59': req(cf['age_15_59_2020']),
            '60+': req(cf['age_60_2020']),
            '65+': req(cf['age_65_2020']),
          },
        },
      },
    };
  },
  extraAfterAgeSex: (ctx) => ({
    ageSexNote:
      'ageSex2010 and ageSex2020 are the census tables of the full county files (the brief assumed these .xlsx files could not be read; scripts/data/lib/xlsx.ts reads them with Node’s zlib). ageSex2010Scaled and ageSex2020Scaled are the method the brief asked for (national structure scaled to the city CSV’s broad age shares), kept as labelled alternatives; their checks give the largest cell difference from the census tables.',
    ...scaledAgeSex(ctx, NAME, CITY_FILE_SRC),
  }),
};

export async function buildProxy(coverage: Record<string, unknown>): Promise<{
  files: string[];
  summary: Record<string, unknown>;
}> {
  const r = await buildCity(MEIZHOU, coverage);
  return { files: [r.file], summary: { proxy: { city: NAME, ...r.summary } } };
}
