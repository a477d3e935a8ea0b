/** What a lever is (levers.ts, levers-fiscal.ts): a JSON pointer to a number with its label, unit and range. */
export type LeverGroup = 'settlement' | 'willingness' | 'migration' | 'fiscal' | 'demography';

export interface Lever {
  readonly pointer: string;
  readonly label: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  readonly group: LeverGroup;
  /** The clause of the source document the lever comes from, where known. */
  readonly clause?: string;
  /** The bureau responsible, where known. */
  readonly bureau?: string;
  /** A yes/no setting (the scenario holds a boolean; `value` is 0 or 1). */
  readonly toggle?: boolean;
  /**
   * An input of the finance panel (财政) rather than the lever panel: the cost component it belongs to
   * (index into `fiscal.components`) and what it sets.
   */
  readonly fiscal?: {
    readonly component: number;
    readonly field: 'amount' | 'takeUp' | 'serviceLevel' | 'payer';
    /** The age band (amount) or the payer (payer) or the path year (serviceLevel). */
    readonly key?: string;
  };
}

export type Spec = Omit<Lever, 'value'>;
