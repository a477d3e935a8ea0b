import { describe, expect, it } from 'vitest';
import { runCityImport } from '../../src/cli/city';
import { PROJECT_ROOT } from '../../src/runner/node-loader';
import { parseCityCsv, parseCityJson } from '../../src/scenario/import-city';

// The fixture is Liaoyuan's 2020 census population by 5-year group and sex (shared/data/raw/leiii_census).
const FIXTURE = 'tests/fixtures/import/liaoyuan-2020.csv';

describe('bring your own city: parsing', () => {
  it('reads total or urban/rural columns and checks every line', () => {
    const ok = parseCityCsv('age,female,male\n0,10,11\n1-4,40,41\n5+,500,480\n', 'x.csv');
    expect(ok.issues).toEqual([]);
    expect(ok.population!.total).toMatchObject({ ageStarts: [0, 1, 5], female: [10, 40, 500], male: [11, 41, 480] });
    const split = parseCityCsv(
      'age,female_urban,male_urban,female_rural,male_rural\n0,1,2,3,4\n1+,10,20,30,40\n',
      's.csv',
    );
    expect(split.population!.total.female).toEqual([4, 40]);
    expect(split.population!.rural!.male).toEqual([4, 40]);
  });

  it('names the line and column of every problem', () => {
    const bad = parseCityCsv('age,female,male\n0,10,x\n2-4,-3,5\n85,1,1\n', 'b.csv');
    expect(bad.population).toBeNull();
    expect(bad.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'b.csv:2: column male: "x" is not a number',
      'b.csv:3: column female: -3 is negative',
      'b.csv:3: age group starts at 2, expected 1 (groups must follow each other from 0)',
      'b.csv:4: age group starts at 85, expected 5 (groups must follow each other from 0)',
      'b.csv:4: the last age group must be open ("85+") or end at 100',
    ]);
    expect(parseCityCsv('age,women,men\n0,1,1\n', 'h.csv').issues[0].message).toMatch(/missing column "female"/);
    expect(
      parseCityJson('{"ageStarts":[0,5],"female":[1],"male":[1,"a"]}', 'j.json').issues.map((i) => i.path),
    ).toEqual(['j.json#/female', 'j.json#/male/1']);
  });
});

describe('npm run city', () => {
  const args = [
    '--id',
    'liaoyuan-import',
    '--name',
    '辽源（导入）',
    '--base-year',
    '2019',
    '--resident',
    '996903',
    '--urban',
    '575248',
    '--hukou',
    '1000000',
    '--urban-hukou',
    '480000',
  ];

  it('makes a city part that runs with a package, sources saying what was imported and what was copied', () => {
    const out = runCityImport([FIXTURE, ...args], PROJECT_ROOT);
    expect(out.code).toBe(0);
    const part = JSON.parse(out.stdout) as {
      base: { residentPop: number; ageStructure: { ageStarts: number[] } };
      sources: Record<string, string>;
    };
    expect(part.base.residentPop).toBe(996_903);
    expect(part.base.ageStructure.ageStarts).toHaveLength(19);
    expect(part.sources['/base/ageStructure']).toMatch(/imported from tests\/fixtures\/import\/liaoyuan-2020\.csv/);
    expect(part.sources['/migration']).toMatch(/copied from the template scenarios\/cities\/changzhou\.json/);
  });

  it('refuses bad flags and bad tables with exit code 2, nothing on stdout', () => {
    const out = runCityImport([FIXTURE, '--id', 'X', '--resident', 'lots'], PROJECT_ROOT);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^--name: is required$/m);
    expect(out.stderr).toMatch(/^--resident: "lots" is not a number ≥ 0$/m);
    expect(out.stderr).toMatch(/^--id: must be lower-case/m);
  });

  it('warns when the totals cannot all hold', () => {
    const out = runCityImport(
      [FIXTURE, ...args.slice(0, -4), '--hukou', '1200000', '--urban-hukou', '480000'],
      PROJECT_ROOT,
    );
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^warning: base-year decomposition: residents registered elsewhere/m);
  });

  it('reads no file outside the project for --like, and refuses a directory or a missing folder, naming the flag', () => {
    const bad = (extra: string[]) => runCityImport([FIXTURE, ...args, ...extra], PROJECT_ROOT);
    for (const like of ['/etc/passwd', '../../etc/passwd', 'scenarios', 'scenarios/cities/nowhere.json']) {
      const out = bad(['--like', like]);
      expect(out.code, like).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^--like: /m);
      // Nothing of the file is echoed (the first line of /etc/passwd once was).
      expect(out.stderr).not.toMatch(/root:/);
    }
    const out = bad(['--out', 'no-such-folder/city.json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^--out: no-such-folder\/city\.json: the folder .* does not exist$/m);
    const dir = runCityImport(['tests', ...args], PROJECT_ROOT);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/^tests: is a directory, not a table$/m);
  });

  it('warns when the age table and the resident total disagree (it passed without a word)', () => {
    const at = args.indexOf('--resident');
    const fewer = [...args.slice(0, at + 1), '600000', ...args.slice(at + 2)];
    const urbanAt = fewer.indexOf('--urban');
    fewer[urbanAt + 1] = '400000';
    const out = runCityImport([FIXTURE, ...fewer], PROJECT_ROOT);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      /^warning: base-year decomposition: the age table \/base\/ageStructure holds 996,903 people against residentPop 600,000 \(\+66 %\)/m,
    );
    // The published case: table and total agree, no such warning.
    expect(runCityImport([FIXTURE, ...args], PROJECT_ROOT).stderr).not.toMatch(/the age table/);
  });
});
