/**
 * data/atlas/prefectures.json: every prefecture-level unit of China (and the county-level units under a
 * province directly) with what the censuses give for the atlas (issue 18): resident and urban population
 * in 2010 and 2020 on 2020 boundaries (the leiii city table), the 2020 age-sex table, 城区 population and
 * residents registered elsewhere summed over the unit's counties (the 2020 county table), the 2010
 * registered population and non-agricultural share summed over the counties that carried the unit's code
 * in 2010 (the 2010 county table), and the 2010 age-sex table scaled from the nation's to the unit's
 * broad age shares. Each field names its source; what the censuses do not give is left to the scenario
 * builder (src/analysis/atlas-*.ts), which labels it.
 */
import { csvParse } from 'd3-dsv';
import type { AtlasPrefecture } from '../../src/analysis/atlas-scenario';
import { readFileSync } from 'node:fs';
import { LEIII_ORIGIN } from './lib/sources';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { dataDir, rawLabel, rawPath, repoRoot, sig, sum, writeJson } from './lib/util';
import { readXlsxFirstSheet } from './lib/xlsx';

const CITY_CSV = ['leiii_census', 'census_city_2010-2020_v1.csv'];
const COUNTY_2010 = ['leiii_census', 'census_county_2010_v1.xlsx'];
const COUNTY_2020 = ['leiii_census', 'census_county_2020_v1.xlsx'];
export const AGE_STARTS = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
const GROUPS_2020 = [
  '0岁',
  '1到4岁',
  '5到9岁',
  '10到14岁',
  '15到19岁',
  '20到24岁',
  '25到29岁',
  '30到34岁',
  '35到39岁',
  '40到44岁',
  '45到49岁',
  '50到54岁',
  '55到59岁',
  '60到64岁',
  '65到69岁',
  '70到74岁',
  '75到79岁',
  '80到84岁',
  '85岁以上',
];

/** One line of JSON, for a file of coordinates that formatting would make ten times longer. */
async function writeCompactJson(relPath: string, value: unknown): Promise<string> {
  const file = resolve(dataDir, relPath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value) + '\n');
  return relative(repoRoot, file);
}

export type Prefecture = AtlasPrefecture;

const num = (x: unknown): number | null => {
  const s = String(x ?? '').trim();
  if (s === '' || s === 'NA') return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
};

export function sizeClassOf(chengqu: number | null): Prefecture['sizeClass'] {
  if (chengqu === null) return null;
  if (chengqu >= 10_000_000) return 'mega';
  if (chengqu >= 5_000_000) return 'super';
  if (chengqu >= 3_000_000) return 'largeI';
  if (chengqu >= 1_000_000) return 'largeII';
  if (chengqu >= 500_000) return 'medium';
  return 'small';
}

/** Polygons of a WKT POLYGON or MULTIPOLYGON: rings of [lon, lat] pairs. */
export function parseWkt(wkt: string): number[][][][] {
  const body = wkt.trim().replace(/^(MULTI)?POLYGON\s*/i, '');
  const multi = /^MULTIPOLYGON/i.test(wkt.trim());
  const ring = (text: string) =>
    text
      .split(',')
      .map((pt) => pt.trim().split(/\s+/).map(Number))
      .filter((xy) => xy.length === 2 && xy.every(Number.isFinite));
  const polygon = (text: string) =>
    text
      .replace(/^\(|\)$/g, '')
      .split(/\)\s*,\s*\(/)
      .map((r) => ring(r.replace(/[()]/g, '')));
  if (!multi) return [polygon(body)];
  return body
    .replace(/^\(|\)$/g, '')
    .split(/\)\)\s*,\s*\(\(/)
    .map((p) => polygon(`(${p.replace(/^\(+|\)+$/g, '')})`));
}

/** Twice the planar signed area of a ring (degrees²). */
const shoelace = (r: number[][]) =>
  r.reduce((a, [x, y], i) => a + x * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * y, 0);

/** Douglas–Peucker: the points of `r` that keep it within `eps` (degrees) of the original line. */
function douglasPeucker(r: number[][], eps: number): number[][] {
  if (r.length < 5) return r;
  const keep = new Uint8Array(r.length);
  keep[0] = keep[r.length - 1] = 1;
  const stack: [number, number][] = [[0, r.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = r[a];
    const [bx, by] = r[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let far = -1;
    let dist = eps;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = r[i];
      const d = len > 0 ? Math.abs(dy * (x - ax) - dx * (y - ay)) / len : Math.hypot(x - ax, y - ay);
      if (d > dist) [far, dist] = [i, d];
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return r.filter((_, i) => keep[i]);
}

/** Rings simplified (Douglas–Peucker, `step` degrees) and rounded to 0.01°, rings under four points left out. */
export function simplify(polys: number[][][][], step = 0.02): number[][][][] {
  return polys
    .map((rings) =>
      rings
        .map((r) => {
          const out: number[][] = [];
          for (const [x, y] of douglasPeucker(r, step)) {
            const pt = [Number(x.toFixed(2)), Number(y.toFixed(2))];
            const last = out[out.length - 1];
            if (!last || last[0] !== pt[0] || last[1] !== pt[1]) out.push(pt);
          }
          return out;
        })
        // A ring of four points or fewer, or with no area left after rounding, outlines nothing.
        .filter((r) => r.length >= 4 && Math.abs(shoelace(r)) > 1e-4),
    )
    .filter((rings) => rings.length > 0);
}

/** The counties of a unit: for a prefecture (code ending 00) every county row under its first four digits. */
/** The four municipalities: their counties carry the province's two digits (天津 1202xx, 重庆 5002xx). */
const MUNICIPALITY_CODES = new Set(['110100', '120100', '310100', '500100']);

/**
 * The county rows of a unit: for a prefecture, every row under its first four digits (a municipality's
 * two); for a county-level unit, its own row.
 */
const memberOf = (unit: string) => (code: string) =>
  !unit.endsWith('00')
    ? code === unit
    : code.startsWith(unit.slice(0, MUNICIPALITY_CODES.has(unit) ? 2 : 4)) && !code.endsWith('00');

/** A unit's rows: its counties, or where it has none (东莞, 中山, 嘉峪关) its own row of the table. */
function rowsOf(rows: readonly string[][], col: number, unit: string): string[][] {
  const is = memberOf(unit);
  const own = rows.filter((r) => is(String(r[col])));
  return own.length ? own : rows.filter((r) => String(r[col]) === unit);
}

interface Table {
  readonly header: string[];
  readonly rows: string[][];
}
const table = (file: string[]): Table => {
  const [header, ...rows] = readXlsxFirstSheet(rawPath(...file));
  return { header: header.map((h) => h.replace(/\s+/g, '')), rows };
};
const colOf = (t: Table, name: string): number => {
  const k = t.header.indexOf(name);
  if (k < 0) throw new Error(`${name}: no such column in ${t.header.slice(0, 12).join(',')}…`);
  return k;
};

/** The nation's 2010 five-year age-sex table (single years grouped), scaled to a unit's broad age shares. */
const group = (v: number[]) =>
  AGE_STARTS.map((a, i) => sum(v.slice(a, i + 1 < AGE_STARTS.length ? AGE_STARTS[i + 1] : v.length)));

function scaledAges(
  grouped: { female: number[]; male: number[] },
  shares: { a0_14: number; a15_59: number; a60: number; a65: number },
  sexRatio: number,
  total: number,
): { female: number[]; male: number[] } {
  const f = grouped.female;
  const m = grouped.male;
  // A published 65+ share above the 60+ one (湘潭 2010) leaves 60–64 at none rather than below zero.
  const raw: [number, number, number][] = [
    [0, 14, shares.a0_14],
    [15, 59, shares.a15_59],
    [60, 64, Math.max(0, shares.a60 - shares.a65)],
    [65, 200, shares.a65],
  ];
  const norm = sum(raw.map((b) => b[2]));
  const bands = raw.map(([lo, hi, sh]): [number, number, number] => [lo, hi, sh / norm]);
  const female = [...f];
  const male = [...m];
  const maleShare = sexRatio / (100 + sexRatio);
  for (const [lo, hi, share] of bands) {
    const idx = AGE_STARTS.map((_, i) => i).filter((i) => AGE_STARTS[i] >= lo && AGE_STARTS[i] <= hi);
    const fb = sum(idx.map((i) => f[i]));
    const mb = sum(idx.map((i) => m[i]));
    for (const i of idx) {
      female[i] = (f[i] / fb) * share * total * (1 - maleShare);
      male[i] = (m[i] / mb) * share * total * maleShare;
    }
  }
  return { female: female.map(Math.round), male: male.map(Math.round) };
}

export async function buildAtlas(): Promise<{ files: string[]; summary: Record<string, unknown> }> {
  const cityText = readFileSync(rawPath(...CITY_CSV), 'utf8').replace(/^\uFEFF/, '');
  const cities = csvParse(cityText);
  const t20 = table(COUNTY_2020);
  const t10 = table(COUNTY_2010);
  const national2010 = JSON.parse(
    readFileSync(new URL('../../data/demography/china-2010-single-age.json', import.meta.url), 'utf8'),
  ) as { female: number[]; male: number[] };

  const c20 = {
    code: colOf(t20, '区划代码'),
    total: colOf(t20, '人口数_合计'),
    chengqu: colOf(t20, '城区人口'),
    same: colOf(t20, '户口登记地在外乡镇街道人口_本县'),
    county: colOf(t20, '户口登记地在外乡镇街道人口_本省其他县'),
    province: colOf(t20, '户口登记地在外乡镇街道人口_省外'),
    female: GROUPS_2020.map((g) => colOf(t20, `女_${g}`)),
    male: GROUPS_2020.map((g) => colOf(t20, `男_${g}`)),
  };
  const c10 = {
    code: colOf(t10, '区划代码'),
    total: colOf(t10, '合计'),
    hukou: colOf(t10, '户籍人口'),
    nonAg: colOf(t10, '非农业户口人口比重（%）'),
    birth: colOf(t10, '出生率（‰）'),
    inCounty: colOf(t10, '迁入人口（人）-本省其他县（市）、市区'),
    inProvince: colOf(t10, '迁入人口（人）-外省'),
  };
  const rows20 = t20.rows.filter((r) => /^\d{6}$/.test(String(r[c20.code])));
  const cityRows20 = new Map(
    t20.rows.filter((r) => /^\d{4}00$/.test(String(r[c20.code]))).map((r) => [String(r[c20.code]), r]),
  );
  const rows10 = t10.rows.filter((r) => /^\d{6}$/.test(String(r[c10.code])));
  const nationRow = t20.rows.find((r) => String(r[c20.code]) === 'NA' && String(r[1]) === '全国');
  if (!nationRow) throw new Error('the 2020 county table has no 全国 row');
  const nation2020 = {
    female: c20.female.map((k) => num(nationRow[k]) ?? 0),
    male: c20.male.map((k) => num(nationRow[k]) ?? 0),
  };
  const nation2010 = { female: group(national2010.female), male: group(national2010.male) };
  const sharesOf = (c: Record<string, string | undefined>, y: number) => ({
    a0_14: (num(c[`age_0_14_${y}`]) ?? NaN) / 100,
    a15_59: (num(c[`age_15_59_${y}`]) ?? NaN) / 100,
    a60: (num(c[`age_60_${y}`]) ?? NaN) / 100,
    a65: (num(c[`age_65_${y}`]) ?? NaN) / 100,
  });

  const prefectures: Prefecture[] = [];
  for (const c of cities) {
    const code = String(c.city_code);
    const own20 = rowsOf(rows20, c20.code, code);
    const p20 = num(c.popu_2020);
    const u20 = num(c.popu_urban_2020);
    let y2020: Prefecture['y2020'] = null;
    const shares20 = sharesOf(c, 2020);
    const ratio20 = num(c.male_female_2020);
    const scalable20 = Object.values(shares20).every(Number.isFinite) && ratio20 !== null;
    if (p20 !== null && u20 !== null) {
      const s = (k: number) => sum(own20.map((r) => num(r[k]) ?? 0));
      // 城区: the unit's own row (its districts' 城区); a municipality's province row; else the largest
      // county-level 城区 (an autonomous prefecture's capital city).
      const cityRow = MUNICIPALITY_CODES.has(code) ? cityRows20.get(`${code.slice(0, 2)}0000`) : cityRows20.get(code);
      let chengqu = cityRow ? num(cityRow[c20.chengqu]) : own20.length === 1 ? num(own20[0][c20.chengqu]) : null;
      let chengquFrom: 'row' | 'municipality' | 'largest-county' | null =
        chengqu === null ? null : MUNICIPALITY_CODES.has(code) ? 'municipality' : 'row';
      if (chengqu === null && own20.length) {
        const largest = Math.max(...own20.map((r) => num(r[c20.chengqu]) ?? 0));
        if (largest > 0) [chengqu, chengquFrom] = [largest, 'largest-county'];
      }
      const fromCounties = own20.length > 0 && s(c20.total) > 0;
      const national = () => {
        const k = p20 / sum([...nation2020.female, ...nation2020.male]);
        return {
          female: nation2020.female.map((x) => Math.round(x * k)),
          male: nation2020.male.map((x) => Math.round(x * k)),
        };
      };
      const ages = fromCounties
        ? { female: c20.female.map(s), male: c20.male.map(s) }
        : scalable20
          ? scaledAges(nation2020, shares20, ratio20!, p20)
          : national();
      y2020 = {
        resident: p20,
        urban: u20,
        chengqu,
        ...ages,
        ages: fromCounties ? ('counties' as const) : scalable20 ? ('scaled' as const) : ('national' as const),
        elsewhere: fromCounties
          ? { sameCounty: s(c20.same), otherCounty: s(c20.county), otherProvince: s(c20.province) }
          : null,
        counties: own20.length,
        countyTotal: fromCounties ? s(c20.total) : null,
        chengquFrom,
      };
    }
    const p10 = num(c.popu_2010);
    const u10 = num(c.popu_urban_2010);
    let y2010: Prefecture['y2010'] = null;
    const shares = sharesOf(c, 2010);
    const sexRatio = num(c.male_female_2010);
    if (p10 !== null && u10 !== null && Object.values(shares).every(Number.isFinite) && sexRatio !== null) {
      const own10 = rowsOf(rows10, c10.code, code);
      const res10 = sum(own10.map((r) => num(r[c10.total]) ?? 0));
      const hukou10 = sum(own10.map((r) => num(r[c10.hukou]) ?? 0));
      const nonAg = res10 > 0 ? sum(own10.map((r) => (num(r[c10.total]) ?? 0) * (num(r[c10.nonAg]) ?? 0))) / res10 : 0;
      // The registration of 2010 holds only where the unit's code then covered about the same people.
      const coverage = res10 > 0 ? res10 / p10 : null;
      const usable = coverage !== null && Math.abs(coverage - 1) <= 0.05 && hukou10 > 0;
      const weighted = (k: number) =>
        res10 > 0 ? sum(own10.map((r) => (num(r[c10.total]) ?? 0) * (num(r[k]) ?? 0))) / res10 : 0;
      const scale = usable ? p10 / res10 : 0;
      y2010 = {
        resident: p10,
        urban: u10,
        ...scaledAges(nation2010, shares, sexRatio, p10),
        hukou: usable ? Math.round((hukou10 * p10) / res10) : null,
        nonAgShare: usable ? sig(nonAg / 100, 4) : null,
        codeCoverage: coverage === null ? null : sig(coverage, 4),
        birthRate: usable ? sig(weighted(c10.birth), 4) : null,
        inMigrants: usable
          ? {
              otherCounty: Math.round(sum(own10.map((r) => num(r[c10.inCounty]) ?? 0)) * scale),
              otherProvince: Math.round(sum(own10.map((r) => num(r[c10.inProvince]) ?? 0)) * scale),
            }
          : null,
      };
    }
    prefectures.push({
      code,
      name: String(c.city),
      province: String(c.province),
      provinceCode: String(c.province_code),
      y2020,
      y2010,
      sizeClass: sizeClassOf(y2020?.chengqu ?? null),
    });
  }

  const runnable = prefectures.filter((p) => p.y2020 && p.y2010);
  const doc = {
    source: `github.com/leiii/census (${LEIII_ORIGIN}), MIT: ${rawLabel(...CITY_CSV)} (resident and urban population 2010 and 2020 on 2020 boundaries, broad age shares, sex ratio), ${rawLabel(...COUNTY_2020)} (2020 county rows: age-sex by five-year group, 城区人口, 户口登记地在外乡镇街道人口) and ${rawLabel(...COUNTY_2010)} (2010 county rows: 户籍人口, 非农业户口人口比重)`,
    method: [
      'y2020.female/male, elsewhere (ages "counties"): sums over the county rows whose code starts with the unit’s first four digits (the unit’s own row for a county-level unit); tests/data/atlas.test.ts checks them against the city table’s totals. Where the 2020 county table has no rows for the unit (ages "scaled"): assumption, the nation’s 2020 age-sex table (its 全国 row) scaled within the bands 0–14, 15–59, 60–64 and 65+ to the unit’s published shares and sex ratio; where the city table gives no shares either (ages "national"): the nation’s table scaled to the unit’s residents; elsewhere null.',
      'y2020.chengqu: the 2020 county table’s row of the unit (its districts’ 城区, chengquFrom "row"), a municipality’s province row ("municipality"), or where the row gives none the largest 城区 among the unit’s county-level rows ("largest-county": an autonomous prefecture’s capital, an assumption for its size class); sizeClass from it by 国发〔2014〕51号 (超大 ≥ 1000万, 特大 500–1000万, I型大 300–500万, II型大 100–300万, 中等 50–100万, 小 < 50万).',
      'y2010.female/male: assumption, the nation’s 2010 census age-sex table (data/demography/china-2010-single-age.json, grouped) scaled within the bands 0–14, 15–59, 60–64 and 65+ to the unit’s published 2010 shares and sex ratio (the 2010 county rows carry the codes of 2010, which do not match every 2020 unit).',
      'y2010.hukou, nonAgShare, birthRate, inMigrants: the 2010 county rows under the unit’s 2020 code (户籍人口, 非农业户口人口比重, 出生率, 迁入人口 from another county of the province and from another province), where they hold within 5 % of the unit’s boundary-adjusted residents (codeCoverage), scaled to them; null elsewhere (a unit whose code or boundary changed).',
    ],
    ageStarts: AGE_STARTS,
    counts: {
      units: prefectures.length,
      runnable: runnable.length,
      withHukou2010: prefectures.filter((p) => p.y2010?.hukou != null).length,
      bySizeClass: Object.fromEntries(
        ['mega', 'super', 'largeI', 'largeII', 'medium', 'small', 'null'].map((k) => [
          k,
          prefectures.filter((p) => String(p.sizeClass) === k).length,
        ]),
      ),
    },
    prefectures,
  };
  const file = await writeJson('atlas/prefectures.json', doc);
  // The map's outlines: the city table's WKT, simplified to about 2 km for the page; polygons whose rings
  // all vanish are left out with them.
  const shapes: Record<string, number[][][][]> = {};
  const names: Record<string, string> = {};
  for (const c of cities)
    if (c.coord) {
      shapes[String(c.city_code)] = simplify(parseWkt(String(c.coord)));
      names[String(c.city_code)] = String(c.city);
    }
  const boundaries = await writeCompactJson('atlas/boundaries.json', {
    source: `${rawLabel(...CITY_CSV)}, column coord (WKT polygons of the 2020 units; github.com/leiii/census, MIT)`,
    method:
      'each polygon’s rings quantised to 0.02° (about 2 km), repeated points dropped, rings under four points left out; [lon, lat] in degrees',
    names,
    shapes,
  });
  return { files: [file, boundaries], summary: { atlas: doc.counts } };
}
