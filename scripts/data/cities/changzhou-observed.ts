/**
 * 常州 (document 000): the observed series of data/cities/changzhou.json — census values, bulletins and
 * yearbook figures, each with its source and the statistical vintage of its series (census day, census
 * count, public-security register, yearly bulletin). Unlike the other cities, 常州's series has no urban
 * resident counts and names these vintages, so it replaces the shared census observations (CityConfig.observed).
 */
import { share } from '../lib/census';
import { foundSource, type Ctx, type Obs } from '../lib/city';
import { FOUND, README_2A, YEARBOOK } from './changzhou-sources';

/** The observed series: census values, bulletins and yearbook figures, each with its source and vintage. */
export function changzhouObserved(c: Ctx): Obs[] {
  const { res10, urb10, hukou10, nonAg10, res20, urb20, src10: SRC_2010, src20: SRC_2020 } = c;
  const observed: Obs[] = [
    {
      metric: 'residentPop',
      year: 2010,
      value: res10,
      source: SRC_2010,
      confidence: 'verified',
      note: 'census day 2010-11-01',
    },
    {
      metric: 'residentUrbanRate',
      year: 2010,
      value: share(urb10, res10),
      source: SRC_2010,
      confidence: 'verified',
      note: `census: urban ${urb10} ÷ resident ${res10}`,
    },
    {
      metric: 'hukouPop',
      year: 2010,
      value: hukou10,
      source: SRC_2010,
      confidence: 'verified',
      note: 'census-tabulated 户籍人口, not the year-end public-security figure',
    },
    {
      metric: 'hukouUrbanRate',
      year: 2010,
      value: nonAg10,
      source: `${SRC_2010}, column 非农业户口人口比重（%）`,
      definition: 'nonAgricultural',
      confidence: 'verified',
      note: 'Non-agricultural hukou share; its denominator is most likely the resident population (see checks), so it is only a proxy for the hukou urbanisation rate.',
    },
    {
      metric: 'residentUrbanRate',
      year: 2012,
      value: 0.662,
      source: `${README_2A}: derived: 67.5 − 1.3 (2013 bulletin: "+1.3 pp" over 2012)`,
      confidence: 'derived',
    },
    {
      metric: 'residentUrbanRate',
      year: 2013,
      value: 0.675,
      source: YEARBOOK[0].source,
      confidence: 'verified',
    },
    {
      metric: 'hukouPop',
      year: 2013,
      value: 3659100,
      source: foundSource(FOUND.hukou2013),
      confidence: 'verified',
      note: `year-end public-security figure; quote: "${FOUND.hukou2013.quote}"`,
    },
    {
      metric: 'residentPop',
      year: 2014,
      value: 4696400,
      source: foundSource(FOUND.news2014),
      confidence: 'verified',
      note: FOUND.news2014.quality,
    },
    {
      metric: 'residentUrbanRate',
      year: 2014,
      value: 0.687,
      source: foundSource(FOUND.news2014),
      confidence: 'verified',
      note: `${FOUND.news2014.quality}; urban 3.2264 million`,
    },
    {
      metric: 'residentPop',
      year: 2015,
      value: 4701400,
      source: `${foundSource(FOUND.jiangsuTable2015)}; ${foundSource(FOUND.communique2015)}`,
      confidence: 'verified',
      note: '470.14万 (table); "4.701 million" (communiqué)',
    },
    {
      metric: 'residentUrbanRate',
      year: 2015,
      value: 0.7,
      source: foundSource(FOUND.communique2015),
      confidence: 'verified',
      note: '"the urbanization rate reached 70.0%"; urban 3.291 million',
    },
    {
      metric: 'hukouPop',
      year: 2015,
      value: 3708500,
      source: `${foundSource(FOUND.jiangsuTable2015)}; ${foundSource(FOUND.communique2015)}`,
      confidence: 'verified',
      note: '370.85万 (table); "3.709 million" (communiqué)',
    },
    {
      metric: 'residentPop',
      year: 2016,
      value: 4708000,
      source: foundSource(FOUND.communique2016),
      confidence: 'verified',
      note: FOUND.communique2016.quality,
    },
    {
      metric: 'residentUrbanRate',
      year: 2016,
      value: 0.71,
      source: foundSource(FOUND.communique2016),
      confidence: 'verified',
      note: `${FOUND.communique2016.quality}; urban 3.343 million (3.343/4.708 = 0.7101)`,
    },
    {
      metric: 'hukouPop',
      year: 2016,
      value: 3749000,
      source: foundSource(FOUND.communique2016),
      confidence: 'verified',
      note: FOUND.communique2016.quality,
    },
    {
      metric: 'residentPop',
      year: 2017,
      value: 4717300,
      source: YEARBOOK[1].source,
      confidence: 'verified',
    },
    {
      metric: 'residentUrbanRate',
      year: 2017,
      value: 0.718,
      source: YEARBOOK[1].source,
      confidence: 'verified',
    },
    {
      metric: 'residentPop',
      year: 2018,
      value: 4728600,
      source: YEARBOOK[2].source,
      confidence: 'verified',
    },
    {
      metric: 'residentUrbanRate',
      year: 2018,
      value: 0.725,
      source: YEARBOOK[2].source,
      confidence: 'verified',
    },
    {
      metric: 'residentPop',
      year: 2020,
      value: res20,
      source: SRC_2020,
      confidence: 'verified',
      note: 'census day 2020-11-01',
    },
    {
      metric: 'residentUrbanRate',
      year: 2020,
      value: share(urb20, res20),
      source: SRC_2020,
      confidence: 'verified',
      note: `census: urban ${urb20} ÷ resident ${res20}`,
    },
    {
      metric: 'hukouPop',
      year: 2020,
      value: 3866300,
      source: foundSource(FOUND.hukou2020),
      confidence: 'verified',
      note: `year-end; ${FOUND.hukou2020.quality}`,
    },
    {
      metric: 'residentPop',
      year: 2021,
      value: 5349600,
      source:
        'the 2021 Jiangsu statistical communiqué as quoted by an aggregator: http://hbzqbyyxgs.com/news/624245.html (「鹽城市、常州市常住人口分別是671.3萬人、534.96萬人」)',
      confidence: 'verified',
      note: 'year-end, after the 2020 census (its revised series; an aggregator quoting the communiqué); no 2020 year-end figure of that series was found',
    },
  ];
  observed.sort((a, b) => a.year - b.year || a.metric.localeCompare(b.metric));
  // One statistical vintage per series, named (census day; public-security register; yearly bulletins).
  const vintageOf = (o: Obs): Obs['vintage'] =>
    (o.year === 2010 || o.year === 2020) && (o.metric === 'residentPop' || o.metric === 'residentUrbanRate')
      ? 'census'
      : o.metric === 'hukouUrbanRate' || (o.metric === 'hukouPop' && o.year === 2010)
        ? 'census count'
        : o.metric === 'hukouPop'
          ? 'register'
          : o.year > 2020
            ? 'revised'
            : 'bulletin';
  // The entries above carry no vintage of their own; it goes right after the source.
  return observed.map((o) => {
    const { metric, year, value, source, ...rest } = o;
    return { metric, year, value, source, vintage: vintageOf(o), ...rest };
  });
}
