/**
 * Checks that span several fields, run after the schema has passed: zone
 * maps name exactly the scenario's zones, shares add up, thresholds fit the
 * duration dimension, pointers point somewhere.
 */
import type { Issue } from './issues';
import { getAt } from './pointer';
import type { Scenario } from './schema';

const SHARE_MAPS = [
  '/base/urbanZoneShares',
  '/base/nonLocalZoneShares',
  '/migration/ruralToUrban/attraction',
  '/migration/reclassification/zoneShares',
  '/migration/inflow/zoneShares',
];
const ZONE_MAPS = [
  ...SHARE_MAPS,
  '/policy/zones',
  '/willingness/base/UA',
  '/willingness/base/UN',
  '/willingness/speed',
];

export function checkScenario(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const zoneIds = s.zones.map((z) => z.id);

  if (s.until <= s.baseYear) add('/until', `must be after baseYear (${s.baseYear})`);
  if (s.until - s.baseYear > 85) add('/until', 'the horizon may be at most 85 years');
  const seenZones = new Set<string>();
  s.zones.forEach((z, i) => {
    if (seenZones.has(z.id)) add(`/zones/${i}/id`, `duplicate zone id "${z.id}"`);
    seenZones.add(z.id);
  });

  // The registration part is optional: its zone maps are checked when it is there.
  const regMaps = s.registration ? ['/registration/student/zoneShares', '/registration/transfer/zoneShares'] : [];
  for (const p of [...ZONE_MAPS, ...regMaps]) {
    const m = getAt(s, p) as Record<string, unknown>;
    for (const z of zoneIds) if (!(z in m)) add(`${p}/${z}`, `missing for zone "${z}"`);
    for (const k of Object.keys(m))
      if (!zoneIds.includes(k))
        add(`${p}/${k}`, `"${k}" is not a zone of this scenario (zones: ${zoneIds.join(', ')})`);
  }
  for (const p of [...SHARE_MAPS, ...regMaps]) {
    const m = getAt(s, p) as Record<string, number>;
    const t = Object.values(m).reduce((a, b) => a + b, 0);
    if (Math.abs(t - 1) > 1e-6) add(p, `shares must add up to 1, they add up to ${+t.toFixed(6)}`);
  }

  // A city of nobody ran with null rates in the base year and every later rate made of inflows alone.
  if (s.base.residentPop <= 0)
    add('/base/residentPop', 'must be more than 0: a city without residents cannot be projected');
  if (s.base.hukouPop <= 0)
    add('/base/hukouPop', 'must be more than 0: a city without registered people cannot be projected');
  if (s.base.urbanResidentPop > s.base.residentPop) add('/base/urbanResidentPop', 'cannot exceed residentPop');
  if (s.base.urbanHukouPop > s.base.hukouPop) add('/base/urbanHukouPop', 'cannot exceed hukouPop');
  const nlr = s.base.nonLocalRuralResidents ?? 0;
  if (nlr > s.base.residentPop - s.base.urbanResidentPop)
    add('/base/nonLocalRuralResidents', 'cannot exceed the rural residents (residentPop − urbanResidentPop)');
  if (s.base.nonLocalResidents !== null && nlr > s.base.nonLocalResidents)
    add('/base/nonLocalRuralResidents', 'cannot exceed nonLocalResidents');

  for (const [zid, zp] of Object.entries(s.policy.zones)) {
    const ids = new Set<string>();
    zp.channels.forEach((ch, ci) => {
      const at = `/policy/zones/${zid}/channels/${ci}`;
      if (ids.has(ch.id)) add(`${at}/id`, `duplicate channel id "${ch.id}" in zone "${zid}"`);
      ids.add(ch.id);
      ch.conditions.forEach((c, k) => {
        if (c.type === 'residence' && c.years > s.durations - 1)
          add(
            `${at}/conditions/${k}/years`,
            `must be at most ${s.durations - 1}: the model tracks durations 0 … ${s.durations - 1}+ (raise "durations")`,
          );
        if (c.type === 'insurance' && c.years > s.durations)
          add(`${at}/conditions/${k}/years`, `must be at most ${s.durations} (raise "durations")`);
        if (c.type === 'age' && c.min > c.max) add(`${at}/conditions/${k}/min`, 'must not exceed max');
        if (c.type === 'attribute')
          for (const g of ['UA', 'UN'] as const)
            if (!s.population[g].attributes?.[c.name])
              add(
                `${at}/conditions/${k}/name`,
                `"${c.name}" is no attribute of population.${g} (define its shares under /population/${g}/attributes/${c.name})`,
              );
      });
    });
  }

  // A city-wide quota: one pool over its channel in every zone, ranked by one score (each zone's minimum its own).
  for (const id of Object.keys(s.policy.cityQuotas ?? {})) {
    const members = Object.entries(s.policy.zones).flatMap(([zid, zp]) =>
      zp.channels.map((ch, ci) => ({ zid, ci, ch })).filter((m) => m.ch.id === id),
    );
    if (!members.length) add(`/policy/cityQuotas/${id}`, `no channel "${id}" in any zone: a city-wide quota needs one`);
    // One pool, one rule of choice: a member admitted alike beside ranked ones escaped the cut-off (it kept
    // its whole demand while the ranked members took the whole cut).
    const ranked = (ch: (typeof members)[number]['ch']) =>
      ch.quotaOrder !== 'proportional' && ch.conditions.some((c) => c.type === 'points');
    members.forEach(({ zid, ci, ch }) => {
      if (ranked(ch) !== ranked(members[0].ch))
        add(
          `/policy/zones/${zid}/channels/${ci}`,
          `a city-wide quota (/policy/cityQuotas/${id}) ranks its channels by score or admits them alike, not both: this channel ${ranked(ch) ? 'ranks' : 'does not rank'}, the one in zone "${members[0].zid}" ${ranked(members[0].ch) ? 'does' : 'does not'}`,
        );
    });
    for (const { zid, ci, ch } of members)
      if (ch.quota != null)
        add(
          `/policy/zones/${zid}/channels/${ci}/quota`,
          `the channel also has a city-wide quota (/policy/cityQuotas/${id}): give one of them`,
        );
  }

  const targetIds = new Set<string>();
  s.targets.forEach((t, i) => {
    if (targetIds.has(t.id)) add(`/targets/${i}/id`, `duplicate target id "${t.id}"`);
    targetIds.add(t.id);
    // A target or change beyond the horizon is allowed: a shorter run (--until) reports the target as not reached.
    if (t.year <= s.baseYear) add(`/targets/${i}/year`, `must be after baseYear (${s.baseYear})`);
  });
  if (s.fiscal) {
    if (s.fiscal.priceYear !== s.baseYear)
      add('/fiscal/priceYear', `must be the base year (${s.baseYear}): amounts are in base-year yuan`);
    s.fiscal.land.noLandZones.forEach((z, i) => {
      if (!zoneIds.includes(z)) add(`/fiscal/land/noLandZones/${i}`, `"${z}" is not a zone of this scenario`);
    });
    const ids = new Set<string>();
    s.fiscal.components.forEach((c, i) => {
      if (ids.has(c.id)) add(`/fiscal/components/${i}/id`, `duplicate component id "${c.id}"`);
      ids.add(c.id);
    });
  }
  if (s.registration) {
    const bands = s.registration.family.profile;
    let any = false;
    bands.forEach((b, i) => {
      for (const k of ['value', 'female', 'male'] as const) {
        const v = b[k];
        if (v === undefined) continue;
        if (v < 0) add(`/registration/family/profile/${i}/${k}`, 'must be ≥ 0 (a relative weight)');
        if (v > 0) any = true;
      }
    });
    if (!any) add('/registration/family/profile', 'needs a positive weight at some age (the movers must have ages)');
  }
  s.timeline.forEach((e, i) => {
    if (e.year <= s.baseYear) add(`/timeline/${i}/year`, `must be after baseYear (${s.baseYear})`);
    for (const p of Object.keys(e.set)) {
      if (p.startsWith('/fiscal/'))
        add(
          `/timeline/${i}/set/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          'fiscal levers hold for the whole horizon; use a year path where the field takes one',
        );
      if (getAt(s, p) === undefined)
        add(
          `/timeline/${i}/set/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          `pointer ${p} names nothing in the scenario`,
        );
      const v = e.set[p];
      if (v && typeof v === 'object' && '$data' in v)
        add(
          `/timeline/${i}/set/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          'a timeline value cannot be a {"$data": …} reference: give the table in the scenario itself',
        );
    }
  });
  for (const p of Object.keys(s.sources)) {
    if (getAt(s, p) === undefined)
      add(`/sources/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`, `pointer ${p} names nothing in the scenario`);
  }

  // Analysis parameters: bounds in order (whether each pointer names a number is checked when an
  // analysis applies it, on the merged and resolved scenario; see src/analysis/apply.ts).
  s.uncertainty?.parameters.forEach((p, i) => {
    const at = `/uncertainty/parameters/${i}/dist`;
    const d = p.dist;
    if (d.type === 'uniform' && !(d.min < d.max)) add(at, `min (${d.min}) must be below max (${d.max})`);
    if (d.type === 'triangular' && !(d.min <= d.mode && d.mode <= d.max && d.min < d.max))
      add(at, `needs min ≤ mode ≤ max with min < max (got ${d.min}, ${d.mode}, ${d.max})`);
    if (d.type === 'normal' && d.min !== undefined && d.max !== undefined && !(d.min < d.max))
      add(at, `min (${d.min}) must be below max (${d.max})`);
  });
  s.calibration?.parameters.forEach((p, i) => {
    if (!(p.min < p.max)) add(`/calibration/parameters/${i}`, `min (${p.min}) must be below max (${p.max})`);
  });
  s.targets.forEach((t, i) => {
    if (t.metric === 'trainingCoverage' && !s.fiscal?.components.some((c) => c.trainingBase !== undefined))
      add(
        `/targets/${i}/metric`,
        'trainingCoverage needs a fiscal component with "trainingBase" (the share trained in the base year)',
      );
    if ((t.metric === 'totalCostCumulative' || t.metric === 'municipalNetCumulative') && !s.fiscal)
      add(`/targets/${i}/metric`, `${t.metric} needs the scenario's fiscal part`);
  });
  return issues;
}
