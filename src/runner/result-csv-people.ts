/**
 * The results CSV for people (INTERFACES.md: `--format csv`, the page's results download): one row per
 * year; a header row of names with their units (常住人口城镇化率（%）), then a unit row (单位, %, 万人, …);
 * cells rounded in the units officials use. The machine form is {@link resultToCsv} (`--format csv-raw`).
 *
 * Units: stocks of people in 万人 (2 decimals), flows of people in 人 (whole), rates in % and the gap in
 * 百分点 (2 decimals), money in 亿元 (4 decimals: whole 万元), amounts per person in 元/人 (whole), land in
 * 公顷 (2 decimals), cut-off scores in 分 (2 decimals). English: thousand persons (1 decimal), persons,
 * %, percentage points, CNY million (2 decimals), CNY per person, ha, score.
 */
import { FLOW_SERIES, type SeriesName } from '../model/output';
import { metricDef } from '../scenario/metrics';
import type { ProjectionResult, Series } from '../scenario/result';
import {
  DEFINITION_LABELS,
  ORIGIN_LABELS,
  PAYER_LABELS,
  REGISTRATION_IN_LABELS,
  REGISTRATION_OUT_LABELS,
  STATE_LABELS,
} from '../scenario/result-labels';
import type { Scenario } from '../scenario/schema';
import { spreadsheetSafe } from './result-csv';
import type { Named } from './view-data';

export type CsvLang = 'zh' | 'en';

/** Names of the scenario's zones, channels and cost components (ids show as themselves without them). */
export interface CsvNames {
  readonly zones?: readonly Named[];
  readonly channels?: readonly Named[];
  readonly components?: readonly Named[];
}

export interface PeopleCsvOptions {
  readonly lang?: CsvLang;
  readonly names?: CsvNames;
  /** Columns from the analyses, shaped as for {@link resultToCsv}: `{ uncertainty: { p5: {…} }, backtest: {…} }`. */
  readonly extra?: Record<string, unknown>;
}

type Kind = 'stock' | 'flow' | 'rate' | 'points' | 'money' | 'perPerson' | 'land' | 'score' | 'number';
interface Unit {
  /** Divide a result value by this to get the cell. */
  readonly per: number;
  readonly digits: number;
  readonly label: string;
}
const UNITS: Record<Kind, Record<CsvLang, Unit>> = {
  stock: { zh: { per: 1e4, digits: 2, label: '万人' }, en: { per: 1e3, digits: 1, label: 'thousand persons' } },
  flow: { zh: { per: 1, digits: 0, label: '人' }, en: { per: 1, digits: 0, label: 'persons' } },
  rate: { zh: { per: 0.01, digits: 2, label: '%' }, en: { per: 0.01, digits: 2, label: '%' } },
  points: { zh: { per: 1, digits: 2, label: '百分点' }, en: { per: 1, digits: 2, label: 'percentage points' } },
  money: { zh: { per: 1e8, digits: 4, label: '亿元' }, en: { per: 1e6, digits: 2, label: 'CNY million' } },
  perPerson: { zh: { per: 1, digits: 0, label: '元/人' }, en: { per: 1, digits: 0, label: 'CNY per person' } },
  land: { zh: { per: 1, digits: 2, label: '公顷' }, en: { per: 1, digits: 2, label: 'ha' } },
  score: { zh: { per: 1, digits: 2, label: '分' }, en: { per: 1, digits: 2, label: 'score' } },
  number: { zh: { per: 1, digits: 4, label: '' }, en: { per: 1, digits: 4, label: '' } },
};

interface Name {
  readonly zh: string;
  readonly en: string;
}
interface Described extends Name {
  readonly kind: Kind;
}
/** A column's description; null: not a yearly series (the reward's taper), or a duplicate left out. */
type Description = Described | null | undefined;

/** Series the metric registry does not name. */
const SERIES_NAMES: Partial<Record<SeriesName, Name>> = {
  births: { zh: '常住人口出生', en: 'Births to residents' },
  deaths: { zh: '常住人口死亡', en: 'Deaths of residents' },
  residentInflow: { zh: '跨市界迁入常住人口', en: 'Residents moving in across the city boundary' },
  residentOutflow: { zh: '跨市界迁出常住人口', en: 'Residents moving out across the city boundary' },
  settlers: { zh: '落户人数', en: 'Settlers' },
  ruralToUrban: { zh: '本地农村人口进城', en: 'Local rural residents moving to towns' },
  reclassified: { zh: '村改居就地城镇化', en: 'Reclassified in place' },
  incomingMigrants: { zh: '外来人口流入', en: 'Incoming migrants' },
  departures: { zh: '外来人口流出', en: 'Departures of migrants' },
  leftForAway: { zh: '本地户籍人口外出', en: 'Registered residents leaving to live away' },
  returned: { zh: '外出人员返回', en: 'Returned from away' },
  awayBirths: { zh: '外出人员出生', en: 'Births to people living away' },
  awayDeaths: { zh: '外出人员死亡', en: 'Deaths of people living away' },
};
const AWAY_STATES: Record<string, Name> = {
  AWU: { zh: '外出城镇户籍人员', en: 'Living away, urban-registered (AWU)' },
  AWR: { zh: '外出农村户籍人员', en: 'Living away, rural-registered (AWR)' },
};

const FISCAL_NAMES: Record<string, Described> = {
  totalCost: { zh: '市民化总成本', en: 'Total citizenisation cost', kind: 'money' },
  'costByGroup.settlers': { zh: '市民化成本·新落户人口', en: 'Cost: new settlers', kind: 'money' },
  'costByGroup.nonRegistered': {
    zh: '市民化成本·未落户城镇常住人口',
    en: 'Cost: non-registered urban residents',
    kind: 'money',
  },
  'costByGroup.newUrbanResidents': {
    zh: '市民化成本·城镇净增常住人口',
    en: 'Cost: net new urban residents',
    kind: 'money',
  },
  newUrbanResidents: { zh: '迁移带来的城镇常住人口净增', en: 'Net new urban residents by migration', kind: 'flow' },
  'cumulative.transfers': { zh: '累计获得的转移支付', en: 'Cumulative transfers received', kind: 'money' },
  'transfers.reward': { zh: '落户奖励', en: 'Rewards', kind: 'money' },
  'transfers.generalLinkage': { zh: '一般性转移支付挂钩', en: 'General-transfer linkage', kind: 'money' },
  'transfers.investmentSubsidy': { zh: '基建投资补助', en: 'Investment subsidy', kind: 'money' },
  'transfers.total': { zh: '获得的转移支付合计', en: 'Transfers received', kind: 'money' },
  municipalNet: { zh: '市县财政净负担', en: 'Net burden of city and counties', kind: 'money' },
  'perSettler.annual': { zh: '落户当年人均成本', en: 'Cost per settler in the year of settlement', kind: 'perPerson' },
  'perSettler.transfer': { zh: '人均转移支付', en: 'Transfer per settler', kind: 'perPerson' },
  settledStock: { zh: '基年以来落户人口存量', en: 'Settlers since the base year, living here', kind: 'stock' },
  landHa: { zh: '当年新增建设用地', en: 'New construction land in the year', kind: 'land' },
  landHaCumulative: { zh: '累计新增建设用地', en: 'Cumulative new construction land', kind: 'land' },
};
/** The land section's series (`newUrbanHa` repeats `fiscal.landHa`: one column). */
const LAND_NAMES: Record<string, Described | null> = {
  newUrbanHa: null,
  settlers: { zh: '计入新增用地的落户人数', en: 'Settlers counted for new land', kind: 'flow' },
  reclaimedHa: { zh: '增减挂钩复垦农村建设用地', en: 'Rural construction land reclaimed', kind: 'land' },
  netHa: { zh: '建设用地净增', en: 'Net change in construction land', kind: 'land' },
  netHaCumulative: { zh: '累计建设用地净增', en: 'Cumulative net change in construction land', kind: 'land' },
};
/** Fiscal series the metric registry names. */
const FISCAL_METRICS: Record<string, string> = {
  trainingCoverage: 'trainingCoverage',
  'cumulative.totalCost': 'totalCostCumulative',
  'cumulative.municipalNet': 'municipalNetCumulative',
};
const ZONE_FISCAL: Record<string, Name> = {
  cost: { zh: '市民化成本', en: 'Cost' },
  transfers: { zh: '获得的转移支付', en: 'Transfers received' },
  net: { zh: '市县财政净负担', en: 'Net burden' },
};

const fromMetric = (id: string, flow: boolean): Described | undefined => {
  const m = metricDef(id);
  if (!m) return undefined;
  const kind: Kind =
    m.kind === 'rate' ? 'rate' : m.kind === 'points' ? 'points' : m.kind === 'yuan' ? 'money' : flow ? 'flow' : 'stock';
  return { zh: m.zh, en: m.en, kind };
};

const named = (list: readonly Named[] | undefined, id: string): Name => {
  const n = list?.find((x) => x.id === id);
  return n ? { zh: n.label, en: n.labelEn || n.label } : { zh: id, en: id };
};
const labelOf = (table: Record<string, Name>, id: string): Name =>
  Object.hasOwn(table, id) ? table[id] : { zh: id, en: id };
/** "落户人数·人才引进" / "Settlers: talent". */
const sub = (group: Name, part: Name, kind: Kind): Described => ({
  zh: `${group.zh}·${part.zh}`,
  en: `${group.en}: ${part.en}`,
  kind,
});

function describeScalar(name: string): Description {
  const flow = (FLOW_SERIES as readonly string[]).includes(name);
  const m = fromMetric(name, flow);
  if (m) return m;
  if (Object.hasOwn(SERIES_NAMES, name)) return { ...SERIES_NAMES[name as SeriesName]!, kind: flow ? 'flow' : 'stock' };
  const state = /^stock([A-Z]+)$/.exec(name)?.[1];
  if (state && Object.hasOwn(STATE_LABELS, state)) {
    const l = STATE_LABELS[state as keyof typeof STATE_LABELS];
    // "外来人口（城镇）" → "外来人口·城镇": the unit keeps the only brackets of the header.
    return { zh: `存量·${state} ${l.zh.replace(/（(.+)）$/, '·$1')}`, en: `Stock: ${l.en}`, kind: 'stock' };
  }
  if (state && Object.hasOwn(AWAY_STATES, state))
    return { zh: `存量·${state} ${AWAY_STATES[state].zh}`, en: `Stock: ${AWAY_STATES[state].en}`, kind: 'stock' };
  return undefined;
}

/** A series of the result by its path (`["settlersByChannel", "talent"]`, `["fiscal", "landHa"]`). */
function describe(path: readonly string[], names: CsvNames): Description {
  const [head, a, b] = path;
  // The land section's lists that are not series (the zones without new land) are no columns.
  if (head === 'land') return path.length === 2 && Object.hasOwn(LAND_NAMES, a) ? LAND_NAMES[a] : null;
  if (head === 'fiscal') {
    const rest = path.slice(1).join('.');
    if (a === 'rewardRule') return null;
    if (Object.hasOwn(FISCAL_NAMES, rest)) return FISCAL_NAMES[rest];
    if (Object.hasOwn(FISCAL_METRICS, rest)) return fromMetric(FISCAL_METRICS[rest], false);
    if (a === 'costByComponent' && path.length === 3)
      return sub({ zh: '市民化成本', en: 'Cost' }, named(names.components, b), 'money');
    if (a === 'costByPayer' && path.length === 3) {
      const p = labelOf(PAYER_LABELS, b);
      return { zh: `市民化成本·${p.zh}承担`, en: `Cost borne by: ${p.en}`, kind: 'money' };
    }
    if (a === 'byZone' && path.length === 4 && Object.hasOwn(ZONE_FISCAL, path[3]))
      return sub(ZONE_FISCAL[path[3]], named(names.zones, b), 'money');
    return undefined;
  }
  if (path.length === 1) return describeScalar(head);
  if (path.length !== 2) return undefined;
  switch (head) {
    case 'settlersByChannel':
      return sub({ zh: '落户人数', en: 'Settlers' }, named(names.channels, a), 'flow');
    case 'channelDemand':
      return sub({ zh: '不限额落户需求', en: 'Demand without quota' }, named(names.channels, a), 'flow');
    case 'quotaCutoff': {
      const [channel, zone] = a.split('@');
      const ch = named(names.channels, channel);
      const part = zone ? sub(named(names.zones, zone), ch, 'score') : ch;
      return sub({ zh: '积分落户分数线', en: 'Points cut-off' }, part, 'score');
    }
    case 'settlersByOrigin':
    case 'settlersByOriginDetail':
      // The detail's local part is settlersByOrigin's: one column.
      if (head === 'settlersByOriginDetail' && a === 'localRural') return null;
      return sub({ zh: '落户人数', en: 'Settlers' }, labelOf(ORIGIN_LABELS, a), 'flow');
    case 'registrationInByReason':
    case 'registrationOutByReason': {
      const l = labelOf(head === 'registrationInByReason' ? REGISTRATION_IN_LABELS : REGISTRATION_OUT_LABELS, a);
      return { zh: `户籍${l.zh}`, en: `Registrations ${l.en.charAt(0).toLowerCase()}${l.en.slice(1)}`, kind: 'flow' };
    }
    case 'settlersByZone':
      return sub({ zh: '落户人数', en: 'Settlers' }, named(names.zones, a), 'flow');
    case 'nonRegisteredByZone':
      return sub(fromMetric('nonRegisteredUrban', false)!, named(names.zones, a), 'stock');
  }
  return undefined;
}

/** An extra column (`uncertainty.p5.gapPoints`, `backtest.residentPop`): its series' name, qualified. */
function describeExtra(path: readonly string[], names: CsvNames): Description {
  const [head, p] = path;
  if (head === 'uncertainty' && p !== undefined && /^p\d+$/.test(p)) {
    const rest = path.slice(2);
    const d = describe(rest, names) ?? describe(['fiscal', ...rest], names);
    return d && { zh: `${d.zh} ${p.toUpperCase()}`, en: `${d.en} ${p.toUpperCase()}`, kind: d.kind };
  }
  const d = describe(path.slice(1), names);
  if (head === 'backtest') return d && { zh: `回测·${d.zh}`, en: `Back-test: ${d.en}`, kind: d.kind };
  return d && sub({ zh: head, en: head }, d, d.kind);
}

interface Column extends Described {
  readonly values: readonly unknown[];
}

function collect(path: string[], v: unknown, out: Column[], how: (path: readonly string[]) => Description): void {
  if (Array.isArray(v)) {
    const d = how(path);
    if (d !== null) out.push({ ...(d ?? { zh: path.join('.'), en: path.join('.'), kind: 'number' }), values: v });
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect([...path, k], x, out, how);
}

/** A field as RFC 4180 wants it, and never a formula to a spreadsheet. */
const field = (text: string): string => {
  const safe = spreadsheetSafe(text);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A value in its column's unit, rounded: "76.14"; empty for null (a base-year flow) and for non-numbers. */
export function peopleCell(x: unknown, unit: Unit): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  const f = 10 ** unit.digits;
  const r = Math.round((x / unit.per) * f) / f;
  return (r === 0 ? 0 : r).toFixed(unit.digits);
}

/** Names of a scenario's zones, channels and cost components, for {@link resultToPeopleCsv}. */
export function csvNamesOf(s: Scenario): CsvNames {
  const channels = new Map<string, Named>();
  for (const zp of Object.values(s.policy.zones))
    for (const ch of zp.channels)
      if (!channels.has(ch.id)) channels.set(ch.id, { id: ch.id, label: ch.label, labelEn: ch.labelEn ?? ch.id });
  return {
    zones: s.zones.map((z) => ({ id: z.id, label: z.name, labelEn: z.nameEn ?? z.id })),
    channels: [...channels.values()],
    components: (s.fiscal?.components ?? []).map((c) => ({ id: c.id, label: c.label, labelEn: c.labelEn ?? c.id })),
  };
}

/** The people's CSV of a result (no BOM: a file for Excel needs "\ufeff" in front). */
export function resultToPeopleCsv(r: ProjectionResult, opts: PeopleCsvOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const names = opts.names ?? {};
  const cols: Column[] = [];
  collect([], r.series, cols, (p) => describe(p, names));
  if (r.fiscal) collect(['fiscal'], r.fiscal, cols, (p) => describe(p, names));
  if (r.land) collect(['land'], r.land, cols, (p) => describe(p, names));
  if (opts.extra) collect([], opts.extra, cols, (p) => describeExtra(p, names));
  const units = cols.map((c) => UNITS[c.kind][lang]);
  const headers = cols.map((c, j) => {
    const u = units[j].label;
    return u ? (lang === 'en' ? `${c.en} (${u})` : `${c.zh}（${u}）`) : c[lang];
  });
  // Two series of one name (a zone named like a component, say) keep apart by their position.
  const seen = new Map<string, number>();
  const unique = headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n > 1 ? `${h} ${n}` : h;
  });
  const en = lang === 'en';
  const definition = en ? 'Hukou definition' : '户籍人口口径';
  const lines = [
    [en ? 'Year' : '年份', ...unique, definition],
    [en ? 'Unit' : '单位', ...units.map((u) => u.label), ''],
    ...r.years.map((y, i) => {
      const d = r.hukouDefinition[i];
      return [
        String(y),
        ...cols.map((c, j) => peopleCell((c.values as Series)[i], units[j])),
        d ? DEFINITION_LABELS[d][lang] : '',
      ];
    }),
  ];
  return lines.map((l) => l.map(field).join(',')).join('\n') + '\n';
}
