/**
 * The published national figures of data/national/china.json (build-national.ts): the pages found with the
 * search tool, the plan targets, migrant figures and the settlement rules by city size, each with its source.
 */

export const README = 'shared/data/README.md';

/** Found with the search tool (corpus "pages"). */
export const FOUND = {
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
export const fs = (k: keyof typeof FOUND): string => `${FOUND[k].title}: ${FOUND[k].url}`;

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

export const R1a = (url: string): string => `${README} §1a: ${url} — confidence: verified`;

export const OBSERVED: Obs[] = [
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
  {
    metric: 'residentPop',
    year: 2020,
    value: 1412120000,
    source:
      'derived from http://geturdoctor.com/content/3225883 (NBS 2021 communiqué as reported by 人民日报客户端 2022-01-17: 「141260萬人,比上年末增加48萬人 … 城鎮常住人口91425萬人,比上年末增加1205萬人 … (城鎮化率)為64.72%,比上年末提高0.83個百分點」): 141260万 − 48万',
    confidence: 'derived',
    vintage: 'post-census',
    note: 'the post-census year-end 2020 figure, from the 2021 communiqué; not the census-day count (141178万)',
  },
  {
    metric: 'urbanResidentPop',
    year: 2020,
    value: 902200000,
    source:
      'derived from http://geturdoctor.com/content/3225883 (NBS 2021 communiqué as reported by 人民日报客户端 2022-01-17: 「141260萬人,比上年末增加48萬人 … 城鎮常住人口91425萬人,比上年末增加1205萬人 … (城鎮化率)為64.72%,比上年末提高0.83個百分點」): 91425万 − 1205万',
    confidence: 'derived',
    vintage: 'post-census',
  },
  {
    metric: 'residentUrbanRate',
    year: 2020,
    value: 0.6389,
    source:
      'derived from http://geturdoctor.com/content/3225883 (NBS 2021 communiqué as reported by 人民日报客户端 2022-01-17: 「141260萬人,比上年末增加48萬人 … 城鎮常住人口91425萬人,比上年末增加1205萬人 … (城鎮化率)為64.72%,比上年末提高0.83個百分點」): 64.72 % − 0.83 points',
    confidence: 'derived',
    vintage: 'post-census',
  },
  {
    metric: 'residentPop',
    year: 2021,
    value: 1412600000,
    source:
      'http://geturdoctor.com/content/3225883 (NBS 2021 communiqué as reported by 人民日报客户端 2022-01-17: 「141260萬人,比上年末增加48萬人 … 城鎮常住人口91425萬人,比上年末增加1205萬人 … (城鎮化率)為64.72%,比上年末提高0.83個百分點」)',
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentPop',
    year: 2024,
    value: 1408280000,
    source:
      'http://article.mlwch.com/53e1ac0da34e70.html (财联社 2025-01-17 on the NBS release: 「2024年年末全国人口…140828万人 … 城镇常住人口94350万人 … 城镇化率为67.00%」); also http://m.blin123.cn/n/656rewk5-e44309.html',
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'urbanResidentPop',
    year: 2024,
    value: 943500000,
    source:
      'http://article.mlwch.com/53e1ac0da34e70.html (财联社 2025-01-17 on the NBS release: 「2024年年末全国人口…140828万人 … 城镇常住人口94350万人 … 城镇化率为67.00%」); also http://m.blin123.cn/n/656rewk5-e44309.html',
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentUrbanRate',
    year: 2024,
    value: 0.67,
    source:
      'http://article.mlwch.com/53e1ac0da34e70.html (财联社 2025-01-17 on the NBS release: 「2024年年末全国人口…140828万人 … 城镇常住人口94350万人 … 城镇化率为67.00%」); also http://m.blin123.cn/n/656rewk5-e44309.html',
    confidence: 'verified',
    vintage: 'post-census',
  },
  {
    metric: 'residentPop',
    year: 2025,
    value: 1404890000,
    source:
      'https://www.etnet.com.hk/www/tc/forex/news-article/20260119755 (經濟通 2026-01-19 on the NBS release: 「2025年末全國人口…140489萬人 … 城鎮常住人口95380萬人 … 城鎮化率為67.89%」)',
    confidence: 'verified',
    vintage: 'post-census',
    note: 'a Hong Kong financial-news reprint of the NBS release',
  },
  {
    metric: 'urbanResidentPop',
    year: 2025,
    value: 953800000,
    source:
      'https://www.etnet.com.hk/www/tc/forex/news-article/20260119755 (經濟通 2026-01-19 on the NBS release: 「2025年末全國人口…140489萬人 … 城鎮常住人口95380萬人 … 城鎮化率為67.89%」)',
    confidence: 'verified',
    vintage: 'post-census',
    note: 'a Hong Kong financial-news reprint of the NBS release',
  },
  {
    metric: 'residentUrbanRate',
    year: 2025,
    value: 0.6789,
    source:
      'https://www.etnet.com.hk/www/tc/forex/news-article/20260119755 (經濟通 2026-01-19 on the NBS release: 「2025年末全國人口…140489萬人 … 城鎮常住人口95380萬人 … 城鎮化率為67.89%」)',
    confidence: 'verified',
    vintage: 'post-census',
    note: 'a Hong Kong financial-news reprint of the NBS release',
  },
  {
    metric: 'residentPop',
    year: 2010,
    value: 1339724852,
    source:
      'derived from the 7th census communiqué no. 7 (NBS 2021-05-11, http://zzndh.com/a/202105/509119.html; also shared/data/README.md §1a): 「居住在城鎮的人口為901991162人,占63.89% … 居住在鄉村的人口為509787562人 … 與2010年第六次全國人口普查相比,城鎮人口增加236415856人,鄉村人口減少164361984人,城鎮人口比重上升14.21個百分點」: (901,991,162 − 236,415,856) + (509,787,562 + 164,361,984)',
    confidence: 'derived',
    vintage: 'census',
  },
  {
    metric: 'urbanResidentPop',
    year: 2010,
    value: 665575306,
    source:
      'derived from the 7th census communiqué no. 7 (NBS 2021-05-11, http://zzndh.com/a/202105/509119.html; also shared/data/README.md §1a): 「居住在城鎮的人口為901991162人,占63.89% … 居住在鄉村的人口為509787562人 … 與2010年第六次全國人口普查相比,城鎮人口增加236415856人,鄉村人口減少164361984人,城鎮人口比重上升14.21個百分點」: 901,991,162 − 236,415,856',
    confidence: 'derived',
    vintage: 'census',
  },
  {
    metric: 'residentUrbanRate',
    year: 2010,
    value: 0.4968,
    source:
      'derived from the 7th census communiqué no. 7 (NBS 2021-05-11, http://zzndh.com/a/202105/509119.html; also shared/data/README.md §1a): 「居住在城鎮的人口為901991162人,占63.89% … 居住在鄉村的人口為509787562人 … 與2010年第六次全國人口普查相比,城鎮人口增加236415856人,鄉村人口減少164361984人,城鎮人口比重上升14.21個百分點」: 63.89 % − 14.21 points',
    confidence: 'derived',
    vintage: 'census',
  },
];
