/**
 * The national plan targets, migrant figures and settlement rules by city size of data/national/china.json
 * (build-national.ts), each with its source.
 */
import { fs, R1a, README } from './published';

export const TARGETS = [
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

export const MIGRANTS = [
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
export const SETTLEMENT_RULES = {
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
