/**
 * 常州 (document 000): the published figures found for data/cities/changzhou.json — yearbook and bulletin
 * figures, other published items and the pages found with the search tool (URL + quoted phrase).
 */
import { README, type Found } from '../lib/city';

// ---------------------------------------------------------------------------
// Published figures that are not in raw files. From shared/data/README.md §2a
// (source strings copied from it) or found with the search tool (URL + the
// quoted phrase). Numbers are as published; units noted.

export const README_2A = `${README} §2a`;
export const YEARBOOK = [
  {
    year: 2013,
    urbanPop: 3164800,
    residentUrbanRate: 0.675,
    published: '316.48万 urban; 67.5% (+6.17万, +1.3 pp)',
    source: `${README_2A}: http://zg.changzhou.gov.cn/content/suitable/show?catid=2206&id=21099 — confidence: verified`,
    quote:
      '2013年末,我市城镇人口为316.48万人,占总人口的比重达67.5% … 与2012年末相比,我市城镇人口增加6.17万人,城镇人口比重上升1.3个百分点',
  },
  {
    year: 2017,
    residentPop: 4717300,
    urbanPop: 3387000,
    residentUrbanRate: 0.718,
    published: '471.73万; urban 338.70万; 71.8%',
    source: `${README_2A}: Jiangsu Statistical Yearbook 2019, table 3-6: http://tj.jiangsu.gov.cn/2019/nj03/nj0306.htm — confidence: verified`,
  },
  {
    year: 2018,
    residentPop: 4728600,
    urbanPop: 3428200,
    residentUrbanRate: 0.725,
    published: '472.86万; urban 342.82万; 72.5%',
    source: `${README_2A}: Jiangsu YB 2019, table 3-6 — confidence: verified`,
  },
] as const;

export const OTHER_PUBLISHED = [
  {
    year: 2010,
    item: '城市化水平 63.9% (Jiangsu 60.6%); 12th FYP target ≥68% by 2015',
    value: 0.639,
    source: `${README_2A}: http://ciudsrc.cn/webdiceng.php?id=29148 — confidence: verified`,
    note: 'A year-end estimate that differs from the census-day rate 63.17%; not used in `observed` to avoid two 2010 values of different vintage.',
  },
  {
    year: 2017,
    item: 'hukou population +3.94万 after settlement rules were relaxed',
    value: 39400,
    source: `${README_2A}: https://m.78911.com.cn/ShuJuXiangGuan/739250.html — confidence: verified (aggregator)`,
  },
  {
    year: 2020,
    item: '2016 plan: 72% resident urbanisation and gap ≤5 pp by 2020',
    value: null,
    source: `${README_2A}: not found — confidence: unverified (from brief)`,
  },
] as const;

/** Found with the search tool (corpus "pages"), 2015 base year and neighbours. */
export const FOUND = {
  communique2015: {
    url: 'http://www.changzhou.gov.cn/ns_news/790146701386428',
    title:
      'Statistical Communique of Changzhou on the 2015 Local Economic and Social Development (Part XI), Changzhou municipal government English site',
    quote:
      'By end of 2015, there were 4.701 million permanent residents with a year-on-year growth of 0.1%, among which 3.291 million were urban residents. And the urbanization rate reached 70.0%. The total number of registered residents grew by 0.6% to 3.709 million, among which 1.836 million were males, up by 0.4% and 1.873 million were females, up by 0.8%. The birth rate and death rate of the registered residents stood at 9.6‰ and 7‰ respectively, with a natural population growth rate of 2.7‰.',
    quality: 'official municipal site (English version of the 2015 communiqué)',
  },
  jiangsuTable2015: {
    url: 'http://szftgk.com/XinWenShuJu/650317.html',
    title: 'Reprint of a Nantong statistics article on 2015 population, 表1 全省分地区常住人口和户籍人口情况表',
    quote:
      '常州市 | 470.14 | 70.00 | 370.85 |  (columns: 2015年末常住人口 (万人) | 城镇化率 (%) | 2015年末户籍人口 (万人))',
    quality: 'aggregator reprint of an official table; agrees with the communiqué to its rounding',
  },
  news2014: {
    url: 'https://www9599116.com/ns_news/291142560594233',
    title: "“Changzhou's resident population hits 4.7 million” (mirror of the Changzhou government English site)",
    quote:
      'as of the end of 2014, the resident population of Changzhou reached 4.7 million (4.6964 million accurately), an increase of 0.09% over the previous year. The urban population achieved 3.2264 million, accounting for 68.7% of the total resident population.',
    quality: 'mirror of an official page; re-check on changzhou.gov.cn',
  },
  communique2016: {
    url: 'http://baajob.com/ns_news/705151263197142',
    title:
      'Statistical Communique of Changzhou on the 2016 Local Economic and Social Development-XI (mirror of the Changzhou government English site)',
    quote:
      'By end of 2016, there were 4.708 million permanent residents with a year-on-year growth of 0.1%, among which 3.343 million were urban residents. And the urbanization rate reached 71%. The total number of registered residents grew by 1.1% to 3.749 million',
    quality: 'mirror of an official page; re-check on changzhou.gov.cn',
  },
  hukou2013: {
    url: 'http://zg.changzhou.gov.cn/content/suitable/show?catid=2206&id=20872',
    title: '最新统计我市户籍总人口365.91万 女性多于男性 (2014-01-22)',
    quote: '据公安部门统计资料显示,截至2013年末我市户籍总人口达365.91万人,比上年末增加1.14万人',
    quality: 'official municipal site (public-security registration statistics)',
  },
  hukou2020: {
    url: 'http://www.hbzqbyyxgs.com/goomai/236889.html',
    title: 'Aggregator page quoting the 2020 Changzhou statistical communiqué',
    quote: '據《2020年常州市國民經濟和社會發展統計公報》,2020年末,常州全市戶籍總人口386.63萬人,增長0.4%',
    quality: 'aggregator (also the README source for the 2020 census totals); re-check on tjj.changzhou.gov.cn',
  },
} as const satisfies Record<string, Found>;
