/**
 * 常州's 2015 base year for data/cities/changzhou.json (config in changzhou.ts): the published totals with their
 * sources, the bounds of the hukou urbanisation rate, and the labelled placeholder that fills the gap.
 */
import { sig } from '../lib/util';
import { foundSource } from '../lib/city';
import { FOUND } from './changzhou-sources';

/** The 2015 base year: the published totals, the hukou urbanisation rate's bounds and how the gap is filled. */
export function changzhouBase2015(nonAg10: number) {
  const rp15 = 4701400;
  const up15 = 3291000;
  const hp15 = 3708500;
  const proxyUpper = (up15 - (rp15 - hp15)) / hp15;
  const base2015 = {
    year: 2015,
    asOf: 'year-end (年末)',
    residentPop: {
      value: rp15,
      unit: 'persons',
      source: foundSource(FOUND.jiangsuTable2015),
      quote: FOUND.jiangsuTable2015.quote,
      confirmedBy: {
        source: foundSource(FOUND.communique2015),
        quote: '4.701 million permanent residents',
      },
    },
    urbanResidentPop: {
      value: up15,
      unit: 'persons',
      source: foundSource(FOUND.communique2015),
      quote: '3.291 million were urban residents',
    },
    residentUrbanRate: {
      value: 0.7,
      source: foundSource(FOUND.communique2015),
      quote: 'the urbanization rate reached 70.0%',
      check: sig(up15 / rp15, 6),
    },
    hukouPop: {
      value: hp15,
      unit: 'persons',
      source: foundSource(FOUND.jiangsuTable2015),
      quote: FOUND.jiangsuTable2015.quote,
      confirmedBy: {
        source: foundSource(FOUND.communique2015),
        quote: 'The total number of registered residents grew by 0.6% to 3.709 million',
      },
    },
    hukouSex: {
      male: 1836000,
      female: 1873000,
      source: foundSource(FOUND.communique2015),
      quote: '1.836 million were males … 1.873 million were females',
    },
    hukouVitalRates: {
      birthRatePerMille: 9.6,
      deathRatePerMille: 7,
      naturalGrowthPerMille: 2.7,
      source: foundSource(FOUND.communique2015),
      quote:
        'The birth rate and death rate of the registered residents stood at 9.6‰ and 7‰ respectively, with a natural population growth rate of 2.7‰',
    },
    hukouUrbanRate: {
      value: null,
      gap: 'No 2015 hukou urbanisation rate or urban-registered population for Changzhou was found (searched: 2015/2016 communiqués in Chinese and English, Jiangsu yearbook tables, municipal news). The communiqué gives only total registered residents.',
      bounds: {
        lower: {
          value: nonAg10,
          definition: 'nonAgricultural',
          reasoning:
            '2010 census non-agricultural hukou share (resident-based). Carried forward unchanged to 2015 as an assumption; it is the only hukou-type figure in the sources.',
        },
        upper: {
          value: sig(proxyUpper, 6),
          definition: 'address',
          formula:
            '(urban residents − (resident pop − hukou pop)) ÷ hukou pop = (3,291,000 − (4,701,400 − 3,708,500)) ÷ 3,708,500',
          reasoning:
            'Locally registered people living in urban areas, if every net non-local resident (resident − hukou) lives in an urban area and nobody registered locally lives away. In model terms this is (ΣUH + ΣUA) ÷ hukou pop, an upper bound for the address-definition hukou rate (ΣUH + AWU) ÷ hukou pop as long as AWU is small: it counts UA as urban-registered.',
        },
      },
      proposed: {
        value: sig((nonAg10 + proxyUpper) / 2, 4),
        definition: 'address',
        confidence: 'assumption',
        assumption:
          'Placeholder only: the midpoint of the two bounds, for a scenario that needs one number. The bounds rest on different definitions, so the midpoint has no evidential weight; calibrate it (or the UA share) against later observations instead, and label any evaluation against it accordingly.',
      },
    },
    urbanHukouPop: { value: null, gap: 'not found; see hukouUrbanRate' },
    notes: [
      'Administrative change in 2015: 金坛市 became 金坛区 and 戚墅堰区 merged into 武进区; city totals are unaffected.',
      'Vintage: these are the original (pre-2020-census) year-end estimates. The resident rate rises from 72.5% (2018) to 77.07% at the 2020 census, a larger step than the 2010-2018 trend; a post-census revision of the 2011-2019 series (as NBS did nationally, shared/data/README.md) has not been found for Changzhou. Do not mix revised and unrevised values in one calibration.',
    ],
  };
  return { base2015, proxyUpper, rp15, up15, hp15 };
}
