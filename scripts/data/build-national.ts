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

const README = 'shared/data/README.md';

/** Found with the search tool (corpus "pages"). */
const FOUND = {
  nbs2015: {
    url: 'https://sumaotong.com/news40714929',
    title:
      '统计局:大陆总人口达13.7亿 男性比女性多3366万 (光明网 reprint of 中新网, 2016-01-19, on the NBS 2015 release)',
    quote:
      '2015年末中国大陆总人口137462万人,比上年末增加680万人。从性别结构看,男性人口70414万人,女性人口67048万人。 … 全年出生人口1655万人,人口出生率为12.07‰,死亡人口975万人,人口死亡率为7.11‰,人口自然增长率为4.96‰ … 出生人口性别比为113.51 … 城镇常住人口77116万人,比上年末增加2200万人,乡村常住人口60346万人,减少1520万人,城镇人口占总人口比重为56.1%。全国居住地和户口登记地不在同一个乡镇街道且离开户口登记地半年以上的人口(即人户分离人口)2.94亿人 … 其中流动人口为2.47亿人',
    quality: 'reprint of a news report on the NBS release; re-check on stats.gov.cn',
  },
  sample2015: {
    url: 'http://kbcmw.com/html/xw/dzyw/21025.html',
    title: '全国大陆人口13.7349亿 (四川日报/新华社 2016-04-21, on the 2015 1% sample survey communiqué)',
    quote:
      '以2015年11月1日零时为标准时点,全国大陆31个省、自治区、直辖市和现役军人的人口为137349万人 … 全国大陆居住在城镇的人口为76750万人,占55.88%;居住在乡村的为60599万人,占44.12%',
    quality: 'reprint of Xinhua; survey date 2015-11-01, not year-end',
  },
  nbs2016: {
    url: 'https://www.axyjyo.cn/c/2017-07-11/1648493.shtml',
    title: '统计局:2016年末中国常住人口城镇化率达57.4% (中新网 2017-07-11, mirror)',
    quote:
      '2016年末,我国常住人口城镇化率已经达到57.4%,比2012年末提高4.8个百分点,户籍人口城镇化率与常住人口城镇化率的差距缩小1.4个百分点。',
    quality: 'mirror of a chinanews.com report on an NBS article',
  },
  nbs2018: {
    url: 'https://epaper.xkb.com.cn/view/1144790',
    title: '2018年我国常住人口城镇化率达59.58% (新快报 2019-08-17, Xinhua on the NBS 70-year report)',
    quote:
      '2018年末,我国常住人口城镇化率达到59.58% … 户籍人口城镇化率也达到43.37%,较2015年提高3.47个百分点,年均提高1.16个百分点。',
    quality: 'newspaper e-paper; same text as the README source (china.com.cn)',
  },
} as const;
const fs = (k: keyof typeof FOUND): string => `${FOUND[k].title}: ${FOUND[k].url}`;

type Confidence = 'verified' | 'derived' | 'recollection' | 'assumption';
interface Obs {
  metric: 'residentUrbanRate' | 'residentPop' | 'hukouUrbanRate' | 'urbanResidentPop' | 'hukouPop';
  year: number;
  value: number;
  source: string;
  definition?: 'nonAgricultural' | 'address';
  confidence: Confidence;
  vintage: 'original' | 'revised' | 'census' | 'post-census';
  note?: string;
}

const R1a = (url: string): string => `${README} §1a: ${url} — confidence: verified`;

const OBSERVED: Obs[] = [
  {
    metric: 'residentUrbanRate',
    year: 2012,
    value: 0.531,
    source: R1a('http://fgw.gxzf.gov.cn/fzgggz/fzgh_57296/t18865521.shtml (Guangxi DRC article)'),
    confidence: 'verified',
    vintage: 'revised',
    note: 'README: "revised series"; the originally published 2012 figure is lower. Do not join with the original-vintage 2015-2018 values without adjustment.',
  },
  {
    metric: 'hukouUrbanRate',
    year: 2014,
    value: 0.36,
    source: `${README} §1a: NDRC Xu Xianping, SCIO press conference 2014-03-19: http://010baizhang.com/news/2014-03/19/content_31837713.htm — confidence: verified`,
    confidence: 'verified',
    definition: 'nonAgricultural',
    vintage: 'original',
    note: '"目前的36%左右" (early 2014, i.e. about end-2013). Before the 2014 unification of urban and rural registration the national rate counted non-agricultural hukou (definition inferred from the date, not stated in the source).',
  },
  {
    metric: 'residentPop',
    year: 2015,
    value: 1374620000,
    source: fs('nbs2015'),
    confidence: 'verified',
    vintage: 'original',
    note: '137462万, year-end',
  },
  {
    metric: 'urbanResidentPop',
    year: 2015,
    value: 771160000,
    source: fs('nbs2015'),
    confidence: 'verified',
    vintage: 'original',
    note: '77116万',
  },
  {
    metric: 'residentUrbanRate',
    year: 2015,
    value: 0.561,
    source: `${fs('nbs2015')}; ${README} §1a: NDRC Hu Zucai 2016-01-30, https://chinaxiaokang.com/chengshi/2016/0131/2916_1.html — confidence: verified`,
    confidence: 'verified',
    vintage: 'original',
    note: '56.1% (77116 ÷ 137462 = 0.56100)',
  },
  {
    metric: 'hukouUrbanRate',
    year: 2015,
    value: 0.399,
    source: `${README} §1a: derived: 2018 value 43.37 minus "较2015年提高3.47个百分点" (http://big5.china.com.cn/gate/big5/house.china.com.cn/1591314.htm); ${fs('nbs2018')}`,
    confidence: 'derived',
    definition: 'address',
    vintage: 'original',
    note: '43.37 − 3.47. The definition is not stated in these texts; after the 2014 unification of urban and rural registration the split can only be by place of registration (read as address; inference).',
  },
  {
    metric: 'residentUrbanRate',
    year: 2016,
    value: 0.5735,
    source: R1a('http://lunwentd.com/webdiceng.php?id=124810 ; http://pmi.caixin.com/2017-07-11/101113708.html'),
    confidence: 'verified',
    vintage: 'original',
    note: '57.35 (57.4)',
  },
  {
    metric: 'hukouUrbanRate',
    year: 2016,
    value: 0.412,
    source: `derived: 2017 value 42.35% "比上年末提高1.15个百分点" (${README} §1a source http://lunwentd.com/webdiceng.php?id=124810, 中新社 on the 2017 NBS communiqué)`,
    confidence: 'derived',
    definition: 'address',
    vintage: 'original',
    note: '42.35 − 1.15',
  },
  {
    metric: 'urbanResidentPop',
    year: 2017,
    value: 813470000,
    source: R1a('http://lunwentd.com/webdiceng.php?id=124810 (2017 NBS communiqué via 中新社)'),
    confidence: 'verified',
    vintage: 'original',
    note: '81347万',
  },
  {
    metric: 'residentUrbanRate',
    year: 2017,
    value: 0.5852,
    source: R1a('http://lunwentd.com/webdiceng.php?id=124810'),
    confidence: 'verified',
    vintage: 'original',
    note: 'original vintage; shared/data/README.md: "now given as about 60.2%" after the post-2020-census revision (revised value not verified, not used)',
  },
  {
    metric: 'hukouUrbanRate',
    year: 2017,
    value: 0.4235,
    source:
      'http://lunwentd.com/webdiceng.php?id=124810 (中新社 2018-02-28 on the 2017 NBS communiqué): "户籍人口城镇化率为42.35%,比上年末提高1.15个百分点" — confidence: verified',
    confidence: 'verified',
    definition: 'address',
    vintage: 'original',
  },
  {
    metric: 'residentUrbanRate',
    year: 2018,
    value: 0.5958,
    source: `${fs('nbs2018')}; http://big5.china.com.cn/gate/big5/house.china.com.cn/1591314.htm`,
    confidence: 'verified',
    vintage: 'original',
  },
  {
    metric: 'hukouUrbanRate',
    year: 2018,
    value: 0.4337,
    source: `${fs('nbs2018')}; ${README} §1a (china.com.cn)`,
    confidence: 'verified',
    definition: 'address',
    vintage: 'original',
  },
  {
    metric: 'residentPop',
    year: 2020,
    value: 1411778724,
    source: `${README} §1a: census communiqué https://mip.pi1688.com/news/item-53487.html — confidence: verified`,
    confidence: 'verified',
    vintage: 'census',
    note: '141178万, census day 2020-11-01 (the leiii county file national row gives 1,409,778,724, which omits servicemen and others)',
  },
  {
    metric: 'urbanResidentPop',
    year: 2020,
    value: 901991162,
    source: `${README} §1a: census communiqué no.7, http://www.haikuotiankong.com/forum.php?mod=viewthread&tid=3379 — confidence: verified`,
    confidence: 'verified',
    vintage: 'census',
    note: 'the leiii county file gives 899,991,162 (README raw note)',
  },
  {
    metric: 'residentUrbanRate',
    year: 2020,
    value: 0.6389,
    source: `${README} §1a: census communiqué no.7 (as above) — confidence: verified`,
    confidence: 'verified',
    vintage: 'census',
  },
  {
    metric: 'urbanResidentPop',
    year: 2021,
    value: 914250000,
    source: R1a('http://chinaidr.com/news/2023-02/219979.html'),
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentUrbanRate',
    year: 2021,
    value: 0.6472,
    source: R1a('http://chinaidr.com/news/2023-02/219979.html'),
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentPop',
    year: 2022,
    value: 1411750000,
    source: R1a('https://yzcslt.com/n/a30475.html (2022 communiqué)'),
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'urbanResidentPop',
    year: 2022,
    value: 920710000,
    source: R1a('https://yzcslt.com/n/a30475.html'),
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentUrbanRate',
    year: 2022,
    value: 0.6522,
    source: R1a('https://yzcslt.com/n/a30475.html'),
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentPop',
    year: 2023,
    value: 1409670000,
    source: R1a('http://urin79.com/newsn/news_modir.php?BLR=l.html ; http://ifhec.cn/2024/0924/52956.html'),
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'urbanResidentPop',
    year: 2023,
    value: 932670000,
    source: R1a('http://urin79.com/newsn/news_modir.php?BLR=l.html'),
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentUrbanRate',
    year: 2023,
    value: 0.6616,
    source: R1a('http://urin79.com/newsn/news_modir.php?BLR=l.html ; http://ifhec.cn/2024/0924/52956.html'),
    confidence: 'verified',
    vintage: 'post-census',
  },
];

const TARGETS = [
  {
    id: 'resident-rate-2020',
    metric: 'residentUrbanRate',
    year: 2020,
    comparator: '>=',
    value: 0.6,
    label: '常住人口城镇化率达到60%左右',
    source: `${README} §1b: 13th FYP, quoted in http://lunwentd.com/webdiceng.php?id=124810 ; NUP 2014-2020, quoted in http://m.handmsg.com/page/2018/0408/12455274.shtml — confidence: verified`,
    outcome: 'census 2020: 63.89% (met)',
  },
  {
    id: 'hukou-rate-2020',
    metric: 'hukouUrbanRate',
    year: 2020,
    comparator: '>=',
    value: 0.45,
    label: '户籍人口城镇化率达到45%左右',
    source: `${README} §1b (as above) — confidence: verified`,
    outcome: 'not verified (2018: 43.37%)',
  },
  {
    id: 'settle-100m-2020',
    metric: 'settledPersonsCumulative',
    from: 2014,
    year: 2020,
    comparator: '>=',
    value: 100000000,
    label: '1亿左右农业转移人口和其他常住人口在城镇落户',
    source: `${README} §1b: NUP 2014-2020; Xu Xianping 2014-03-19 (http://010baizhang.com/news/2014-03/19/content_31837713.htm); Xinhua 2020-01-19 — confidence: verified`,
  },
  {
    id: 'guangdong-settle-2020',
    scope: '广东省',
    metric: 'settledPersonsCumulative',
    year: 2020,
    comparator: '>=',
    value: 13000000,
    label: '1300万左右农业转移人口 to settle in Guangdong towns by 2020',
    source: `${README} §1b: Guangdong hukou-reform conference, 2015-08, http://www.guannews.com/xinwen/sz/2015/0901/46786.html — confidence: verified`,
    note: 'relevant to the Guangzhou and proxy (document 001) presets',
  },
  {
    id: 'resident-rate-2025',
    metric: 'residentUrbanRate',
    year: 2025,
    comparator: '>=',
    value: 0.65,
    label: '14th FYP: 常住人口城镇化率65%',
    source: `${README} §1b: http://www.hkwb.net/news/content/2023-03/10/content_4187859.htm — confidence: verified`,
    outcome: 'met in 2022 (65.22%)',
  },
];

const MIGRANTS = [
  {
    item: 'migrant workers (农民工) total / 外出 / of which whole-family / local, 2010-2014',
    years: [2010, 2011, 2012, 2013, 2014],
    total: [242230000, 252780000, 262610000, 268940000, 273950000],
    outMigrants: [153350000, 158630000, 163360000, 166100000, 168210000],
    wholeFamily: [30710000, 32790000, 33750000, 35250000, 35780000],
    local: [88880000, 94150000, 99250000, 102840000, 105740000],
    source: `${README} §3d: NBS 2014 migrant-worker monitoring report, http://cn.chinagate.cn/news/2015-04/30/content_35458920.htm — confidence: verified`,
  },
  {
    item: '2014 (Xu Xianping): 2亿多 migrant workers and families in towns; >1亿 new generation; 5000万 resident ≥5 years at destination; 5500万 migrated as whole families',
    source: `${README} §1b: http://010baizhang.com/news/2014-03/19/content_31837713.htm — confidence: verified`,
  },
  {
    item: '2015 year-end 人户分离 2.94亿, floating population 2.47亿',
    year: 2015,
    separated: 294000000,
    floating: 247000000,
    source: fs('nbs2015'),
    confidence: 'verified',
  },
  {
    item: 'floating population 2.45亿 (2016), 2.41亿 (2018, 17.27% of population); 人户分离 2.86亿 (2018)',
    source: `${README} §3d: fx361 (2019); http://m.zgkjsz.com/page/2021/0126/12342081.shtml — confidence: verified`,
  },
  {
    item: '2020 census: floating 375,816,759 (跨省 124,837,153; 省内 250,979,606); 人户分离 492,762,506',
    year: 2020,
    floating: 375816759,
    floatingInterProvincial: 124837153,
    floatingIntraProvincial: 250979606,
    separated: 492762506,
    source: `${README} §1a: census communiqué no.7, http://www.haikuotiankong.com/forum.php?mod=viewthread&tid=3379 — confidence: verified`,
  },
  {
    item: '2021: floating 38467万; 人户分离 50429万',
    year: 2021,
    floating: 384670000,
    separated: 504290000,
    source: R1a('http://chinaidr.com/news/2023-02/219979.html'),
  },
  {
    item: 'CMDS 2016: 60.9% intend to stay long-term; of those 48.7% willing to transfer hukou (≈29.7% of all, derived)',
    source: `${README} §3d: 邱红, 周文剑, 人口学刊 2019(5), https://m.fx361.cc/news/2019/0905/13340882.html — confidence: verified`,
  },
  {
    item: 'the attribute detail (age, education, insurance, housing) is in data/migrants/national-attributes.json',
    source: 'data/migrants/national-attributes.json',
  },
];

const R1c = `${README} §1c`;
const SETTLEMENT_RULES = {
  source: `${R1c} (each rule’s source below)`,
  sizeMeasure:
    '城区常住人口 (resident population of the city proper). Bounds in 万人; bounds not given in the README texts are labelled.',
  classes: [
    {
      id: 'small',
      label: '建制镇和小城市',
      chengquPop: { from: 0, to: 500000 },
      boundsSource: '国发〔2014〕25号 names medium cities as 城区 50-100万 (README §1c); small = below 50万 (implied)',
      rules: [
        {
          year: 2014,
          document: '国发〔2014〕25号',
          rule: 'fully open: legal stable residence (including rented) is enough',
          insuranceYearsMax: 0,
          pointsAllowed: false,
          source: `${R1c}: http://jiaxigo.com/yw/tx/2014/07/30/356843.shtml — confidence: verified`,
        },
      ],
    },
    {
      id: 'medium',
      label: '中等城市',
      chengquPop: { from: 500000, to: 1000000 },
      boundsSource: `${R1c} (国发〔2014〕25号: 城区 50-100万)`,
      rules: [
        {
          year: 2014,
          document: '国发〔2014〕25号',
          rule: 'legal stable job + legal stable residence + social insurance for "a certain number of years", not more than 3',
          insuranceYearsMax: 3,
          pointsAllowed: false,
          source: `${R1c}: http://jiaxigo.com/yw/tx/2014/07/30/356843.shtml — confidence: verified`,
        },
        {
          year: 2016,
          document: '国办《推动1亿非户籍人口在城市落户方案》',
          rule: 'social-insurance requirement ≤ 3 years; no house-purchase or investment/tax conditions',
          insuranceYearsMax: 3,
          pointsAllowed: false,
          source: `${R1c}: http://m.xcgcinfo.com/gn/56122.html ; https://3g.china.com/act/news/10000159/20161012/23748817.html — confidence: verified`,
        },
      ],
    },
    {
      id: 'largeII',
      label: 'Ⅱ型大城市',
      chengquPop: { from: 1000000, to: 3000000 },
      boundsSource: `${R1c} (国发〔2014〕25号: 100-300万; NDRC 2019: II-type 100-300万)`,
      rules: [
        {
          year: 2014,
          document: '国发〔2014〕25号',
          rule: 'job years + legal stable residence + social-insurance years (number of years not fixed)',
          insuranceYearsMax: null,
          pointsAllowed: false,
          source: `${R1c}: http://jiaxigo.com/yw/tx/2014/07/30/356843.shtml — confidence: verified`,
        },
        {
          year: 2016,
          document: '国办《推动1亿非户籍人口在城市落户方案》',
          rule: 'social-insurance requirement ≤ 5 years in large cities; no points system below 300万; no house-purchase or investment/tax conditions; priority to those living 5+ years in the town and whole-family migrants',
          insuranceYearsMax: 5,
          pointsAllowed: false,
          source: `${R1c}: http://m.xcgcinfo.com/gn/56122.html — confidence: verified`,
        },
        {
          year: 2019,
          document: 'NDRC 2019 key tasks of new-type urbanisation',
          rule: 'remove all settlement restrictions',
          insuranceYearsMax: 0,
          pointsAllowed: false,
          source: `${R1c}: http://szb.gansudaily.com.cn/gsgrb/201904/12/c120837.html — confidence: verified`,
        },
      ],
    },
    {
      id: 'largeI',
      label: 'Ⅰ型大城市',
      chengquPop: { from: 3000000, to: 5000000 },
      boundsSource: `${R1c} (国发〔2014〕25号: 300-500万)`,
      rules: [
        {
          year: 2014,
          document: '国发〔2014〕25号',
          rule: '适度控制 (moderate control)',
          insuranceYearsMax: null,
          pointsAllowed: true,
          source: `${R1c}: http://jiaxigo.com/yw/tx/2014/07/30/356843.shtml — confidence: verified`,
        },
        {
          year: 2016,
          document: '国办《推动1亿非户籍人口在城市落户方案》',
          rule: 'social-insurance requirement ≤ 5 years (large cities)',
          insuranceYearsMax: 5,
          pointsAllowed: true,
          source: `${R1c}: http://m.xcgcinfo.com/gn/56122.html — confidence: verified`,
        },
        {
          year: 2019,
          document: 'NDRC 2019',
          rule: 'fully relax settlement conditions (全面放宽)',
          insuranceYearsMax: null,
          pointsAllowed: true,
          source: `${R1c}: http://szb.gansudaily.com.cn/gsgrb/201904/12/c120837.html — confidence: verified`,
        },
      ],
    },
    {
      id: 'mega',
      label: '特大/超大城市',
      chengquPop: { from: 5000000, to: null },
      boundsSource:
        'recollection: 国发〔2014〕51号 city-size standard (特大 500-1000万, 超大 ≥1000万); not in shared/data/README.md',
      boundsConfidence: 'recollection',
      rules: [
        {
          year: 2014,
          document: '国发〔2014〕25号',
          rule: null,
          gap: 'the megacity clause (strict control of population size, points-based settlement) is not quoted in shared/data/README.md §1c; not verified here',
          pointsAllowed: true,
          source: null,
        },
        {
          year: 2019,
          document: 'NDRC 2019',
          rule: 'points systems in which social-insurance and residence years carry most of the score',
          insuranceYearsMax: null,
          pointsAllowed: true,
          source: `${R1c}: http://szb.gansudaily.com.cn/gsgrb/201904/12/c120837.html — confidence: verified`,
        },
      ],
    },
  ],
};

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
