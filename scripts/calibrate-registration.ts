/**
 * The one calibrated number of each preset's registration part: the net registration migration of the years
 * up to the base year (published registered population and, where published, registered births and deaths;
 * see each city file's sources) is met in the first projected year by the doors other than policy settlement.
 * Growing registers solve for /registration/transfer/personsPerYear, shrinking ones for
 * /registration/away/longRun. Prints the values to copy into scenarios/cities/*.json.
 *
 *   npx tsx scripts/calibrate-registration.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader, PROJECT_ROOT } from '../src/runner/node-loader';
import { runScenario } from '../src/runner/run';

/** Net registration migration per year before the base year (persons), with how it was derived. */
const TARGETS: Record<string, { net: number; solve: 'transfer' | 'away'; how: string }> = {
  guangzhou: {
    net: 18_382,
    solve: 'transfer',
    how: 'register 2010 8,061,370 → 2015 8,541,913 (+96,109 a year) less the natural increase of the registered, 77,727 a year (published births − deaths 2010: 99,779 − 45,571; 2015: 150,403 − 49,158; mean of the two)',
  },
  changzhou: {
    net: 13_171,
    solve: 'transfer',
    how: "register 2013 3,659,100 → 2015 3,708,500 (+24,700 a year) less the model's natural increase of the registered in the first year, 11,529 (no published registered births and deaths before 2016)",
  },
  liaoyuan: {
    net: -3_220,
    solve: 'away',
    how: "2010 census count of the registered 1,231,270 (Nov 2010) → register 2016 1,197,995: −5,393 a year over 6.17 years, less the model's natural change of the registered in the first year, −2,173 (two vintages: the census count and the register; no earlier register figure found)",
  },
  jinzhou: {
    net: -3_737,
    solve: 'away',
    how: "2010 census count of the registered 3,086,773 (Nov 2010) → base 2017 2,971,200 (itself 2018's register carried back): −16,119 a year over 7.17 years, less the model's natural change of the registered in the first year, −12,382 (two vintages)",
  },
  'meizhou-proxy': {
    net: 3_308,
    solve: 'transfer',
    how: "register 2008 5,052,800 → base 2015 5,323,300 (a placeholder): +38,643 a year, less the model's natural increase of the registered in the first year, 35,335",
  },
};
const PRESET_OF: Record<string, string> = {
  guangzhou: 'guangzhou',
  changzhou: 'changzhou-2016',
  liaoyuan: 'liaoyuan',
  jinzhou: 'jinzhou-2017',
  'meizhou-proxy': 'doc001-package',
};

const load = nodeDataLoader();
function netOtherDoors(preset: string, pointer: string, value: number): number {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${preset}.json`), 'utf8'));
  const base = (raw.baseYear ?? 0) as number;
  const overrides = [{ pointer, value }];
  const r = runScenario(raw, load, base ? [...overrides, { pointer: '/until', value: base + 1 }] : overrides).result;
  const s = r.series;
  return (s.registrationIn[1] ?? 0) - (s.registrationInByReason.settlement[1] ?? 0) - (s.registrationOut[1] ?? 0);
}

for (const [city, t] of Object.entries(TARGETS)) {
  const preset = PRESET_OF[city];
  let value: number;
  if (t.solve === 'transfer') {
    const ptr = '/registration/transfer/personsPerYear';
    // The net is linear in the transfers: one run at 0 gives the rest.
    value = Math.max(0, Math.round(t.net - netOtherDoors(preset, ptr, 0)));
  } else {
    const ptr = '/registration/away/longRun';
    let lo = 0;
    let hi = 1;
    for (let it = 0; it < 40; it++) {
      const mid = (lo + hi) / 2;
      if (netOtherDoors(preset, ptr, mid) > t.net) lo = mid;
      else hi = mid;
    }
    value = Number(((lo + hi) / 2).toPrecision(3));
  }
  console.log(`${city}: ${t.solve} = ${value}  (net ${t.net}: ${t.how})`);
}
