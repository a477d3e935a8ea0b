/**
 * The catalogue of bad inputs: each must be refused with a message that
 * names the field and the problem, and every problem is reported, not only
 * the first.
 */
import { describe, expect, it } from 'vitest';
import { resolveIncludes } from '../../src/scenario/include';
import { loadScenario, parseJsonText, validateScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import { MAX_FILE_BYTES } from '../../src/scenario/schema';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { runResolved } from '../../src/scenario/run';
import { syntheticScenario } from '../fixtures/synthetic';
import { bad, issuesOf } from '../fixtures/issues';

describe('bad scenario input', () => {
  it('accepts the valid fixture (so the catalogue tests what it claims)', () => {
    expect(() => validateScenario(syntheticScenario())).not.toThrow();
  });

  const catalogue: [string, string, unknown, RegExp][] = [
    ['wrong type', '/base/residentPop', 'many', /^\/base\/residentPop: must be a number$/],
    ['NaN', '/migration/inflow/persons', Number.NaN, /^\/migration\/inflow\/persons: must be a number/],
    ['negative population', '/base/hukouPop', -5, /^\/base\/hukouPop: must be ≥ 0$/],
    ['rate above 1', '/policy/channelOverlap', 1.5, /^\/policy\/channelOverlap: must be ≤ 1$/],
    [
      'share above 1 in a year path',
      '/willingness/serviceLevel',
      { '2020': 1.2 },
      /^\/willingness\/serviceLevel\/2020: must be ≤ 1$/,
    ],
    [
      'more non-local villagers than rural residents',
      '/base/nonLocalRuralResidents',
      1e9,
      /^\/base\/nonLocalRuralResidents: cannot exceed the rural residents \(residentPop − urbanResidentPop\)$/,
    ],
    ['wrong version', '/version', 2, /^\/version: must be 1 \(this program reads scenario version 1\)$/],
    ['bad zone id', '/zones/0/id', 'Core!', /^\/zones\/0\/id: must be lower-case letters/],
    [
      'unknown condition type',
      '/policy/zones/core/channels/0/conditions/0',
      { type: 'lottery' },
      /^\/policy\/zones\/core\/channels\/0\/conditions\/0\/type: must have a "type" of open/,
    ],
    [
      'shares not adding to 1',
      '/base/urbanZoneShares/core',
      0.9,
      /^\/base\/urbanZoneShares: shares must add up to 1, they add up to 1\.5666/,
    ],
    [
      'zone map missing a zone',
      '/willingness/speed',
      { core: 0.3, county: 0.3 },
      /^\/willingness\/speed\/town: missing for zone "town"$/,
    ],
    [
      'threshold beyond the duration dimension',
      '/policy/zones/core/channels/0/conditions/0',
      { type: 'residence', years: 20 },
      /conditions\/0\/years: must be at most 15/,
    ],
    ['horizon before the base year', '/until', 2010, /^\/until: must be after baseYear \(2015\)$/],
    ['target before the base year', '/targets/0/year', 2015, /^\/targets\/0\/year: must be after baseYear \(2015\)$/],
    ['urban above total', '/base/urbanResidentPop', 2_000_000, /^\/base\/urbanResidentPop: cannot exceed residentPop$/],
    [
      'insurance persistence above 1',
      '/population/UN/insuranceStay',
      1.2,
      /^\/population\/UN\/insuranceStay: must be ≤ 1$/,
    ],
    [
      'an unknown way of counting insured years',
      '/policy/zones/core/channels/0/conditions/2/counting',
      'sometimes',
      /^\/policy\/zones\/core\/channels\/0\/conditions\/2\/counting: must be cumulative \(累计/,
    ],
  ];
  for (const [what, pointer, value, expected] of catalogue) {
    it(`refuses ${what}`, () => {
      const issues = bad(pointer, value);
      expect(
        issues.some((m) => expected.test(m)),
        `got:\n${issues.join('\n')}`,
      ).toBe(true);
    });
  }

  it('refuses an insurance persistence that cannot keep the coverage as the stationary share', () => {
    const base = syntheticScenario();
    // UA keeps coverage 0.5, where any stay is possible; UN (a copy: the fixture shares one object) gets 0.8.
    let s = setAt(base, '/population/UN', { ...base.population.UN, insuranceCoverage: 0.8, insuranceStay: 0.5 });
    s = setAt(s, '/population/UA/insuranceStay', 0.2);
    expect(issuesOf(() => validateScenario(s))).toEqual([
      '/population/UN/insuranceStay: with coverage 0.8 it must be ≥ 0.75 (else the uncovered would have to start more than surely: q = π(1 − p)/(1 − π) > 1)',
    ]);
    // The bound itself is accepted (q = 1), and so is any stay at coverage ≤ 1/2.
    expect(() => validateScenario(setAt(s, '/population/UN/insuranceStay', 0.75))).not.toThrow();
  });

  describe('the registration part', () => {
    const withRegistration = () => {
      const s = syntheticScenario();
      const zones = (f: (id: string, i: number) => number) =>
        Object.fromEntries(s.zones.map((z, i) => [z.id, f(z.id, i)]));
      return setAt(s, '/registration', {
        student: {
          entrantsPerYear: 1000,
          stayShare: 0.5,
          yearsOfStudy: 4,
          zoneShares: zones((_, i) => (i === 0 ? 1 : 0)),
        },
        family: { rate: 0.001, open: 1, profile: [{ from: 0, to: 100, value: 1 }] },
        transfer: { personsPerYear: 500, zoneShares: zones(() => 1 / s.zones.length) },
        other: { personsPerYear: 0, ruralShare: 0 },
        away: { initial: 0, longRun: 0.02, halfLifeYears: 5, ruralRelative: 0.5 },
        otherOut: { rate: 0 },
        urbanElsewhereShare: 0.2,
      });
    };
    const badReg = (pointer: string, value: unknown) =>
      issuesOf(() => validateScenario(setAt(withRegistration(), pointer, value)));
    it('accepts the valid part', () => expect(() => validateScenario(withRegistration())).not.toThrow());
    const cases: [string, string, unknown, RegExp][] = [
      [
        'a share of graduates staying above 1',
        '/registration/student/stayShare',
        1.5,
        /^\/registration\/student\/stayShare: must be ≤ 1$/,
      ],
      ['a negative family rate', '/registration/family/rate', -0.01, /^\/registration\/family\/rate: must be ≥ 0$/],
      [
        'a negative rate in a year path',
        '/registration/otherOut/rate',
        { '2016': 0.01, '2020': -0.2 },
        /^\/registration\/otherOut\/rate\/2020: must be ≥ 0$/,
      ],
      [
        'negative transfers',
        '/registration/transfer/personsPerYear',
        -5,
        /^\/registration\/transfer\/personsPerYear: must be ≥ 0$/,
      ],
      [
        'a relative hazard above 1',
        '/registration/away/ruralRelative',
        2,
        /^\/registration\/away\/ruralRelative: must be ≤ 1$/,
      ],
      [
        'a share of urban registrations elsewhere below 0',
        '/registration/urbanElsewhereShare',
        -0.1,
        /^\/registration\/urbanElsewhereShare: must be ≥ 0$/,
      ],
      ['zero years of study', '/registration/student/yearsOfStudy', 0, /^\/registration\/student\/yearsOfStudy: /],
      [
        'zone shares not adding up to 1',
        '/registration/transfer/zoneShares/core',
        0.9,
        /^\/registration\/transfer\/zoneShares: shares must add up to 1/,
      ],
      [
        'a family profile without any weight',
        '/registration/family/profile',
        [{ from: 0, to: 100, value: 0 }],
        /^\/registration\/family\/profile: needs a positive weight/,
      ],
      [
        'a negative weight in the family profile',
        '/registration/family/profile/0/value',
        -1,
        /^\/registration\/family\/profile\/0\/value: must be ≥ 0/,
      ],
      [
        'negative years away at the base',
        '/base/awayDurationMeanYears',
        -1,
        /^\/base\/awayDurationMeanYears: must be ≥ 0$/,
      ],
    ];
    for (const [what, pointer, value, expected] of cases) {
      it(`refuses ${what}`, () => {
        const issues = badReg(pointer, value);
        expect(
          issues.some((m) => expected.test(m)),
          issues.join('\n'),
        ).toBe(true);
      });
    }
  });

  it('refuses an unknown field, naming it', () => {
    const s = { ...syntheticScenario(), colour: 'red' };
    expect(issuesOf(() => validateScenario(s))).toContain(
      '/colour: unknown field (check the spelling; the format does not allow extra fields)',
    );
  });

  it('refuses a missing field, naming it', () => {
    const s: Record<string, unknown> = { ...syntheticScenario() };
    delete s.baseYear;
    expect(issuesOf(() => validateScenario(s))).toContain('/baseYear: is required but missing');
  });

  it('reports every problem at once, not only the first', () => {
    let s = syntheticScenario();
    s = setAt(s, '/base/residentPop', -1);
    s = setAt(s, '/policy/channelOverlap', 2);
    s = setAt(s, '/version', 3);
    expect(issuesOf(() => validateScenario(s)).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses broken JSON with the parser’s position', () => {
    const issues = issuesOf(() => parseJsonText('{"version": 1,,}', 'x.json'));
    expect(issues[0]).toMatch(/^x\.json: not valid JSON: .*position|column/);
  });

  it('refuses an oversized file before parsing it', () => {
    const big = '[' + '0,'.repeat(MAX_FILE_BYTES / 2) + '0]';
    expect(issuesOf(() => parseJsonText(big, 'big.json'))[0]).toMatch(
      /^big\.json: file is 5\.0 MB; the limit is 5 MB$/,
    );
  });

  it('refuses a data reference to a missing file, and a data file with bad content', () => {
    let s = syntheticScenario();
    s = setAt(s, '/base/ageStructure', { $data: 'data/nowhere.json' });
    expect(issuesOf(() => loadScenario(s, nodeDataLoader()))).toContain(
      '/base/ageStructure/$data: data file data/nowhere.json not found',
    );
    const loader = (f: string) =>
      f === 'data/bad.json' ? { t: { ageStarts: [0, 5], female: [1, -2], male: [1] } } : undefined;
    s = setAt(s, '/base/ageStructure', { $data: 'data/bad.json#/t' });
    const issues = issuesOf(() => loadScenario(s, loader));
    expect(issues).toContain('data/bad.json#/t/female/1: must be ≥ 0');
    expect(issues).toContain('data/bad.json#/t/male: has 1 values but ageStarts has 2');
  });

  it('refuses fiscal parts that do not add up or name nothing', () => {
    const cz = resolveIncludes(
      JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')),
      nodeDataLoader(),
    ).doc;
    let s = setAt(cz, '/fiscal/components/0/payers/municipal', 0.9);
    s = setAt(s, '/fiscal/land/noLandZones', ['harbour']);
    s = setAt(s, '/timeline', [{ year: 2018, set: { '/fiscal/discountRate': 0.05 } }]);
    const issues = issuesOf(() => validateScenario(s));
    expect(issues).toContain('/fiscal/components/0/payers: payer shares must add up to 1');
    const again = issuesOf(() => validateScenario(setAt(s, '/fiscal/components/0/payers/municipal', 0.6)));
    expect(again).toContain('/fiscal/land/noLandZones/0: "harbour" is not a zone of this scenario');
    expect(again).toContain(
      '/timeline/0/set/~1fiscal~1discountRate: fiscal levers hold for the whole horizon; use a year path where the field takes one',
    );
  });

  describe('the fiscal incidence inputs', () => {
    const cz = resolveIncludes(
      JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')),
      nodeDataLoader(),
    ).doc;
    const cases: [string, string, unknown, RegExp][] = [
      [
        'an origin share above 1',
        '/fiscal/components/5/originShare',
        1.5,
        /^\/fiscal\/components\/5\/originShare: must be ≤ 1$/,
      ],
      [
        'a negative waiting period',
        '/fiscal/components/1/afterYears',
        -1,
        /^\/fiscal\/components\/1\/afterYears: must be ≥ 0$/,
      ],
      [
        'a waiting period in fractions',
        '/fiscal/components/1/afterYears',
        2.5,
        /^\/fiscal\/components\/1\/afterYears: must be a whole number/,
      ],
      ['an unknown recipient', '/fiscal/components/0/appliesTo', 'everyone', /^\/fiscal\/components\/0\/appliesTo: /],
      [
        'a waiting period for new urban residents',
        '/fiscal/components/0/afterYears',
        2,
        /^\/fiscal\/components\/0\/afterYears: a cost for new urban residents has no waiting period/,
      ],
      [
        'a negative reward fund',
        '/fiscal/transfers/reward/fund',
        { '2019': -1 },
        /^\/fiscal\/transfers\/reward\/fund\/2019: must be ≥ 0$/,
      ],
      [
        'a service path above 1',
        '/fiscal/components/2/serviceLevel/2020',
        1.2,
        /^\/fiscal\/components\/2\/serviceLevel\/2020: must be ≤ 1$/,
      ],
    ];
    for (const [what, pointer, value, expected] of cases)
      it(`refuses ${what}`, () => {
        const issues = issuesOf(() => validateScenario(setAt(cz, pointer, value)));
        expect(
          issues.some((m) => expected.test(m)),
          issues.join('\n'),
        ).toBe(true);
      });

    it('refuses a payer share above 1 set on its own, rather than rebalancing the others below 0', () => {
      const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
      const issues = issuesOf(() =>
        loadScenario(raw, nodeDataLoader(), [{ pointer: '/fiscal/components/0/payers/municipal', value: 1.5 }]),
      );
      expect(issues).toContain('/fiscal/components/0/payers/municipal: must be ≤ 1');
    });
  });

  it('reports an invalid timeline value at the entry that set it, with its year (it named the base field)', () => {
    const s = validateScenario(
      setAt(syntheticScenario(), '/timeline', [
        { year: 2017, set: { '/willingness/serviceLevel': 0.5 } },
        { year: 2018, set: { '/policy/channelOverlap': 2, '/willingness/familyFollow': { '2019': 1.5 } } },
      ]),
    );
    const issues = issuesOf(() => runResolved(s));
    expect(issues).toContain('/timeline/1/set/~1policy~1channelOverlap: must be ≤ 1 (in force from 2018)');
    expect(
      issues.some((i) =>
        i.startsWith('/timeline/1/set/~1willingness~1familyFollow: /willingness/familyFollow/2019: must be'),
      ),
    ).toBe(true);
  });

  it('refuses a timeline or source pointer that names nothing', () => {
    let s = syntheticScenario();
    s = setAt(s, '/timeline', [{ year: 2018, set: { '/policy/nothing': 1 } }]);
    s = setAt(s, '/sources', { '/base/nope': 'x' });
    const issues = issuesOf(() => validateScenario(s));
    expect(issues).toContain(
      '/timeline/0/set/~1policy~1nothing: pointer /policy/nothing names nothing in the scenario',
    );
    expect(issues).toContain('/sources/~1base~1nope: pointer /base/nope names nothing in the scenario');
  });
});
