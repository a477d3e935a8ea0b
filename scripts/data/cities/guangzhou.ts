/**
 * 广州 (document 003): the city config of build-cities.ts and the figures found for it.
 */
import { share } from '../lib/census';
import { assert, sum } from '../lib/util';
import { README, foundSource, roundPersons, type CityConfig, type Found, type Obs, type Tier } from '../lib/city';

const FOUND_GUANGZHOU = {
  sample2015: {
    url: 'https://www.chinanews.com/gn/2016/07-06/7929926.shtml',
    title: '广州去年常住人口1350万 (羊城晚报 via chinanews.com, 2016-07-06), on the 2015 1% population sample survey',
    quote:
      '2015年末全市常住总人口为1350.11万人 … 与2010年第六次全国人口普查的总人口1270.08万人相比 … 城镇人口为1154.80万人 85.53% … 乡村人口为195.31万人 14.47%',
    quality: 'national news site; original (pre-2020-census) vintage',
  },
  yearbookTable: {
    url: 'http://hbzqbyyxgs.com/news/4jgNMzcy.html',
    title:
      'Aggregator page with a Guangzhou population table 2005-2021 (registration rows from the public-security annual report)',
    quote:
      '指標 | 2021年 | 2020年 | 2019年 | 2018年 | 2015年 | 2010年 | 2005年 | 總人口(人) | 10115306 | 9851142 | 9537157 | 9276914 | 8541913 | 8061370 | 7505322 | … 鄉村人口(人) | 1940915 | 1921567 | 1916742 | 1875737 | 1731646 | 820905 | 784226 | 城鎮人口(人) | 8174391 | 7929575 | 7620415 | 7401177 | 6810267 | 7221540 | 6681980 | … 常住人口(萬人) | 1881.06 | 1874.03 | 1831.21 | 1798.13 | 1594.95 | 1270.96 | 949.68 | 城鎮化率(%) | 86.46 | 86.19 | 85.13 | 84.75 | 84.22 | 83.79 |',
    quality:
      'aggregator. The 總人口/城鎮人口/鄉村人口 rows are the registered (户籍) population; their 2019 values reproduce the people.com.cn figures (953.72万, 79.90%), see checks. The 常住人口 row is the post-2020-census revised series (2019: 1831.21 vs 1530.59 originally). The 城鎮化率 row has 6 values for 7 columns: the last equals the 2010 census rate 83.79% and the first two equal the 2021 (86.46%) and 2020 census (86.19%) rates, so the values are read as 2021 … 2010 with 2005 blank (alignment inferred).',
  },
} satisfies Record<string, Found>;

const README_GZ_2019 = `${README} §2d: http://gd.people.com.cn/BIG5/n2/2020/0313/c123932-33873353.html — confidence: verified`;
const README_GZ_YEARBOOK_NOTE = `${README} §2d: yearbook note https://tjj.gz.gov.cn/datav/admin/home/www_nj/2024/directory/02/02简要说明.html — confidence: verified`;

// ---------------------------------------------------------------------------
// 广州 Guangzhou (document 003)

const GZ_CORE = ['荔湾区', '越秀区', '海珠区', '天河区', '白云区', '黄埔区', '萝岗区'];
const GZ_OUTER = ['番禺区', '花都区', '南沙区', '从化区', '增城区', '增城市', '从化巿'];
const gzTiers = (coreExtra: string[] = []): Record<string, Tier> =>
  Object.fromEntries([
    ...GZ_CORE.map((n) => [n, 'core'] as const),
    ...GZ_OUTER.map((n) => [n, coreExtra.includes(n) ? 'core' : 'county'] as const),
  ]);

export const GUANGZHOU: CityConfig = {
  key: 'guangzhou',
  name: '广州市',
  code: '440100',
  province: '广东省',
  nameEn: 'Guangzhou',
  document: {
    seed: 'shared/seeds/003_87672832dfe26698.txt',
    summary:
      'Guangzhou implementing opinion on further hukou reform (megacity: points-based settlement with quota); base year 2015 year-end.',
  },
  readmeSection: '§2d',
  tiers: gzTiers(),
  alternativeTiers: { label: 'core including 番禺区', tiers: gzTiers(['番禺区']) },
  zoneNames: {
    core: '中心城区 (荔湾、越秀、海珠、天河、白云、黄埔)',
    county: '外围城区 (番禺、花都、南沙、从化、增城)',
    town: '建制镇 (镇区)',
  },
  tierAssumption:
    'Zone tiers are a modelling choice, not a statistic. All 11 units are 市辖区, so the "county" id is used for the outer districts. "core" (megacity core) = 荔湾, 越秀, 海珠, 天河, 白云, 黄埔 — the districts of the city proper before 2000 (2010: also 萝岗, merged into 黄埔 in 2014); their 2020 urban shares are 81-100%. "county" (outer districts) = 番禺 and 花都 (county-level cities until 2000), 南沙 (split from 番禺 in 2005), 从化 and 增城 (county-level cities until 2014; 2010 rows 从化巿, 增城市); 2020 urban shares 46-90%. This follows the history of the administrative city rather than density: 番禺 (89.6% urban, contiguous with the old city) is the borderline case, so an alternative split with 番禺 in the core is given under zones2020.alternative. Guangzhou settlement policy is city-wide (points with a quota), so the tiers matter for where settlers live and for services, less for eligibility.',
  zoneSplit: (c) => {
    const core = c.districts2020.filter((d) => d.tier === 'core');
    const outer = c.districts2020.filter((d) => d.tier === 'county');
    const coreUrban = sum(core.map((d) => d.urbanPop));
    const outerUrban = sum(outer.map((d) => d.urbanPop));
    const coreRural = sum(core.map((d) => d.ruralPop));
    const outerRural = sum(outer.map((d) => d.ruralPop));
    const town = c.urb20 - c.chengqu20;
    const townCore = town * (coreRural / (coreRural + outerRural));
    const townOuter = town - townCore;
    assert(
      townCore <= coreUrban && townOuter <= outerUrban,
      'Guangzhou: allocated 镇区 fits in each tier’s urban population',
    );
    const coreChengqu = Math.round(coreUrban - townCore);
    return {
      coreChengqu,
      countyChengqu: c.chengqu20 - coreChengqu,
      method: `City-row 城区 ${c.chengqu20} covers all 11 municipal districts (no county-level city); 镇区 = urban − 城区 = ${town} (district 城区 is NA for all 11 districts). The 镇区 population is allocated to the tiers in proportion to their rural population (core ${coreRural}, outer ${outerRural}): towns are where the rural parts of 白云, 黄埔 and the outer districts are. Tier 城区 = tier urban − allocated 镇区.`,
      confidence: 'assumption',
      bounds: {
        coreChengqu: {
          lower: Math.max(0, coreUrban - town),
          upper: coreUrban,
          reasoning: 'all 镇区 in the core / none in the core',
        },
        countyChengqu: {
          lower: Math.max(0, outerUrban - town),
          upper: outerUrban,
          reasoning: 'all 镇区 in the outer districts / none there',
        },
      },
    };
  },
  published: () => {
    const f = FOUND_GUANGZHOU;
    const yb = foundSource(f.yearbookTable);
    // [year, total, urban, rural] registration rows of the aggregator table.
    const hukouRows: [number, number, number, number][] = [
      [2015, 8541913, 6810267, 1731646],
      [2018, 9276914, 7401177, 1875737],
      [2019, 9537157, 7620415, 1916742],
      [2020, 9851142, 7929575, 1921567],
      [2021, 10115306, 8174391, 1940915],
    ];
    for (const [year, tot, urb, rur] of hukouRows) assert(urb + rur === tot, `GZ ${year}: urban + rural = total hukou`);
    const gap2010 = 8061370 - (7221540 + 820905);
    const revised: [number, number, number | null][] = [
      [2015, 15949500, 0.8422],
      [2018, 17981300, 0.8475],
      [2019, 18312100, 0.8513],
      [2021, 18810600, 0.8646],
    ];
    return [
      {
        metric: 'hukouPop',
        year: 2010,
        value: 8061370,
        source: yb,
        confidence: 'verified',
        note: 'year-end public-security figure (the census-tabulated 户籍人口 is 8,077,303)',
      },
      {
        metric: 'hukouUrbanRate',
        year: 2010,
        value: share(7221540, 8061370),
        source: `${yb}; definition: ${README_GZ_YEARBOOK_NOTE}`,
        confidence: 'derived',
        definition: 'nonAgricultural',
        note: `7,221,540 ÷ 8,061,370. In 2010 (and 2005) 城镇 + 乡村 (7,221,540 + 820,905) falls short of the total by ${gap2010}, unlike 2015-2021 where they add up (checked); urban ÷ (urban + rural) would be ${share(7221540, 7221540 + 820905)}. Labelled "non-agricultural" but for 2003-2014 defined by location (street-office areas and 居委会/town-seat areas), per the yearbook note; not comparable with 2015+ (which uses the NBS urban-rural classification of the registration address): 89.6% (2010) vs 79.7% (2015) is a definitional break.`,
      },
      ...hukouRows.flatMap(([year, tot, urb]): Obs[] => [
        {
          metric: 'hukouPop',
          year,
          value: tot,
          source: yb,
          confidence: 'verified',
          note: 'year-end public-security figure',
        },
        { metric: 'urbanHukouPop', year, value: urb, source: yb, confidence: 'verified', definition: 'address' },
        {
          metric: 'hukouUrbanRate',
          year,
          value: share(urb, tot),
          source: `${yb}; definition: ${README_GZ_YEARBOOK_NOTE}`,
          confidence: 'derived',
          definition: 'address',
          note: `${urb} ÷ ${tot}; from 2015 by the urban/rural attribute of the registration area`,
        },
      ]),
      {
        metric: 'residentPop',
        year: 2015,
        value: 13501100,
        source: foundSource(f.sample2015),
        confidence: 'verified',
        vintage: 'original',
        note: '1350.11万 (1% sample, year-end estimate)',
      },
      {
        metric: 'urbanResidentPop',
        year: 2015,
        value: 11548000,
        source: foundSource(f.sample2015),
        confidence: 'verified',
        vintage: 'original',
        note: '1154.80万',
      },
      {
        metric: 'residentUrbanRate',
        year: 2015,
        value: 0.8553,
        source: foundSource(f.sample2015),
        confidence: 'verified',
        vintage: 'original',
      },
      {
        metric: 'residentPop',
        year: 2019,
        value: 15305900,
        source: README_GZ_2019,
        confidence: 'verified',
        vintage: 'original',
        note: '1530.59万',
      },
      {
        metric: 'residentUrbanRate',
        year: 2019,
        value: 0.8646,
        source: README_GZ_2019,
        confidence: 'verified',
        vintage: 'original',
      },
      ...revised.flatMap(([year, pop, rate]): Obs[] => [
        {
          metric: 'residentPop',
          year,
          value: pop,
          source: yb,
          confidence: 'verified',
          vintage: 'revised',
          note: year === 2021 ? '1881.06万 (post-census estimate)' : 'revised after the 2020 census',
        },
        ...(rate === null
          ? []
          : [
              {
                metric: 'residentUrbanRate' as const,
                year,
                value: rate,
                source: yb,
                confidence: 'verified' as const,
                vintage: 'revised' as const,
                note: 'rate row has 6 values for 7 columns; read as 2021 … 2010 (alignment inferred, see sourcesFound)',
              },
            ]),
      ]),
    ];
  },
  baseYear: () => {
    const f = FOUND_GUANGZHOU;
    const yb = foundSource(f.yearbookTable);
    return {
      year: 2015,
      asOf: 'year-end (年末)',
      recommendedVintage: 'revised',
      vintageNote:
        'Guangzhou revised its 2010-2019 resident series after the 2020 census (yearbook note, shared/data/README.md §2d). The original 2015 estimate (1350.11万) is 2.45 million below the revised one (1594.95万); only the revised series joins the 2020 census (18,676,605) without a break, so the preset should start from the revised values and be evaluated against revised/census observations. The original values are kept for reference.',
      residentPop: {
        value: 15949500,
        unit: 'persons',
        vintage: 'revised',
        confidence: 'verified',
        source: yb,
        quote: '常住人口(萬人) | … | 1594.95 | (2015年 column)',
        original: {
          value: 13501100,
          confidence: 'verified',
          source: foundSource(f.sample2015),
          quote: '2015年末全市常住总人口为1350.11万人',
        },
      },
      residentUrbanRate: {
        value: 0.8422,
        vintage: 'revised',
        confidence: 'verified',
        source: yb,
        quote: '城鎮化率(%) | 86.46 | 86.19 | 85.13 | 84.75 | 84.22 | 83.79 |',
        caveat: 'column alignment inferred (6 values for 7 columns; read as 2021 … 2010)',
        original: {
          value: 0.8553,
          confidence: 'verified',
          source: foundSource(f.sample2015),
          quote: '城镇人口为1154.80万人 … 85.53%',
        },
      },
      urbanResidentPop: {
        value: roundPersons(15949500 * 0.8422),
        vintage: 'revised',
        confidence: 'derived',
        formula: 'revised residentPop × revised residentUrbanRate = 15,949,500 × 0.8422',
        original: {
          value: 11548000,
          confidence: 'verified',
          source: foundSource(f.sample2015),
          quote: '城镇人口为1154.80万人',
        },
      },
      hukouPop: {
        value: 8541913,
        unit: 'persons',
        confidence: 'verified',
        source: yb,
        quote: '總人口(人) | … | 8541913 | (2015年 column)',
      },
      urbanHukouPop: {
        value: 6810267,
        unit: 'persons',
        definition: 'address',
        confidence: 'verified',
        source: `${yb}; definition: ${README_GZ_YEARBOOK_NOTE}`,
        quote:
          '城鎮人口(人) | … | 6810267 | (2015年 column); yearbook note: "从2015年开始,按户籍人口所在区域城乡属性分为城镇人口和乡村人口"',
      },
      hukouUrbanRate: {
        value: share(6810267, 8541913),
        definition: 'address',
        confidence: 'derived',
        formula: '6,810,267 ÷ 8,541,913',
      },
      notes: [
        'Hukou figures are year-end public-security counts; they are not affected by the census revision.',
        'Check: 2019 registration rows reproduce the people.com.cn figures (953.72万, 79.90%), see checks.',
      ],
    };
  },
  cityFile2010Note: `The city file gives 12,700,800 (= 1270.08万, the published 6th-census total quoted in ${FOUND_GUANGZHOU.sample2015.url}), but its own urban + rural = 12,701,948, like the county file. The county-file value (sum of districts, = urban + rural) is used throughout; the difference is 1,148 persons (0.01%).`,
  sourcesFound: FOUND_GUANGZHOU,
  gaps: [
    'Points-based settlement quotas and score cut-offs per year (shared/data/README.md §5.1).',
    'Revised resident series for 2016 and 2017 (only 2015, 2018, 2019 found) and the original series for 2016-2018.',
    'District-level 城区 (all NA), so the split of 城区 between core and outer districts is an assumption.',
    'Residence-permit counts; settlement counts by channel (hukou in-migration known for 2019 only: 21.05万).',
  ],
};
