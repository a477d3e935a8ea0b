/**
 * The fiscal part's inputs and outputs as the model reads and writes them (MODEL.md §7): payers,
 * compiled cost components, transfers, and the accounts computeFiscal returns (fiscal.ts).
 */
/** Who pays, in the order of every payer array; `origin` is the settlers' area of origin (户籍迁出地). */
export const PAYERS = ['central', 'provincial', 'municipal', 'county', 'employer', 'individual', 'origin'] as const;
export type Payer = (typeof PAYERS)[number];
/** The payers a component's shares name; `origin` gets only what `originShare` leaves with it. */
export const SHARE_PAYERS = PAYERS.slice(0, 6) as readonly Exclude<Payer, 'origin'>[];

export interface FiscalComponent {
  readonly id: string;
  /** One-off per new settler, or annual per person. */
  readonly kind: 'oneOff' | 'annual';
  /** Base-year yuan per person (take-up included), by sex × age (for one-offs: the settler's age). */
  readonly perPerson: Float64Array;
  /** The share of the people concerned who take it up (already in `perPerson`). */
  readonly takeUp: number;
  /** Real growth rate per year of the per-person amount. */
  readonly realGrowth: number;
  /** Shares of the payers (sum 1, `origin` 0), in the order of {@link PAYERS}. */
  readonly payers: Float64Array;
  /** Who it is for: settlers, or net new urban residents (a one-off on arrival, an annual cost on all since the base year). */
  readonly appliesTo: 'settlers' | 'newUrbanResidents';
  /** Years after settlement before the component applies (0: from the year of settlement). */
  readonly afterYears: number;
  /** The component's own service level for non-registered residents per year index, or null for S(t). */
  readonly serviceLevel: Float64Array | null;
  /** Share of the cost of settlers registered elsewhere that their area of origin bears. */
  readonly originShare: number;
  /** For a training component: the share already trained in the base year (else null). */
  readonly trainingBase: number | null;
}

export interface FiscalInput {
  readonly components: readonly FiscalComponent[];
  /** Residence-permit service level S per year index (length steps + 1). */
  readonly serviceLevel: Float64Array;
  readonly discountRate: number;
  /** Reward per person settled (元/人), by origin: same city (UA), elsewhere in the province, another province. */
  readonly reward: {
    readonly sameCity: number;
    readonly inProvince: number;
    readonly otherProvince: number;
    /** Share of settlers registered elsewhere (UN) who come from another province. */
    readonly otherProvinceShare: number;
    /** Share of the reward paid k years after settlement (k = 0 the year itself); tapering (退坡). */
    readonly taper: readonly number[];
  };
  /**
   * General transfer for people registered elsewhere: the per-capita standard (元/人) × (those who
   * settled, now counted as registered, + w × those still not registered), w per year index
   * (0 = registration-based formula, 1 = resident-based). Local rural-registered residents (UA) are
   * registered here and counted either way, so they are no part of the linkage.
   */
  readonly generalWeight: Float64Array;
  readonly generalPerCapita: number;
  /** Construction-investment subsidy per person settled (元/人). */
  readonly investmentSubsidy: number;
  /**
   * A reward fund of fixed annual size (元) per year index (NaN where none is given): the whole fund is the
   * reward of that year, in place of the per-settler rates (the national preset: the central fund itself).
   */
  readonly rewardFund: Float64Array | null;
  /** How the city passes receipts on to its zones: by this year's settlers or by urban population. */
  readonly allocation: 'settlers' | 'population';
  /** New construction land per settler (m²), by zone. */
  readonly landPerSettler: Float64Array;
  /**
   * 增减挂钩: rural construction land reclaimed from the vacated homesteads of local rural settlers, m² per
   * settler whose homestead is given up, and the share who give it up; null where the scenario gives none.
   */
  readonly landReclaim: { readonly m2PerPerson: number; readonly exitShare: number } | null;
}

export interface FiscalOutput {
  /** Cost per component: index `c * n + i` (元). */
  readonly costByComponent: Float64Array;
  /** Cost per payer: index `p * n + i`. */
  readonly costByPayer: Float64Array;
  readonly totalCost: Float64Array;
  /** Cost of settlers (annual package and one-offs), of non-registered residents (package × S) and of new urban residents. */
  readonly costSettlers: Float64Array;
  readonly costNonRegistered: Float64Array;
  readonly costNewUrban: Float64Array;
  /** Net growth of the urban population by migration (persons; 0 where it shrinks). */
  readonly newUrbanResidents: Float64Array;
  readonly reward: Float64Array;
  readonly generalLinkage: Float64Array;
  readonly investmentSubsidy: Float64Array;
  readonly transfersTotal: Float64Array;
  /** Municipal and county cost minus the transfers received. */
  readonly municipalNet: Float64Array;
  /** Cost in the year of settlement per new settler (one-offs + the first year's package), 元/人. */
  readonly perSettlerAnnual: Float64Array;
  /** Reward and investment subsidy received per new settler, 元/人. */
  readonly transferPerSettler: Float64Array;
  /** Expected lifetime cost of a settler of the first projected year, discounted to that year (元/人). */
  readonly lifetimePV: number;
  /** Settlers since the base year still alive and in the city. */
  readonly settledStock: Float64Array;
  /** Cost and transfers by zone: index `z * n + i`. */
  readonly zoneCost: Float64Array;
  readonly zoneTransfers: Float64Array;
  /** New urban construction land (ha): the standard per settler who is a net addition to the urban population. */
  readonly landHa: Float64Array;
  readonly landHaCumulative: Float64Array;
  /** Settlers the new land is for: agricultural transfer settlers, at most the zone's net growth by migration. */
  readonly landSettlers: Float64Array;
  /** Rural construction land reclaimed from local rural settlers' homesteads (ha), and new minus reclaimed. */
  readonly landReclaimedHa: Float64Array;
  readonly landNetHa: Float64Array;
  readonly landNetHaCumulative: Float64Array;
  /**
   * Share of the training component's group ever trained: 1 − (1 − base)(1 − takeUp)^t, t years after the
   * base year (each year's training reaching the untrained at the take-up rate); null without one.
   */
  readonly trainingCoverage: Float64Array | null;
}
