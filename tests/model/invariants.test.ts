import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile';
import { validateScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import { projectChecked } from '../fixtures/invariants';
import { syntheticScenario } from '../fixtures/synthetic';

/** Random valid scenario parameters: size, rates, thresholds, quotas and overlaps drawn over their whole ranges. */
const arbParams = fc.record({
  zones: fc.integer({ min: 1, max: 4 }),
  durations: fc.integer({ min: 3, max: 20 }),
  years: fc.integer({ min: 1, max: 25 }),
  intensity: fc.double({ min: 0, max: 1, noNaN: true }),
  reclass: fc.double({ min: 0, max: 1, noNaN: true }),
  registered: fc.double({ min: 0, max: 1, noNaN: true }),
  inflow: fc.double({ min: 0, max: 500_000, noNaN: true }),
  depInitial: fc.double({ min: 0, max: 1, noNaN: true }),
  leaveRural: fc.double({ min: 0, max: 1, noNaN: true }),
  leaveUrban: fc.double({ min: 0, max: 1, noNaN: true }),
  returns: fc.double({ min: 0, max: 1, noNaN: true }),
  willing: fc.double({ min: 0, max: 1, noNaN: true }),
  speed: fc.double({ min: 0, max: 1, noNaN: true }),
  overlap: fc.double({ min: 0, max: 1, noNaN: true }),
  follow: fc.double({ min: 0, max: 1, noNaN: true }),
  insuranceYears: fc.integer({ min: 0, max: 3 }),
  quota: fc.option(fc.double({ min: 0, max: 50_000, noNaN: true }), { nil: undefined }),
  tfr: fc.double({ min: 0, max: 4, noNaN: true }),
  nonAgri: fc.boolean(),
  villagers: fc.double({ min: 0, max: 1, noNaN: true }),
  inflowRural: fc.double({ min: 0, max: 1, noNaN: true }),
  registration: fc.option(
    fc.record({
      entrants: fc.double({ min: 0, max: 200_000, noNaN: true }),
      stay: fc.double({ min: 0, max: 1, noNaN: true }),
      study: fc.integer({ min: 1, max: 8 }),
      family: fc.double({ min: 0, max: 1, noNaN: true }),
      open: fc.double({ min: 0, max: 1, noNaN: true }),
      transfer: fc.double({ min: 0, max: 300_000, noNaN: true }),
      other: fc.double({ min: 0, max: 100_000, noNaN: true }),
      otherRural: fc.double({ min: 0, max: 1, noNaN: true }),
      awayInitial: fc.double({ min: 0, max: 1, noNaN: true }),
      awayLongRun: fc.double({ min: 0, max: 1, noNaN: true }),
      otherOut: fc.double({ min: 0, max: 1, noNaN: true }),
      urbanElsewhere: fc.double({ min: 0, max: 1, noNaN: true }),
      awayMean: fc.double({ min: 0, max: 30, noNaN: true }),
    }),
    { nil: undefined },
  ),
});

type Params = typeof arbParams extends fc.Arbitrary<infer T> ? T : never;

function scenarioFrom(p: Params) {
  let s = syntheticScenario({ zones: p.zones, durations: p.durations, until: 2015 + p.years });
  const set = (ptr: string, v: unknown) => (s = setAt(s, ptr, v));
  set(
    '/targets',
    s.targets.filter((t) => t.year <= s.until),
  );
  set('/migration/ruralToUrban/intensity', p.intensity);
  set('/migration/reclassification/rate', p.reclass);
  set('/migration/reclassification/registeredShare', p.registered);
  set('/migration/inflow/persons', p.inflow);
  set('/migration/inflow/ruralShare', p.inflowRural);
  // A share of the rural residents registered elsewhere (RN), up to all of them.
  set('/base/nonLocalRuralResidents', p.villagers * (s.base.residentPop - s.base.urbanResidentPop));
  set('/migration/departure/initial', p.depInitial);
  set('/migration/away/leaveRural', p.leaveRural);
  set('/migration/away/leaveUrban', p.leaveUrban);
  set('/migration/away/returnUrban', p.returns);
  set('/migration/away/returnRural', p.returns);
  set('/policy/channelOverlap', p.overlap);
  set('/willingness/familyFollow', p.follow);
  set('/demography/fertility/tfr', p.tfr);
  if (p.nonAgri) set('/hukouDefinition', { definition: 'nonAgricultural', switchYear: 2018 });
  const r = p.registration;
  if (r) {
    const first = s.zones[0].id;
    set('/base/awayDurationMeanYears', r.awayMean);
    set('/registration', {
      student: {
        entrantsPerYear: r.entrants,
        stayShare: r.stay,
        yearsOfStudy: r.study,
        zoneShares: Object.fromEntries(s.zones.map((z) => [z.id, z.id === first ? 1 : 0])),
      },
      family: {
        rate: r.family,
        open: r.open,
        profile: [
          { from: 0, to: 17, value: 1 },
          { from: 60, to: 100, value: 2 },
        ],
      },
      transfer: {
        personsPerYear: r.transfer,
        zoneShares: Object.fromEntries(s.zones.map((z) => [z.id, 1 / s.zones.length])),
      },
      other: { personsPerYear: r.other, ruralShare: r.otherRural },
      away: { initial: r.awayInitial, longRun: r.awayLongRun, halfLifeYears: 3 },
      otherOut: { rate: r.otherOut },
      urbanElsewhereShare: r.urbanElsewhere,
    });
  }
  for (const z of s.zones) {
    set(`/willingness/base/UN/${z.id}`, p.willing);
    set(`/willingness/speed/${z.id}`, p.speed);
    set(`/policy/zones/${z.id}/channels/0/conditions/2/years`, Math.min(p.insuranceYears, p.durations));
    if (p.quota !== undefined) set(`/policy/zones/${z.id}/channels/1/quota`, p.quota);
  }
  return s;
}

describe('model invariants on every step (property-based)', () => {
  it('keeps cells ≥ 0, every state balanced by its flows, transfers cancelling, rates in [0,1]', () => {
    fc.assert(
      fc.property(arbParams, (p) => {
        const { input } = compileScenario(validateScenario(scenarioFrom(p)));
        const { problems } = projectChecked(input);
        expect(problems).toEqual([]);
      }),
      { numRuns: 60, seed: 20161 },
    );
  });

  it('keeps quotas: no channel admits more than its quota in any year', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (quota, speed) => {
          let s = syntheticScenario({ zones: 2 });
          for (const z of s.zones) {
            s = setAt(s, `/policy/zones/${z.id}/channels/0/quota`, quota);
            s = setAt(s, `/willingness/speed/${z.id}`, speed);
          }
          const { input } = compileScenario(validateScenario(s));
          const { output, problems } = projectChecked(input);
          expect(problems).toEqual([]);
          const n = output.steps + 1;
          const c = output.channelIds.indexOf('job-housing');
          // Two zones, each with its own quota on this channel.
          for (let i = 1; i < n; i++)
            expect(output.settlersByChannel[c * n + i]).toBeLessThanOrEqual(2 * quota * (1 + 1e-12) + 1e-9);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });
});
