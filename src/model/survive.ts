/**
 * Step parts 1 and 2: survival and ageing of every state, and the births of the year (MODEL.md §3), from
 * the state at the start of the year (`cur`) into `next`, each state's births and deaths in the ledger.
 */
import { addNewborns, fertileExposure, surviveVector } from './ageing';
import { AGES as AGES_, SA as SA_, type Layout } from './dims';
import {
  FERT_AW as FERT_AW_,
  FERT_CLASSES as FERT_CLASSES_,
  FERT_RA as FERT_RA_,
  FERT_UA as FERT_UA_,
  FERT_UH as FERT_UH_,
  FERT_UN as FERT_UN_,
  SURV_AWAY as SURV_AWAY_,
  SURV_CLASSES as SURV_CLASSES_,
  SURV_RURAL as SURV_RURAL_,
  SURV_URBAN as SURV_URBAN_,
  type ModelInput,
} from './input';
import {
  addToLedger,
  F_BIRTHS as F_BIRTHS_,
  F_DEATHS as F_DEATHS_,
  ST_AWR as ST_AWR_,
  ST_AWU as ST_AWU_,
  ST_RA as ST_RA_,
  ST_RN as ST_RN_,
  ST_UA as ST_UA_,
  ST_UH as ST_UH_,
  ST_UN as ST_UN_,
} from './output';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const SA = SA_;
const FERT_AW = FERT_AW_;
const FERT_CLASSES = FERT_CLASSES_;
const FERT_RA = FERT_RA_;
const FERT_UA = FERT_UA_;
const FERT_UH = FERT_UH_;
const FERT_UN = FERT_UN_;
const SURV_AWAY = SURV_AWAY_;
const SURV_CLASSES = SURV_CLASSES_;
const SURV_RURAL = SURV_RURAL_;
const SURV_URBAN = SURV_URBAN_;
const F_BIRTHS = F_BIRTHS_;
const F_DEATHS = F_DEATHS_;
const ST_AWR = ST_AWR_;
const ST_AWU = ST_AWU_;
const ST_RA = ST_RA_;
const ST_RN = ST_RN_;
const ST_UA = ST_UA_;
const ST_UH = ST_UH_;
const ST_UN = ST_UN_;

/** Survives one vector in place (same offset in `next`) and adds its births and deaths to the ledger. */
function surviveState(
  input: ModelInput,
  k: number,
  cur: Float64Array,
  next: Float64Array,
  ledger: Float64Array,
  state: number,
  off: number,
  sc: number,
  fc: number,
): void {
  const sOff = (k * SURV_CLASSES + sc) * SA;
  const fOff = (k * FERT_CLASSES + fc) * AGES;
  const lOff = (k * SURV_CLASSES + sc) * 2;
  const deaths = surviveVector(cur, off, next, off, input.survival, sOff);
  const [fa, fb] = input.fertileAges;
  const births =
    0.5 * (fertileExposure(cur, off, input.asfr, fOff, fa, fb) + fertileExposure(next, off, input.asfr, fOff, fa, fb));
  const infantDeaths = addNewborns(
    next,
    off,
    births,
    input.maleBirthShare[k],
    input.birthSurvival[lOff],
    input.birthSurvival[lOff + 1],
  );
  addToLedger(ledger, k, state, F_BIRTHS, births);
  addToLedger(ledger, k, state, F_DEATHS, deaths + infantDeaths);
}

/**
 * Survives one state kept by duration (bins at `offsetOf(d)`): survivors move to d+1 (the open bin keeps its
 * own), births enter d = 0.
 */
function surviveByDuration(
  input: ModelInput,
  k: number,
  D: number,
  cur: Float64Array,
  next: Float64Array,
  ledger: Float64Array,
  state: number,
  offsetOf: (d: number) => number,
  sc: number,
  fc: number,
): void {
  const sOff = (k * SURV_CLASSES + sc) * SA;
  const lOff = (k * SURV_CLASSES + sc) * 2;
  const fOff = (k * FERT_CLASSES + fc) * AGES;
  const { asfr } = input;
  const [fa, fb] = input.fertileAges;
  let deaths = 0;
  let startExp = 0;
  for (let d = 0; d < D; d++) {
    const from = offsetOf(d);
    deaths += surviveVector(cur, from, next, offsetOf(Math.min(d + 1, D - 1)), input.survival, sOff);
    startExp += fertileExposure(cur, from, asfr, fOff, fa, fb);
  }
  let endExp = 0;
  for (let d = 0; d < D; d++) endExp += fertileExposure(next, offsetOf(d), asfr, fOff, fa, fb);
  const births = 0.5 * (startExp + endExp);
  const lf = input.birthSurvival[lOff];
  const lm = input.birthSurvival[lOff + 1];
  const infantDeaths = addNewborns(next, offsetOf(0), births, input.maleBirthShare[k], lf, lm);
  addToLedger(ledger, k, state, F_BIRTHS, births);
  addToLedger(ledger, k, state, F_DEATHS, deaths + infantDeaths);
}

/** Survives every state of `cur` into `next` (zeroed here) and adds the births. */
export function surviveAndBear(
  input: ModelInput,
  L: Layout,
  k: number,
  cur: Float64Array,
  next: Float64Array,
  ledger: Float64Array,
): void {
  const { zones: Z, durations: D } = L.dims;
  next.fill(0);
  for (let z = 0; z < Z; z++) surviveState(input, k, cur, next, ledger, ST_UH, L.uh(z), SURV_URBAN, FERT_UH);
  surviveState(input, k, cur, next, ledger, ST_RA, L.ra, SURV_RURAL, FERT_RA);
  // Non-local villagers: rural mortality, migrants' fertility.
  surviveState(input, k, cur, next, ledger, ST_RN, L.rn, SURV_RURAL, FERT_UN);
  // Children born away are counted from d = 0: the years away are the child's own.
  surviveByDuration(input, k, D, cur, next, ledger, ST_AWU, L.awu, SURV_AWAY, FERT_AW);
  surviveByDuration(input, k, D, cur, next, ledger, ST_AWR, L.awr, SURV_AWAY, FERT_AW);
  for (let z = 0; z < Z; z++) {
    surviveByDuration(input, k, D, cur, next, ledger, ST_UA, (d) => L.ua(z, d), SURV_URBAN, FERT_UA);
    surviveByDuration(input, k, D, cur, next, ledger, ST_UN, (d) => L.un(z, d), SURV_URBAN, FERT_UN);
  }
}
