/**
 * data/cities/{changzhou,jinzhou,liaoyuan,guangzhou}.json — the cities of documents 000 (常州), 002 (锦州),
 * 003 (广州) and 004 (辽源), one config each (scripts/data/cities/): census totals 2010/2020, age-sex,
 * districts with a labelled tier assumption, zone totals with the 城区/镇区 split, hukou-elsewhere and
 * housing shares, observed series and the base year of each preset. The proxy city (build-proxy.ts) is one
 * more config of buildCity.
 *
 * Census values are read from the leiii/census extracts; published figures that are not in raw files are in
 * each config's hand-written FOUND tables with their URL and the quoted phrase (search tool, corpus "pages")
 * or a source string copied from shared/data/README.md. changzhou.json keeps the layout it had before the
 * shared builder (CityConfig.layout, .texts and hooks; see cities/changzhou.ts).
 */
import {
  AGE_GROUPS,
  ageSex,
  checkDistrictSums,
  chengquCoverageCheck,
  col2010Age,
  col2020Age,
  COLS_2010_SUM,
  COLS_2020_SUM,
  load2010,
  load2020,
  nonAgWeights,
  share,
  SRC_2010 as SRC_2010_EXTRACT,
  SRC_2020 as SRC_2020_EXTRACT,
  v,
  v0,
} from './lib/census';
import { req } from './lib/csv';
import { LEIII_CITY, readLeiii } from './lib/sources';
import { assert, rawLabel, sig, writeJson } from './lib/util';
import { censusObservations, tierTotals, type CityConfig, type Ctx, type Zones } from './lib/city';
import {
  censusSections,
  cityTexts,
  DEFAULT_LAYOUT,
  defaultZones,
  districtRows,
  elsewhereAndHousing,
} from './lib/city-sections';
import { CHANGZHOU } from './cities/changzhou';
import { JINZHOU } from './cities/jinzhou';
import { LIAOYUAN } from './cities/liaoyuan';
import { GUANGZHOU } from './cities/guangzhou';

// ---------------------------------------------------------------------------

export async function buildCity(
  cfg: CityConfig,
  coverage: Record<string, unknown>,
): Promise<{ file: string; summary: Record<string, unknown> }> {
  const layout = { ...DEFAULT_LAYOUT, ...cfg.layout };
  const tabs = cfg.tables?.();
  const SRC_2010 = tabs?.src10 ?? SRC_2010_EXTRACT;
  const SRC_2020 = tabs?.src20 ?? SRC_2020_EXTRACT;
  const d10 = load2010(cfg.name, cfg.code, tabs?.t10);
  const d20 = load2020(cfg.name, cfg.code, tabs?.t20);
  const t10 = d10.t;
  const t20 = d20.t;
  const c10 = d10.city;
  const c20 = d20.city;

  const res10 = v(t10, c10, '合计');
  const urb10 = v(t10, c10, '城镇人口');
  const rur10 = v0(t10, c10, '乡村人口');
  const hukou10 = v(t10, c10, '户籍人口');
  const nonAg10 = sig(v(t10, c10, '非农业户口人口比重（%）') / 100);
  assert(urb10 + rur10 === res10, `${cfg.name} 2010 urban + rural = total`);
  const res20 = v(t20, c20, '人口数_合计');
  const urb20 = v(t20, c20, '城镇人口');
  const rur20 = v(t20, c20, '乡村人口');
  const chengqu20 = v(t20, c20, '城区人口');
  assert(urb20 + rur20 === res20, `${cfg.name} 2020 urban + rural = total`);

  const ctx: Ctx = {
    src10: SRC_2010,
    src20: SRC_2020,
    d10,
    d20,
    res10,
    urb10,
    hukou10,
    nonAg10,
    res20,
    urb20,
    chengqu20,
    ...districtRows(cfg, d10, d20, layout),
  };
  const cityFileParts = cfg.cityFile ?? LEIII_CITY;
  const w = nonAgWeights(d10);
  const T = cityTexts(cfg, ctx, cityFileParts, w);

  // ---- checks: district sums, 城区 coverage, the prefecture file, the 2010 非农业 share ----
  const checks: Record<string, unknown>[] = [];
  const label = `${cfg.name} ${cfg.code}`;
  const sumCols = layout.sumColumns ?? { y2010: COLS_2010_SUM(), y2020: COLS_2020_SUM() };
  checks.push(checkDistrictSums(d10, sumCols.y2010, 2010, label));
  checks.push(checkDistrictSums(d20, sumCols.y2020, 2020, label));
  checks.push(coverage);

  const cf = readLeiii(cityFileParts).rows.find((r) => r['city'] === cfg.name);
  assert(cf !== undefined, `${cfg.name}: city file row`);
  assert(req(cf['popu_2020']) === res20 && req(cf['popu_urban_2020']) === urb20, 'city file 2020 totals');
  const cf10 = {
    residentPop: req(cf['popu_2010']),
    urbanPop: req(cf['popu_urban_2010']),
    ruralPop: req(cf['popu_rural_2010']),
  };
  const same10 = cf10.residentPop === res10 && cf10.urbanPop === urb10 && cf10.ruralPop === rur10;
  checks.push(
    same10
      ? { check: T.cityFileCheck, ok: true }
      : {
          check: `2020 totals equal ${rawLabel(...cityFileParts)}; 2010 totals differ`,
          countyFile: { residentPop: res10, urbanPop: urb10, ruralPop: rur10 },
          cityFile: { ...cf10, urbanPlusRural: cf10.urbanPop + cf10.ruralPop },
          ok: true,
          note: cfg.cityFile2010Note ?? 'The county-file values (sum of districts) are used throughout.',
        },
  );
  checks.push({
    check: `2010 非农业户口人口比重: district shares aggregated with two candidate denominators, compared with the city row ${sig(nonAg10 * 100, 4)}%`,
    ...w,
    conclusion: T.nonAgConclusion,
  });

  // ---- zones 2020 with the 城区/镇区 split ----
  const split = cfg.zoneSplit(ctx);
  const chengquAll = split.coreChengqu + split.countyChengqu;
  const townPop = urb20 - chengquAll;
  assert(townPop >= 0, `${cfg.name}: 城区 within urban`);
  const zoneShares = {
    core: share(split.coreChengqu, urb20),
    county: share(split.countyChengqu, urb20),
    town: share(townPop, urb20),
  };
  assert(Math.abs(zoneShares.core + zoneShares.county + zoneShares.town - 1) < 1e-6, 'zone shares sum to 1');
  const z: Zones = { split, chengquAll, townPop, zoneShares };
  const tt20 = tierTotals(ctx.districts2020);
  const zones2020 = cfg.zones2020 ? cfg.zones2020(ctx, z) : defaultZones(cfg, ctx, z);

  // ---- observed ----
  let observed = cfg.observed?.(ctx);
  if (observed === undefined) {
    const censusObs = censusObservations({ res10, urb10, hukou10, nonAg10, res20, urb20, SRC_2010, SRC_2020 });
    observed = [...censusObs, ...(cfg.published?.(ctx) ?? [])];
    observed.sort(
      (a, b) => a.year - b.year || a.metric.localeCompare(b.metric) || (a.vintage ?? '').localeCompare(b.vintage ?? ''),
    );
  }

  if (cfg.key === 'guangzhou') {
    const h = observed.find((o) => o.metric === 'hukouUrbanRate' && o.year === 2019);
    assert(h !== undefined && Math.abs(h.value - 0.799) < 0.0001, 'GZ 2019 hukou urban rate reproduces 79.90%');
    checks.push({
      check:
        'Guangzhou 2019 registration rows of the aggregator table (9,537,157; urban 7,620,415) reproduce people.com.cn "年末戶籍人口953.72萬人,城鎮化率為79.90%"',
      rate: h.value,
      ok: true,
    });
  }

  const baseYearTotals = cfg.baseYear(ctx);
  const file = await writeJson(cfg.outFile ?? `cities/${cfg.key}.json`, {
    source: T.source,
    method: T.method,
    city: layout.nameEnInCity
      ? { name: cfg.name, nameEn: cfg.nameEn, code: cfg.code, province: cfg.province }
      : { name: cfg.name, code: cfg.code, province: cfg.province },
    ...(cfg.extra ? cfg.extra(ctx) : {}),
    ...(cfg.document ? { document: cfg.document } : {}),
    ...censusSections(cfg, ctx, T, z),
    ageSex2010: ageSex(t10, c10, col2010Age, `${SRC_2010}, columns 0岁（男）… 85岁及以上（女）, city row`, res10),
    ageSex2020: ageSex(t20, c20, col2020Age, `${SRC_2020}, columns 男_0岁 … 女_85岁以上, city row`, res20),
    ...(cfg.extraAfterAgeSex ? cfg.extraAfterAgeSex(ctx) : {}),
    districts2020: ctx.districts2020,
    districts2010: ctx.districts2010,
    tierTotals2020: { ...tt20, zones: zones2020 },
    tierTotals2010: tierTotals(ctx.districts2010),
    tierAssumption: layout.tiersInAssumption
      ? { assumption: cfg.tierAssumption, tiers: cfg.tiers }
      : { assumption: cfg.tierAssumption },
    ...elsewhereAndHousing(ctx, T, layout),
    ...(cfg.extraAfterHousing ? cfg.extraAfterHousing(ctx) : {}),
    observed,
    [layout.baseYearKey]: baseYearTotals,
    sourcesFound: cfg.sourcesFound,
    checks,
    gaps: cfg.gaps,
  });
  const by = baseYearTotals as Record<string, unknown>;
  const pick = (k: string): { value: number | null; proposed: number | null } => {
    const x = (by[k] ?? {}) as { value?: number | null; proposed?: { value?: number } };
    return { value: x.value ?? null, proposed: x.proposed?.value ?? null };
  };
  return {
    file,
    summary: {
      zoneShares,
      townPop,
      ageGroups: AGE_GROUPS.length,
      baseYear: {
        year: by['year'],
        ...Object.fromEntries(
          ['residentPop', 'residentUrbanRate', 'urbanResidentPop', 'hukouPop', 'hukouUrbanRate', 'urbanHukouPop'].map(
            (k) => [k, pick(k)],
          ),
        ),
      },
      ...cfg.summary?.(ctx),
    },
  };
}

export async function buildCities(
  coverage: Record<string, unknown> = chengquCoverageCheck(),
): Promise<{ files: string[]; summary: Record<string, unknown> }> {
  const files: string[] = [];
  const summary: Record<string, unknown> = {};
  for (const cfg of [CHANGZHOU, JINZHOU, LIAOYUAN, GUANGZHOU]) {
    const r = await buildCity(cfg, coverage);
    files.push(r.file);
    summary[cfg.key] = r.summary;
  }
  return { files, summary: { cities: summary } };
}
