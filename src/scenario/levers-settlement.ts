/**
 * The settlement levers (levers.ts): each zone's channels (thresholds, shares, switches, quotas), the
 * city-wide quotas, the population-size control, the channel overlap, willingness and conversion rates.
 */
import type { Scenario } from './schema';
import type { Spec } from './levers-types';

/**
 * The years of a path that still move the projection: a path interpolates between its years and holds its
 * ends, so a year before the last one at or before the first projected year changes nothing (广州's 2017
 * quota in a preset based at 2018). A lever that moves nothing is not offered.
 */
export function liveYears(path: Readonly<Record<string, number>>, firstYear: number): [string, number][] {
  const entries = Object.entries(path);
  const atStart = Math.max(...entries.map(([y]) => Number(y)).filter((y) => y <= firstYear));
  return entries.filter(([y]) => !(Number(y) < atStart));
}

/** A path year in a lever's label; the last year of a path holds from then on (2018年起). */
function yearTag(year: string, years: readonly (readonly [string, ...unknown[]])[]): [string, string] {
  if (!year) return ['', ''];
  const last = years[years.length - 1]![0] === `/${year}`;
  return last ? [`（${year}年起）`, ` (${year} on)`] : [`（${year}年）`, ` (${year})`];
}

/** A value given as a number or a year path, as [pointer suffix, year, value] for each lever it makes. */
function pathYears(
  v: number | Readonly<Record<string, number>> | null | undefined,
  firstYear: number,
): [string, string, number][] {
  if (typeof v === 'number') return [['', '', v]];
  return v && typeof v === 'object' ? liveYears(v, firstYear).map(([y, x]) => [`/${y}`, y, x]) : [];
}

/** A quota given as a number or a year path: each of its years that still counts is a lever. */
function quotaLevers(
  quota: Scenario['policy']['zones'][string]['channels'][number]['quota'],
  firstYear: number,
  pointer: string,
  who: string,
  whoEn: string,
  extra: Pick<Spec, 'group' | 'clause' | 'bureau'>,
): Spec[] {
  const years = pathYears(quota, firstYear);
  return years.map(([sub, year, q]) => {
    const [tag, tagEn] = yearTag(year, years);
    return {
      pointer: `${pointer}${sub}`,
      label: `${who}：年度指标${tag}`,
      labelEn: `${whoEn}: annual quota${tagEn}`,
      unit: '人',
      min: 0,
      max: Math.max(10000, q * 4),
      step: 100,
      ...extra,
    };
  });
}

export function settlementLevers(s: Scenario): Spec[] {
  const specs: Spec[] = [];
  const zoneName = (id: string) => s.zones.find((z) => z.id === id)?.name ?? id;
  const zoneNameEn = (id: string) => s.zones.find((z) => z.id === id)?.nameEn ?? id;

  for (const [zid, zp] of Object.entries(s.policy.zones)) {
    zp.channels.forEach((ch, ci) => {
      const at = `/policy/zones/${zid}/channels/${ci}`;
      // A channel label that already names its zone ("建制镇合法稳定住所") is not prefixed again.
      const who = ch.label.startsWith(zoneName(zid)) ? ch.label : `${zoneName(zid)}·${ch.label}`;
      const whoEn = `${zoneNameEn(zid)} · ${ch.labelEn ?? ch.id}`;
      const extra = {
        group: 'settlement' as const,
        ...(ch.clause ? { clause: ch.clause } : {}),
        ...(ch.bureau ? { bureau: ch.bureau } : {}),
      };
      /** A yes/no lever of this channel. */
      const toggle = (pointer: string, label: string, labelEn: string): Spec => ({
        ...{ pointer, label, labelEn, unit: '是/否', min: 0, max: 1, step: 1, toggle: true },
        ...extra,
      });
      ch.conditions.forEach((c, k) => {
        const p = `${at}/conditions/${k}`;
        if (c.type === 'residence')
          specs.push({
            pointer: `${p}/years`,
            label: `${who}：居住年限`,
            labelEn: `${whoEn}: years of residence`,
            unit: '年',
            min: 0,
            max: s.durations - 1,
            step: 1,
            ...extra,
          });
        if (c.type === 'insurance')
          specs.push({
            pointer: `${p}/years`,
            label: `${who}：社保缴纳年限`,
            labelEn: `${whoEn}: years of social insurance`,
            unit: '年',
            min: 0,
            max: s.durations,
            step: 1,
            ...extra,
          });
        if (c.type === 'points')
          specs.push({
            pointer: `${p}/threshold`,
            label: `${who}：积分分数线`,
            labelEn: `${whoEn}: points threshold`,
            unit: '分',
            min: 0,
            max: Math.max(200, c.threshold * 2),
            step: 1,
            ...extra,
          });
        if (c.type === 'age')
          specs.push({
            pointer: `${p}/max`,
            label: `${who}：年龄上限`,
            labelEn: `${whoEn}: maximum age`,
            unit: '岁',
            // Never below the condition's own minimum age: such a scenario is invalid.
            min: Math.max(16, c.min),
            max: 100,
            step: 1,
            ...extra,
          });
        if (c.type === 'attribute' && c.share !== undefined) {
          const attr = s.population.UN.attributes?.[c.name] ?? s.population.UA.attributes?.[c.name];
          specs.push({
            pointer: `${p}/share`,
            label: `${who}：${attr?.label ?? c.name}中符合条款者比例`,
            labelEn: `${whoEn}: share of ${attr?.labelEn ?? c.name} meeting the clause`,
            unit: '比例',
            min: 0,
            max: 1,
            step: 0.05,
            ...extra,
          });
        }
        if (c.type === 'housing')
          specs.push(toggle(`${p}/rentedCounts`, `${who}：租赁住房可落户`, `${whoEn}: rented housing counts`));
      });
      specs.push(...quotaLevers(ch.quota, s.baseYear + 1, `${at}/quota`, who, whoEn, extra));
      if (ch.enabled !== undefined) specs.push(toggle(`${at}/enabled`, `${who}：渠道开放`, `${whoEn}: channel open`));
    });
  }
  // Population-size control (严格控制人口规模), where the scenario sets it: the share of the calibrated inflow
  // admitted, one lever per year of its path.
  const control = s.migration.inflow.control;
  if (control !== undefined) {
    const years = pathYears(control, s.baseYear + 1);
    for (const [sub, year] of years) {
      const [tag, tagEn] = yearTag(year, years);
      specs.push({
        pointer: `/migration/inflow/control${sub}`,
        label: `人口规模调控：外来人口流入系数${tag}`,
        labelEn: `Population-size control: share of the inflow admitted${tagEn}`,
        unit: '倍',
        min: 0,
        max: 2,
        step: 0.05,
        group: 'migration',
      });
    }
  }
  // A city-wide quota: one lever (per year of its path) for the whole city, named after its channel.
  for (const [id, quota] of Object.entries(s.policy.cityQuotas ?? {})) {
    const ch = Object.values(s.policy.zones)
      .flatMap((z) => z.channels)
      .find((c) => c.id === id);
    const extra = {
      group: 'settlement' as const,
      ...(ch?.clause ? { clause: ch.clause } : {}),
      ...(ch?.bureau ? { bureau: ch.bureau } : {}),
    };
    specs.push(
      ...quotaLevers(
        quota,
        s.baseYear + 1,
        `/policy/cityQuotas/${id}`,
        `全市·${ch?.label ?? id}`,
        `City · ${ch?.labelEn ?? id}`,
        extra,
      ),
    );
  }
  specs.push({
    pointer: '/policy/channelOverlap',
    label: '落户渠道重叠度 κ',
    labelEn: 'Channel overlap κ',
    unit: '0–1',
    min: 0,
    max: 1,
    step: 0.05,
    group: 'settlement',
  });

  for (const g of ['UA', 'UN'] as const) {
    for (const zid of Object.keys(s.willingness.base[g])) {
      specs.push({
        pointer: `/willingness/base/${g}/${zid}`,
        label: `${zoneName(zid)}：${g === 'UA' ? '本地农业转移人口' : '外来人口'}落户意愿`,
        labelEn: `${zoneNameEn(zid)}: willingness to settle, ${g === 'UA' ? 'local rural-registered' : 'registered elsewhere'}`,
        unit: '比例',
        min: 0,
        max: 1,
        step: 0.01,
        group: 'willingness',
      });
    }
  }
  for (const zid of Object.keys(s.willingness.speed))
    specs.push({
      pointer: `/willingness/speed/${zid}`,
      label: `${zoneName(zid)}：年度落户转化率`,
      labelEn: `${zoneNameEn(zid)}: annual settlement conversion rate`,
      unit: '比例/年',
      min: 0,
      max: 1,
      step: 0.01,
      group: 'willingness',
    });
  return specs;
}
