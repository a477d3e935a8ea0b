/**
 * Chinese and English names of the result's fixed groups (payers, origins, the register's doors, the
 * registration states, the hukou definitions): shared by the charts (src/ui/charts/words.ts re-exports
 * them) and the people's results CSV (src/runner/result-csv-people.ts), which may not import from the UI.
 */

export const STATE_LABELS = {
  UH: { zh: '城镇户籍', en: 'Urban, registered (UH)' },
  UA: { zh: '本地农村户籍城镇常住', en: 'Urban, local rural-registered (UA)' },
  UN: { zh: '外来人口（城镇）', en: 'Urban, registered elsewhere (UN)' },
  RA: { zh: '农村常住', en: 'Rural, local (RA)' },
  RN: { zh: '外来人口（乡村）', en: 'Rural, registered elsewhere (RN)' },
} as const;

export const ORIGIN_LABELS = {
  localRural: { zh: '本地农业转移人口', en: 'Local rural-registered' },
  elsewhere: { zh: '外来人口', en: 'Registered elsewhere' },
  ruralElsewhere: { zh: '外来农业转移人口', en: 'Rural-registered elsewhere' },
  urbanElsewhere: { zh: '外地城镇户籍人口', en: 'Urban-registered elsewhere' },
} as const;

/** The register's doors, in the result's order of reasons (registration.ts). */
export const REGISTRATION_IN_LABELS = {
  settlement: { zh: '迁入·落户渠道', en: 'In: settlement channels' },
  student: { zh: '迁入·升学', en: 'In: college entrants' },
  family: { zh: '迁入·投靠亲属', en: 'In: family reunion' },
  transfer: { zh: '迁入·调动与人才', en: 'In: transfers and talent' },
  other: { zh: '迁入·其他', en: 'In: other' },
} as const;
export const REGISTRATION_OUT_LABELS = {
  away: { zh: '迁出·外出人员迁走', en: 'Out: people living away' },
  student: { zh: '迁出·毕业离开', en: 'Out: graduates leaving' },
  other: { zh: '迁出·其他', en: 'Out: other' },
} as const;

export const PAYER_LABELS = {
  central: { zh: '中央', en: 'Central' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  county: { zh: '县级', en: 'County' },
  employer: { zh: '企业', en: 'Employers' },
  individual: { zh: '个人', en: 'Individuals' },
  origin: { zh: '户籍迁出地', en: 'Area of origin' },
} as const;

/** The city's and the counties' budgets shown as one, where the document pools them (市县两级). */
export const POOLED_LOCAL_LABEL = { zh: '市县两级', en: 'City and counties (pooled)' } as const;

/** The hukou definition in force in a year (MODEL.md §2). */
export const DEFINITION_LABELS = {
  address: { zh: '按户籍登记地口径', en: 'address-based definition' },
  nonAgricultural: { zh: '非农业户口口径', en: 'non-agricultural-hukou definition' },
} as const;
