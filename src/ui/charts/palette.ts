/**
 * The dashboard's colours: the Okabe–Ito palette (safe for the common forms of colour blindness), with
 * one colour per meaning kept across charts, so that a state, an origin or a payer looks the same
 * wherever it appears. Local rural-registered settlers come from UA and share its colour; settlers
 * registered elsewhere come from UN and share its colour; the municipal payer and the municipal net
 * burden share vermillion.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#8C8C8C',
} as const;

const C = OKABE_ITO;

/** The two rates and the gap between them. */
export const RATE_COLORS = { resident: C.vermillion, hukou: C.blue, gap: '#595959' } as const;

/** Registration states of the pyramid (AWU and AWR are not residents and are not drawn). */
export const STATE_COLORS = { UH: C.blue, UA: C.orange, UN: C.vermillion, RA: C.green, RN: C.purple } as const;

export const ORIGIN_COLORS = {
  localRural: STATE_COLORS.UA,
  elsewhere: STATE_COLORS.UN,
  ruralElsewhere: STATE_COLORS.UN,
  urbanElsewhere: C.skyBlue,
} as const;

/** The register's doors: move-ins above the axis, move-outs below (settlement as UN, its origin). */
export const REGISTRATION_COLORS = {
  in: { settlement: STATE_COLORS.UN, student: C.skyBlue, family: C.orange, transfer: C.blue, other: C.grey },
  out: { away: C.green, student: C.yellow, other: C.purple },
} as const;

export const PAYER_COLORS = {
  central: C.blue,
  provincial: C.skyBlue,
  municipal: C.vermillion,
  county: C.orange,
  employer: C.green,
  individual: C.purple,
  origin: C.grey,
} as const;

/** Money lines of the transfers chart. */
export const MONEY_COLORS = { cost: C.black, transfers: C.blue, municipalNet: PAYER_COLORS.municipal } as const;

/** Land: new urban land (green), rural land reclaimed (orange, below the axis), the net (black line). */
export const LAND_COLORS = { annual: C.green, reclaimed: C.orange, net: C.black } as const;

/** Per-settler lines: cost (the municipal-burden hue) and transfer (the transfers hue). */
export const PER_SETTLER_COLORS = { annual: C.vermillion, transfer: C.blue } as const;

/**
 * For categories named by the scenario (channels, zones, cost components): the i-th in the scenario's
 * order takes the i-th colour, so the same channel keeps its colour in every chart of one scenario.
 * Yellow comes late: it has the least contrast on white.
 */
const CYCLE = [C.blue, C.orange, C.green, C.purple, C.skyBlue, C.vermillion, C.grey, C.yellow, C.black] as const;

export const categoryColor = (i: number): string => CYCLE[((i % CYCLE.length) + CYCLE.length) % CYCLE.length];

/**
 * Zones (urban tiers, core first) in the non-registered chart: warm hues, as the people counted there are
 * UA (orange) and UN (vermillion), ordered dark to light so the tiers stay apart by lightness alone.
 */
const ZONE_RAMP = ['#8F3A00', C.vermillion, C.orange, '#F0C76B', '#F7E3B0'] as const;

export const zoneColor = (i: number): string => ZONE_RAMP[Math.min(Math.max(i, 0), ZONE_RAMP.length - 1)];
