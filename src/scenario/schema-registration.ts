/** The registration part of the scenario schema: the register's doors besides policy settlement. */
import { z } from 'zod';
import { AgeBands, nonNeg, PathNonNeg, PathShare, share, ZoneMap } from './schema-base';

/**
 * The register's doors besides policy settlement (MODEL.md §3 "Registration flows"). Every rate is per year.
 * Without this part the register only gains by settlement and births and loses by deaths.
 */
export const Registration = z.strictObject({
  /** College entrants from elsewhere who take a collective registration here; some graduates leave again. */
  student: z.strictObject({
    entrantsPerYear: PathNonNeg,
    /** Share of graduates who stay with their registration (the rest move it out on graduating). */
    stayShare: PathShare,
    yearsOfStudy: z.int().min(1).max(8),
    /** Zones of the colleges. */
    zoneShares: ZoneMap(share),
  }),
  /** 投靠: spouses, minor children and elderly parents joining registered urban residents. */
  family: z.strictObject({
    /** Move-ins per registered urban resident (UH) per year when family reunion is fully open. */
    rate: PathShare,
    /** How far the package opens family reunion: 1 as the documents (投靠 admitted), 0 closed. */
    open: PathShare,
    /** Relative age-sex profile of the movers. */
    profile: AgeBands,
  }),
  /** People who already hold an urban registration elsewhere: job transfers, talent, urban-to-urban moves. */
  transfer: z.strictObject({ personsPerYear: PathNonNeg, zoneShares: ZoneMap(share) }),
  /** Other move-ins (e.g. marriage into a village, discharged servicemen), a share to a rural registration. */
  other: z.strictObject({ personsPerYear: PathNonNeg, ruralShare: PathShare }),
  /** Registered people living away who move their registration where they live: hazard by completed years away. */
  away: z.strictObject({
    initial: share,
    longRun: share,
    halfLifeYears: nonNeg,
    /**
     * The hazard of a rural registration relative to an urban one (default 1): a rural registration carries
     * land contract, homestead and collective rights that people keep when they live elsewhere.
     */
    ruralRelative: share.optional(),
  }),
  /** Registered residents who leave with their registration (enlistment, emigration, work), per person. */
  otherOut: z.strictObject({ rate: PathShare }),
  /** Of the residents registered elsewhere (UN), the share whose registration there is urban. */
  urbanElsewhereShare: share,
});
export type RegistrationSpec = z.infer<typeof Registration>;
