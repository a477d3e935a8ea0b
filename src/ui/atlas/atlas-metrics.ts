/**
 * What the atlas colours and lists: each metric of a row with its label, unit and formatting.
 */
import type { AtlasRow } from '../../analysis/atlas-run';
import type { Lang } from '../charts/types';
import { percent, points, tenThousands, yuanPerPerson } from '../format';

export type AtlasMetric = 'gapPoints' | 'hukouUrbanRate' | 'residentUrbanRate' | 'settlersPer1000' | 'costPerSettler';

export interface AtlasMetricDef {
  readonly id: AtlasMetric;
  readonly zh: string;
  readonly en: string;
  readonly value: (r: AtlasRow) => number | null;
  readonly format: (x: number | null, lang: Lang) => string;
}

export const ATLAS_METRICS: readonly AtlasMetricDef[] = [
  {
    id: 'gapPoints',
    zh: '两率差距',
    en: 'Gap between the rates',
    value: (r) => r.gapPoints,
    format: (x, l) => points(x, l),
  },
  {
    id: 'hukouUrbanRate',
    zh: '户籍人口城镇化率',
    en: 'Hukou urbanisation rate',
    value: (r) => r.hukouUrbanRate,
    format: (x) => percent(x),
  },
  {
    id: 'residentUrbanRate',
    zh: '常住人口城镇化率',
    en: 'Resident urbanisation rate',
    value: (r) => r.residentUrbanRate,
    format: (x) => percent(x),
  },
  {
    id: 'settlersPer1000',
    zh: '每千名常住人口累计落户',
    en: 'Settlers per 1,000 residents',
    value: (r) => r.settlersPer1000,
    format: (x, l) =>
      x === null || !Number.isFinite(x) ? '—' : l === 'en' ? `${x.toFixed(1)} per 1,000` : `${x.toFixed(1)} 人/千人`,
  },
  {
    id: 'costPerSettler',
    zh: '人均市民化成本',
    en: 'Cost per settler',
    value: (r) => r.costPerSettler,
    format: (x, l) => yuanPerPerson(x, l),
  },
];

export const metricOf = (id: AtlasMetric): AtlasMetricDef => ATLAS_METRICS.find((m) => m.id === id)!;
export const residents = (r: AtlasRow, lang: Lang) => tenThousands(r.residentPop, 1, lang);
