/**
 * data/tasks/doc000.json … doc003.json — the task-division tables of
 * documents 000 (常州, 常政办发〔2016〕66号), 001 (unnamed city), 002 (锦州,
 * 2017-08-30) and 003 (广州, traditional-character reprint), parsed from the
 * seed texts in shared/seeds/, each task with its lead and partner bureaus and
 * the scenario levers it maps to.
 *
 * The lever mapping is hand-written below (a modelling choice, labelled as
 * such in the output). Every pointer is checked against its document's
 * preset parts: document 000 against Changzhou (scenarios/cities/changzhou.json
 * + scenarios/packages/changzhou-2016.json), document 001 against the Meizhou
 * proxy (scenarios/cities/meizhou-proxy.json + scenarios/packages/doc001-2016.json),
 * document 002 against Jinzhou (scenarios/cities/jinzhou.json +
 * scenarios/packages/jinzhou-2017.json), document 003 against Guangzhou
 * (scenarios/cities/guangzhou.json + scenarios/packages/guangzhou.json);
 * tests/scenario/tasks.test.ts checks them again on the merged presets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assert, repoRoot, writeJson } from './lib/util';

const seedsDir = resolve(repoRoot, '..', 'shared', 'seeds');
const seedLabel = (f: string): string => `shared/seeds/${f}`;

function seedFile(prefix: string): string {
  const hits = readdirSync(seedsDir)
    .filter((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'))
    .sort();
  assert(hits.length === 1, `exactly one seed file ${prefix}_*.txt`);
  return hits[0]!;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 一 … 九十九 (enough for task numbers). */
function cnNumber(s: string): number {
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  assert(m !== null && s.length > 0, `Chinese numeral "${s}"`);
  const [, a, ten, b] = m;
  if (!ten) return CN_DIGITS[a!]!;
  return (a ? CN_DIGITS[a]! : 1) * 10 + (b ? CN_DIGITS[b]! : 0);
}

/** Bureaus in a list like "市公安局、市发改委、市人社局等"; "、" inside brackets does not split ("县（市、区）政府"). */
function splitBureaus(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s.replace(/等$/, '')) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth--;
    if (ch === '、' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** The short heading: a first sentence without commas, followed by more text. */
function heading(text: string): string | null {
  const k = text.indexOf('。');
  if (k <= 0 || k === text.length - 1) return null;
  const first = text.slice(0, k);
  return /[，,；;]/.test(first) || first.length > 30 ? null : first;
}

// ---------------------------------------------------------------------------
// Lever mapping (modelling choice). Pointers are JSON pointers into a merged
// scenario (city data + policy package), as in scenarios/packages/*.json.

const CORE = (k: number): string => `/policy/zones/core/channels/${k}`;
const COUNTY = (k: number): string => `/policy/zones/county/channels/${k}`;
const TOWN = (k: number): string => `/policy/zones/town/channels/${k}`;
const COMP = {
  infrastructure: '/fiscal/components/0',
  housing: '/fiscal/components/1',
  education: '/fiscal/components/2',
  preschool: '/fiscal/components/3',
  medical: '/fiscal/components/4',
  pension: '/fiscal/components/5',
  minimumLiving: '/fiscal/components/6',
  training: '/fiscal/components/7',
};
const TRANSFERS = [
  '/fiscal/transfers/generalLinkage/weight',
  '/fiscal/transfers/generalLinkage/perCapita',
  '/fiscal/transfers/reward/sameCity',
  '/fiscal/transfers/reward/inProvince',
  '/fiscal/transfers/reward/otherProvince',
];

interface LeverMap {
  levers: string[];
  note?: string;
}

const DOC000_LEVERS: Record<number, LeverMap> = {
  1: { levers: ['/targets/0', '/targets/1'], note: '72% resident rate and a gap of at most 5 pp by 2020' },
  2: {
    levers: [TOWN(0), '/willingness/familyFollow'],
    note: 'designated towns open to legal stable housing; family members follow',
  },
  3: {
    levers: [
      CORE(0),
      CORE(1),
      CORE(2),
      CORE(3),
      CORE(4),
      CORE(5),
      COUNTY(0),
      COUNTY(1),
      COUNTY(2),
      COUNTY(3),
      COUNTY(4),
      COUNTY(5),
      '/willingness/speed',
    ],
    note: 'city-wide conditions (housing/employment, insurance years, purchased floor area, talent), skilled workers (3), investment and tax payers (4), returned overseas students (5); 一站式服务 → completion speed',
  },
  4: {
    levers: [CORE(6), COUNTY(6), TOWN(1), '/willingness/familyFollow', '/registration/family/open'],
    note: 'family reunion (投靠) widened: residents joining a registered relative (channel family), relatives from elsewhere (the family door); people without any hukou are not a state of the model',
  },
  5: { levers: [], note: 'ID-card and registration services' },
  6: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution'],
    note: 'residence permit: 9 categories / 14 services',
  },
  7: { levers: [], note: 'population information system' },
  8: { levers: ['/willingness/landRightsKept'], note: 'land-right certification' },
  9: { levers: ['/willingness/landRightsKept'], note: 'collective shareholding reform' },
  10: { levers: ['/willingness/landRightsKept'], note: 'land rights may not be a condition of settling' },
  11: {
    levers: [COMP.education, COMP.preschool],
    note: 'compulsory education and 普惠性学前教育 for migrant children',
  },
  12: { levers: [COMP.training], note: 'employment services and subsidised training' },
  13: { levers: [COMP.medical], note: 'basic health services' },
  14: {
    levers: [COMP.pension, COMP.medical],
    note: 'social insurance (pension, medical) transfer and equal participation',
  },
  15: {
    levers: [],
    note: 'elderly-care services (no model component; the pension component is the insurance subsidy)',
  },
  16: { levers: [COMP.minimumLiving], note: 'minimum-living allowance (低保) unified' },
  17: { levers: [COMP.housing], note: 'housing security for settlers of 3+ years' },
  18: {
    levers: [...TRANSFERS, '/fiscal/components'],
    note: 'transfer payments linked to citizenisation; spending responsibilities by level → payer shares of the components',
  },
  19: { levers: [], note: 'implementation, tracking and evaluation' },
  20: { levers: [], note: 'publicity' },
};

const DOC001_LEVERS: Record<number, LeverMap> = {
  1: { levers: ['/targets/0'], note: '全市城镇化率50%以上 by 2020' },
  2: {
    levers: [COUNTY(0), TOWN(0), '/willingness/familyFollow'],
    note: 'county-level city districts, county seats and towns fully open to legal stable housing',
  },
  3: {
    levers: [CORE(0), CORE(1), '/willingness/familyFollow'],
    note: 'central city: 3 years job + housing + 3 years insurance (channel 0) or a property certificate (channel 1)',
  },
  4: {
    levers: [CORE(5), COUNTY(2), TOWN(2), '/willingness/familyFollow', '/registration/family/open'],
    note: 'family reunion without marriage-length or age limits: residents joining a registered relative (channel family), relatives from elsewhere (the family door)',
  },
  5: {
    levers: [CORE(2), CORE(3), COUNTY(1), COUNTY(3), TOWN(1), TOWN(3)],
    note: 'talent channel: 大专+ (core channel 2, county and town channel 1); mid-level titles and skilled talent (core channel 3, county and town channel 3)',
  },
  6: {
    levers: ['/hukouDefinition'],
    note: 'unified registration statistics by the urban-rural classification (address definition)',
  },
  7: { levers: [], note: 'community collective hukou (an address for people without one); no separate lever' },
  8: { levers: [], note: 'population information system' },
  9: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution', CORE(4)],
    note: 'residence-permit services by points; long-serving front-line and hard-trade workers (core channel 4)',
  },
  10: { levers: ['/willingness/landRightsKept'], note: 'land rights may not be a condition of settling' },
  11: { levers: ['/willingness/landRightsKept'], note: 'voluntary paid exit from land rights' },
  12: { levers: ['/willingness/landRightsKept'], note: 'collective asset shares kept' },
  13: { levers: ['/fiscal/land'], note: 'construction-land quota tied to the number settled (人地挂钩)' },
  14: { levers: [COMP.pension, COMP.medical], note: 'insurance transfer into the urban schemes' },
  15: { levers: [COMP.medical], note: 'community health services, medical assistance' },
  16: { levers: [COMP.pension, COMP.medical], note: 'settlers fully in urban social insurance' },
  17: { levers: [COMP.training], note: 'employment services and subsidised training' },
  18: { levers: [COMP.education], note: 'free compulsory education for children of settlers' },
  19: { levers: [COMP.housing], note: 'housing security for settlers' },
  20: {
    levers: [
      '/willingness/serviceLevel',
      COMP.education,
      COMP.medical,
      COMP.training,
      COMP.housing,
      COMP.minimumLiving,
    ],
    note: 'services for residence-permit holders',
  },
  21: {
    levers: [...TRANSFERS, '/fiscal/allocation'],
    note: 'transfers linked to citizenisation, considering registered and floating population size → allocation by population',
  },
  22: { levers: ['/fiscal/components'], note: 'cost sharing between levels of government → payer shares' },
  23: { levers: [], note: 'supporting measures by each bureau' },
  24: { levers: [], note: 'publicity' },
};

/**
 * Document 002 (锦州): tasks are numbered 1…17 in document order; the comment gives the clause.
 * Channels of scenarios/packages/jinzhou-2017.json: in every zone 0 = stable job + 5 years, 1 = stable home + 5 years.
 */
const DOC002_LEVERS: Record<number, LeverMap> = {
  // (四)
  1: {
    levers: [],
    note: "rural students moving their registration to the school or the city and back: not modelled (the population has no enrolment state; the city part's student door /registration/student is closed, no count found)",
  },
  // (五)
  2: {
    levers: [CORE(2), COUNTY(2), TOWN(2)],
    note: 'demobilised rural soldiers may settle in towns: the veteran channels (attribute veteran, an assumption)',
  },
  // (六)
  3: {
    levers: [CORE(0), CORE(1), COUNTY(0), COUNTY(1), TOWN(0), TOWN(1)],
    note: '5 continuous years of stable employment (channel 0) or a stable home (channel 1) in 城区 and county seats; the town channels copy them (assumption of the package)',
  },
  // (七)
  4: {
    levers: [CORE(3), COUNTY(3), TOWN(3), '/willingness/familyFollow', '/registration/family/open'],
    note: 'whole rural households settle with relatives (投亲落户): residents joining a registered relative (channel 3), the household following the settler, relatives from elsewhere (the family door)',
  },
  // (八)
  5: {
    levers: [...TRANSFERS, '/fiscal/allocation'],
    note: 'transfers adjusted to the number and flows of the agricultural transfer population; the provincial reward by actual settlement, tilted to the 县(市)区 that absorb more → allocation by settlers',
  },
  // (九)
  6: {
    levers: ['/fiscal/transfers/investmentSubsidy', '/fiscal/allocation', COMP.infrastructure],
    note: "construction-fund subsidy for the infrastructure of places that absorb more settlers (0 per settler in the city part: the tilt is the city's own budget) → allocation by settlers; the infrastructure cost component",
  },
  // (十)
  7: {
    levers: ['/fiscal/land'],
    note: 'new urban construction land tied to the number settled (人地挂钩), by city size',
  },
  // (十一)
  8: {
    levers: [],
    note: 'infrastructure financing (credit rating, local-government bonds, PPP): not modelled; the model counts costs and who bears them, not how they are financed',
  },
  // (十二)
  9: {
    levers: ['/willingness/landRightsKept'],
    note: 'the "three rights" kept on settling; certification, trading and arbitration of land rights are not modelled',
  },
  // (十三)
  10: { levers: [COMP.housing], note: 'housing security (public rental housing, housing provident fund)' },
  // (十四)
  11: { levers: [COMP.medical], note: "settlers choose urban residents' medical insurance or the rural scheme" },
  // (十五)
  12: {
    levers: [COMP.pension, COMP.minimumLiving],
    note: "pension transfer into the urban scheme (settlers already 60+ stay with their origin → the pension component's origin share); 低保 as for urban residents",
  },
  // (十六)
  13: {
    levers: [COMP.education],
    note: "compulsory schooling of migrants' children by residence permit; entrance examinations not modelled",
  },
  // (十七)
  14: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution'],
    note: 'residence permit for every non-registered urban resident, services narrowing the gap',
  },
  // (十八)
  15: {
    levers: [],
    note: 'settlement statistics and the method of estimating the urbanisation rate: a matter of the observations, not a lever',
  },
  // (十九)
  16: {
    levers: [],
    note: 'tracking and the 2018 mid-term / 2020 summary evaluations: the document sets no number, so the preset has no targets; compare the projected 2018 and 2020 rates',
  },
  // (二十)
  17: { levers: [], note: 'audit supervision: no lever' },
};

/**
 * Document 003 (广州): tasks are numbered 1…14 in document order; the comment gives the clause.
 * Channels of scenarios/packages/guangzhou.json: in every zone 0 = points under a quota, 1 = talent.
 */
const DOC003_LEVERS: Record<number, LeverMap> = {
  // (三)
  1: {
    levers: [
      CORE(1),
      CORE(2),
      CORE(3),
      COUNTY(1),
      COUNTY(2),
      COUNTY(3),
      TOWN(1),
      TOWN(2),
      TOWN(3),
      '/migration/inflow/persons',
    ],
    note: 'settle mainly high-level talent (channel 1) and technical talent (2); long-serving hard front-line workers (3); strict control of population size has no lever of its own, the migrant inflow is the nearest (a scenario input)',
  },
  // (四)
  2: {
    levers: [CORE(0), COUNTY(0), TOWN(0)],
    note: 'points-based settlement under a total quota (score rules, threshold and quota are assumptions of the package)',
  },
  // (五)
  3: {
    levers: [],
    note: 'public collective hukou in every district: no lever of its own (reflected only in the points and talent channels asking for no home)',
  },
  // (六)
  4: {
    levers: ['/hukouDefinition'],
    note: 'urban and rural registration unified (一元化) → the statistical definition of the hukou rate',
  },
  // (七)
  5: {
    levers: [],
    note: 'adapting the education, health, housing, welfare, land and statistics systems to the unified registration: administrative, no lever',
  },
  // (八)
  6: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution'],
    note: 'residence-permit points unlock services stepwise',
  },
  // (九)
  7: { levers: [], note: 'population information platform: no lever' },
  // (十)
  8: {
    levers: ['/willingness/landRightsKept'],
    note: 'land-contract and homestead rights kept; certification and transfer markets are not modelled',
  },
  // (十一)1
  9: {
    levers: [COMP.education, COMP.preschool],
    note: "free compulsory education and pre-school for migrants' children",
  },
  // (十一)2
  10: { levers: [COMP.training], note: 'training vouchers and on-the-job training (employers train)' },
  // (十一)3
  11: {
    levers: [COMP.medical],
    note: "community health and family-planning services (the model's health cost is the medical-insurance subsidy)",
  },
  // (十一)4
  12: {
    levers: [COMP.medical, COMP.pension, COMP.minimumLiving],
    note: "unified residents' social and medical insurance; social assistance centred on 低保",
  },
  // (十一)5
  13: {
    levers: [COMP.housing],
    note: 'housing security for migrant workers, city, districts and employers sharing (payer shares of the housing component)',
  },
  // (十一)6
  14: {
    levers: ['/fiscal/components', '/fiscal/allocation'],
    note: 'costs shared among government, employers and individuals, and between city and districts by responsibility → payer shares of the components',
  },
};

const MAPPING_ASSUMPTION =
  'The levers of each task are a modelling choice, written by hand in scripts/data/build-tasks.ts, not part of the documents. Pointers are JSON pointers into a merged scenario (scenarios/cities/<city>.json + scenarios/packages/<package>.json). /fiscal/components/k follows the component order of scenarios/cities/changzhou.json (0 infrastructure, 1 affordable housing, 2 compulsory education, 3 pre-school, 4 medical insurance, 5 pension, 6 minimum living, 7 training), which the other city parts keep. ';
type DocKey = 'doc000' | 'doc001' | 'doc002' | 'doc003';

const MAPPING_LABEL: Record<DocKey, { confidence: string; assumption: string }> = {
  doc000: {
    confidence: 'assumption',
    assumption:
      MAPPING_ASSUMPTION +
      'Channel indices follow scenarios/packages/changzhou-2016.json: core and county channels 0 = stable job + housing + insurance, 1 = property, 2 = talent; town channel 0 = housing. Every pointer is checked against scenarios/changzhou-2016.json (tests/scenario/tasks.test.ts).',
  },
  doc001: {
    confidence: 'assumption',
    assumption:
      MAPPING_ASSUMPTION +
      'Channel indices follow scenarios/packages/doc001-2016.json: core channels 0 = job + housing + insurance, 1 = property, 2 = talent; county and town channels 0 = housing, 1 = talent. Every pointer is checked against scenarios/doc001-package.json (tests/scenario/tasks.test.ts).',
  },
  doc002: {
    confidence: 'assumption',
    assumption:
      MAPPING_ASSUMPTION +
      'Channel indices follow scenarios/packages/jinzhou-2017.json: in every zone (core, county, town) channel 0 = stable employment + 5 years, 1 = stable home + 5 years. Every pointer is checked against scenarios/jinzhou-2017.json (tests/scenario/tasks.test.ts).',
  },
  doc003: {
    confidence: 'assumption',
    assumption:
      MAPPING_ASSUMPTION +
      'Channel indices follow scenarios/packages/guangzhou.json: in every zone (core, county, town) channel 0 = points-based settlement under a quota, 1 = talent. Every pointer is checked against scenarios/guangzhou.json (tests/scenario/tasks.test.ts).',
  },
};

/** JSON pointer resolution (RFC 6901) on a plain value. */
function resolvePointer(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) return false;
      cur = cur[i];
    } else if (cur !== null && typeof cur === 'object' && key in cur) {
      cur = (cur as Record<string, unknown>)[key];
    } else return false;
  }
  return true;
}

/** The parts each document's pointers must resolve in (merged as the presets merge them). */
const PRESET_PARTS: Record<DocKey, string[]> = {
  doc000: ['scenarios/cities/changzhou.json', 'scenarios/packages/changzhou-2016.json'],
  doc001: ['scenarios/cities/meizhou-proxy.json', 'scenarios/packages/doc001-2016.json'],
  doc002: ['scenarios/cities/jinzhou.json', 'scenarios/packages/jinzhou-2017.json'],
  doc003: ['scenarios/cities/guangzhou.json', 'scenarios/packages/guangzhou.json'],
};

function checkPointers(key: DocKey, all: string[]): Record<string, unknown> {
  const parts = PRESET_PARTS[key];
  const docs = parts.map((p) => JSON.parse(readFileSync(resolve(repoRoot, p), 'utf8')) as unknown);
  const unique = [...new Set(all)].sort();
  const missing = unique.filter((p) => !docs.some((d) => resolvePointer(d, p)));
  assert(missing.length === 0, `${key} lever pointers resolve in ${parts.join(' + ')}: missing ${missing.join(', ')}`);
  return {
    check: `every lever pointer (${unique.length} distinct) resolves in ${parts.join(' or ')}`,
    ok: true,
  };
}

interface Task {
  no: number;
  label: string;
  section?: string;
  title: string | null;
  text: string;
  lead: string[];
  partners: string[];
  responsibility: string;
  levers: string[];
  leverNote?: string;
  note?: string;
}

// ---------------------------------------------------------------------------

function parseDoc000(): { file: string; document: Record<string, unknown>; tasks: Task[] } {
  const file = seedFile('000');
  const text = readFileSync(resolve(seedsDir, file), 'utf8');
  const meta = (label: string): string => {
    const m = new RegExp(`${label}[:：]\\s*(\\S+)`).exec(text);
    assert(m !== null, `doc000 metadata ${label}`);
    return m[1]!;
  };
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const start = lines.findIndex((l) => l.includes('具体分工如下'));
  assert(start >= 0, 'doc000: "具体分工如下" found');
  const tasks: Task[] = [];
  let section = '';
  for (const line of lines.slice(start + 1)) {
    const sec = /^([一二三四五六七八九十]+)、(.+)$/.exec(line);
    if (sec) {
      section = `${sec[1]}、${sec[2]}`;
      continue;
    }
    const t = /^[(（]([一二三四五六七八九十]+)[)）](.+)$/.exec(line);
    if (!t) continue;
    const no = cnNumber(t[1]!);
    const body = t[2]!.trim();
    const r = /[(（]([^()（）]*负责[^()（）]*)[)）]\s*$/.exec(body);
    assert(r !== null, `doc000 task ${no}: responsibility in brackets at the end`);
    const responsibility = r[1]!;
    const taskText = body.slice(0, r.index).trim();
    const who = responsibility.slice(0, responsibility.indexOf('负责')).replace(/。$/, '');
    const collective = /分别$/.test(who) || who.startsWith('各');
    const bureaus = collective ? [] : splitBureaus(who);
    const map = DOC000_LEVERS[no];
    assert(map !== undefined, `doc000 lever mapping for task ${no}`);
    tasks.push({
      no,
      label: `(${t[1]})`,
      section,
      title: heading(taskText),
      text: taskText,
      lead: bureaus.slice(0, 1),
      partners: bureaus.slice(1),
      responsibility,
      levers: map.levers,
      ...(map.note ? { leverNote: map.note } : {}),
      ...(collective
        ? { note: `"${who}负责": each department for its own part; no single lead bureau` }
        : no === 1
          ? {
              note: 'the bracket also states the rule "列第一位者为牵头部门" (the first listed leads) for the whole table',
            }
          : {}),
    });
  }
  return {
    file,
    document: {
      number: meta('文件编号'),
      title: meta('信息名称'),
      issuedBy: meta('发布机构'),
      date: meta('生成日期'),
      leadRule: '列第一位者为牵头部门 (task (一)): the first bureau listed leads, the others are partners',
    },
    tasks,
  };
}

function parseDoc001(): { file: string; document: Record<string, unknown>; tasks: Task[] } {
  const file = seedFile('001');
  const lines = readFileSync(resolve(seedsDir, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const att = lines.findIndex((l) => /^附件[:：]?$/.test(l));
  assert(att >= 0, 'doc001: "附件" line');
  const title = lines.slice(att + 1).find((l) => l !== '');
  assert(title !== undefined, 'doc001 title');
  const hdr = lines.findIndex((l, i) => i > att && l === '序号');
  assert(
    hdr >= 0 && lines[hdr + 1] === '重点任务' && lines[hdr + 2] === '牵头单位' && lines[hdr + 3] === '责任单位',
    'doc001: table header 序号 / 重点任务 / 牵头单位 / 责任单位',
  );
  const blocks: { no: number; cells: string[] }[] = [];
  for (const line of lines.slice(hdr + 4)) {
    if (/^\d+$/.test(line) && Number(line) === blocks.length + 1) blocks.push({ no: Number(line), cells: [] });
    else if (line !== '' && blocks.length > 0) blocks[blocks.length - 1]!.cells.push(line);
  }
  const tasks: Task[] = blocks.map(({ no, cells }) => {
    assert(cells.length === 2 || cells.length === 3, `doc001 task ${no}: 2 or 3 cells (got ${cells.length})`);
    const [text, lead, partners] = cells as [string, string, string | undefined];
    const map = DOC001_LEVERS[no];
    assert(map !== undefined, `doc001 lever mapping for task ${no}`);
    return {
      no,
      label: String(no),
      title: heading(text),
      text,
      lead: splitBureaus(lead),
      partners: partners ? splitBureaus(partners) : [],
      responsibility: `牵头单位: ${lead}; 责任单位: ${partners ?? '(none)'}`,
      levers: map.levers,
      ...(map.note ? { leverNote: map.note } : {}),
      ...(splitBureaus(lead).length > 1 ? { note: 'two lead bureaus (joint lead)' } : {}),
    };
  });
  return {
    file,
    document: {
      number: null,
      title,
      numberNote: 'attachment of a task-division notice; the notice itself (number, city, date) is not in the seed',
      leadRule: 'table columns: 牵头单位 (lead) and 责任单位 (partners)',
    },
    tasks,
  };
}

// ---------------------------------------------------------------------------
// Documents 002 and 003: numbered clauses, each ending in a responsibility
// bracket (002: "(牵头单位:市X,市Y等配合)"; 003: "(市X牽頭,Y、Z配合)", traditional
// characters). Clauses without a bracket are no task unless a bracket closes
// their section (see parseClauseDoc).

/** A clause that is not a task, and why. */
interface Omitted {
  label: string;
  section: string;
  title: string | null;
  reason: string;
}

/** Brackets naming who is responsible: they hold 牵头/牽頭, 配合 or 负责/負責. */
const RESP_BRACKET = /[(（]([^()（）]*(?:牵头|牽頭|配合|负责|負責)[^()（）]*)[)）]/g;

/** The first sentence of a clause ("(四)放开…限制。…"), the clause's own heading in 002 and 003. */
function clauseTitle(text: string): string | null {
  const k = text.indexOf('。');
  if (k <= 0 || k === text.length - 1) return null;
  return k <= 40 ? text.slice(0, k) : null;
}

/** Bureaus of one side of a bracket: "、" and "及" separate, a trailing "等"/"等部门" is dropped. */
function bureausOf(s: string): string[] {
  const list = splitBureaus(s.trim().replace(/等(?:部门|部門)$/, '')).flatMap((b) => b.split('及'));
  return list.map((b) => b.trim()).filter(Boolean);
}

/**
 * Lead and partner bureaus of one bracket. Comma-separated parts: a part ending in 配合 (or labelled
 * 配合单位) names partners; any other part names leads, after dropping the label 牵头单位 and a
 * closing 牵头 / 按职责分工负责 / 负责. Several bureaus on the lead side are joint leads.
 */
function parseResponsibility(bracket: string): { lead: string[]; partners: string[] } {
  const lead: string[] = [];
  const partners: string[] = [];
  for (const raw of bracket.split(/[,，;；]/)) {
    const part = raw.trim();
    if (!part) continue;
    const labelled = /^(?:配合单位|配合單位)[:：](.*)$/.exec(part);
    if (labelled) partners.push(...bureausOf(labelled[1]!));
    else if (/配合$/.test(part)) partners.push(...bureausOf(part.replace(/配合$/, '')));
    else
      lead.push(
        ...bureausOf(
          part
            .replace(/^(?:牵头单位|牽頭單位)[:：]/, '')
            .replace(/(?:按职责分工负责|按職責分工負責|牵头|牽頭|负责|負責)$/, ''),
        ),
      );
  }
  return { lead, partners };
}

interface Clause {
  label: string;
  section: string;
  body: string;
  /** A clause that is only a heading over numbered items (003's (十一)): no task itself. */
  heading?: true;
}

/**
 * Clauses of a document in order: "(一)…" lines under sections "一、…", and numbered items "1.…" under a
 * clause without a responsibility bracket (003's (十一), then marked as a heading). Each task clause is one line.
 */
function clausesOf(lines: string[]): Clause[] {
  const hasBracket = (body: string): boolean => body.match(RESP_BRACKET) !== null;
  const clauses: Clause[] = [];
  let section = '';
  let parent: Clause | null = null;
  const first = lines.findIndex((l) => /^[一二三四五六七八九十]+、/.test(l));
  assert(first >= 0, 'a first section "一、…"');
  for (const line of lines.slice(first)) {
    const sec = /^([一二三四五六七八九十]+)、(.+)$/.exec(line);
    if (sec) {
      section = `${sec[1]}、${sec[2]}`;
      parent = null;
      continue;
    }
    const c = /^[(（]([一二三四五六七八九十]+)[)）](.*)$/.exec(line);
    if (c) {
      parent = { label: `(${c[1]})`, section, body: c[2]!.trim() };
      clauses.push(parent);
      continue;
    }
    const item = /^(\d+)[.．、](.+)$/.exec(line);
    if (item && parent && !hasBracket(parent.body)) {
      parent.heading = true;
      clauses.push({
        label: `${parent.label}${item[1]}`,
        section: `${section} / ${parent.label}${parent.body.replace(/。$/, '')}`,
        body: item[2]!.trim(),
      });
    }
  }
  return clauses;
}

/** The heading of a clause that is no task: its first sentence, or the whole clause when that is all of it. */
function omittedTitle(body: string): string | null {
  const t = clauseTitle(body);
  if (t !== null) return t;
  const whole = body.replace(/。$/, '');
  return whole.length > 0 && whole.length <= 40 && !whole.includes('。') ? whole : null;
}

/**
 * Tasks of document 002 or 003: every clause with a responsibility bracket at its end. The last
 * bracket closes the clause; a clause may hold earlier brackets for parts of it (002 (十一)), and
 * the lead and partners are the union over its brackets. A clause without a bracket takes the
 * bracket of its section when that bracket closes the section's last clause and no other clause
 * of the section has one (002 section 二: only (七) has "(牵头单位:市公安局)"); otherwise it is no task.
 */
function parseClauseDoc(
  key: 'doc002' | 'doc003',
  prefix: string,
  levers: Record<number, LeverMap>,
): { file: string; lines: string[]; tasks: Task[]; omitted: Omitted[] } {
  const file = seedFile(prefix);
  const lines = readFileSync(resolve(seedsDir, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const all = clausesOf(lines);
  const clauses = all.filter((c) => !c.heading);
  const brackets = (body: string): { index: number; end: number; text: string }[] =>
    [...body.matchAll(RESP_BRACKET)].map((m) => ({ index: m.index, end: m.index + m[0].length, text: m[1]!.trim() }));
  const own = new Map(clauses.map((c) => [c, brackets(c.body)]));
  const tasks: Task[] = [];
  const omitted: Omitted[] = [];
  for (const c of all) {
    if (c.heading) {
      omitted.push({
        label: c.label,
        section: c.section,
        title: omittedTitle(c.body),
        reason: 'a heading over numbered items, which are the tasks',
      });
      continue;
    }
    let found = own.get(c)!;
    let inherited: Clause | null = null;
    if (found.length === 0) {
      const inSection = clauses.filter((d) => d.section === c.section);
      const withBracket = inSection.filter((d) => own.get(d)!.length > 0);
      const last = inSection[inSection.length - 1]!;
      if (withBracket.length === 1 && withBracket[0] === last) {
        inherited = last;
        found = own.get(last)!;
      } else {
        omitted.push({
          label: c.label,
          section: c.section,
          title: omittedTitle(c.body),
          reason:
            withBracket.length === 0
              ? 'no responsibility bracket in the clause or its section (general aims, principles or organisation)'
              : 'no responsibility bracket of its own',
        });
        continue;
      }
    }
    const closing = found[found.length - 1]!;
    let text = c.body;
    if (!inherited) {
      assert(
        c.body.slice(closing.end).replace(/[。.\s]/g, '') === '',
        `${key} ${c.label}: the responsibility bracket ends the clause`,
      );
      text = c.body.slice(0, closing.index).trim();
    }
    const lead: string[] = [];
    const partners: string[] = [];
    for (const b of found) {
      const r = parseResponsibility(b.text);
      for (const x of r.lead) if (!lead.includes(x)) lead.push(x);
      for (const x of r.partners) if (!partners.includes(x)) partners.push(x);
    }
    assert(lead.length > 0, `${key} ${c.label}: a lead bureau`);
    const same = (a: string, b: string): boolean => a.replace(/^市/, '') === b.replace(/^市/, '');
    assert(!partners.some((p) => lead.some((l) => same(l, p))), `${key} ${c.label}: no bureau both lead and partner`);
    const no = tasks.length + 1;
    const map = levers[no];
    assert(map !== undefined, `${key} lever mapping for task ${no} ${c.label}`);
    const notes: string[] = [];
    if (inherited)
      notes.push(
        `no bracket of its own: the only bracket of its section, "(${closing.text})" after ${inherited.label}, is read as covering the whole section (inference)`,
      );
    if (found.length > 1)
      notes.push(
        `${found.length} brackets for parts of the clause; lead = every bureau named as leading or responsible in them, in order of mention`,
      );
    else if (lead.length > 1) notes.push(`joint lead (${lead.length} bureaus)`);
    const borrowers = clauses.filter((d) => d !== c && d.section === c.section && own.get(d)!.length === 0);
    if (!inherited && borrowers.length > 0 && clauses.filter((d) => d.section === c.section).pop() === c)
      notes.push(
        `its bracket, the only one of its section, is read as covering ${borrowers.map((d) => d.label).join('')} too (inference)`,
      );
    if (lead.some((b) => b.startsWith('各'))) notes.push(`"${lead.join('、')}" leads: each in its own area`);
    tasks.push({
      no,
      label: c.label,
      section: c.section,
      title: clauseTitle(text),
      text,
      lead,
      partners,
      responsibility: found.map((b) => b.text).join('; '),
      levers: map.levers,
      ...(map.note ? { leverNote: map.note } : {}),
      ...(notes.length ? { note: notes.join('; ') } : {}),
    });
  }
  assert(Object.keys(levers).length === tasks.length, `${key}: one lever mapping per task`);
  return { file, lines, tasks, omitted };
}

function parseDoc002(): { file: string; document: Record<string, unknown>; tasks: Task[]; omitted: Omitted[] } {
  const { file, lines, tasks, omitted } = parseClauseDoc('doc002', '002', DOC002_LEVERS);
  const notice = lines.find((l) => /关于印发.+的通知$/.test(l));
  assert(notice !== undefined, 'doc002: the notice title');
  const plan = /关于印发(.+)的通知$/.exec(notice)![1]!;
  assert(lines.includes(plan), 'doc002: the plan title as a line of its own');
  const signed = lines.findIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l));
  assert(signed > 0, 'doc002: signature date');
  const [y, mo, d] = lines[signed]!.match(/\d+/g)!;
  const published = /发布时间[:：](\d{4})年(\d{2})月(\d{2})日/.exec(lines.join('\n'));
  assert(published !== null, 'doc002: publication date');
  return {
    file,
    document: {
      number: null,
      title: plan,
      notice,
      issuedBy: lines
        .slice(0, signed)
        .filter((l) => l !== '')
        .pop(),
      date: `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`,
      published: `${published[1]}-${published[2]}-${published[3]}`,
      numberNote: 'the document number is not in the seed (a web reprint of the 印发通知)',
      leadRule:
        'each clause ends in a bracket "(牵头单位:X)" or "(牵头单位:X,Y等配合)": X leads (several X are joint leads, also when followed by 按职责分工负责), Y are partners',
    },
    tasks,
    omitted,
  };
}

function parseDoc003(): { file: string; document: Record<string, unknown>; tasks: Task[]; omitted: Omitted[] } {
  const { file, lines, tasks, omitted } = parseClauseDoc('doc003', '003', DOC003_LEVERS);
  const title = lines.find((l) => l !== '');
  assert(title !== undefined, 'doc003: heading line');
  return {
    file,
    document: {
      number: null,
      title,
      numberNote:
        'heading of the reprint as it stands (truncated, traditional characters); the official title, number, date and issuing office are not in the seed. The text cites 穗府〔2019〕12號 and asks for supporting policies by the end of 2019 (clause (十三)), so it dates from 2019 or shortly before (an inference, as in scenarios/packages/guangzhou.json)',
      leadRule:
        'each clause ends in a bracket "(X牽頭,Y配合)": X leads (several X are joint leads), Y are partners; the 市 of the first bureau of a list is not repeated for the others (市公安局、人力資源和社會保障局 = 市公安局、市人力資源和社會保障局), and names are kept as written',
    },
    tasks,
    omitted,
  };
}

const METHOD_002 =
  'Tasks are the clauses "(四)…(二十)" whose responsibility bracket ends them ("(牵头单位:市X局)", "(牵头单位:市X局,市Y局等配合)", "(X按职责分工负责)", "(X牵头)"): bureaus before 牵头 / 按职责分工负责 / after the label 牵头单位 lead, bureaus before 配合 are partners; "等" and "等部门" are dropped. Clause (十一) has three brackets for its three parts; its lead and partners are their union. Clauses (四)–(六) have no bracket: the one after (七), the last clause of section 二, is read as covering the section (an inference). Clauses (一)–(三) (总体要求) have no bracket and are no tasks (clausesWithoutTask). no runs 1…17 over the tasks; label is the clause number in the document; text is the clause without its closing bracket; title = its first sentence (the clause heading).';

const METHOD_003 =
  'The seed is an unofficial reprint in traditional characters with garbling, quoted here as it is: the heading "廣州政府進一步推進户籍制度" is truncated and printed twice, names are masked with "x" (鄧x理論, xx系列重要講話精神, 黨的xx屆三中全會, 廣州市xx政府), and 户/戶 forms are mixed. Tasks are the clauses "(三)…(十)" and the items "1.…6." of clause (十一) (a heading), each ending in a bracket "(X牽頭,Y配合)": bureaus before 牽頭 lead, bureaus before 配合 are partners ("、" and "及" separate them; "等部門" is dropped). Bureau names are kept as written: after the first bureau of a list the 市 is left out (市公安局、人力資源和社會保障局). Clauses (一)(二) (總體要求) and (十二)–(十四) (organisation, policies, publicity) have no bracket and are no tasks (clausesWithoutTask). no runs 1…14 over the tasks; label is the clause number in the document ("(十一)1" for an item); text is the clause without its closing bracket; title = its first sentence (the clause heading).';

export async function buildTasks(): Promise<{ files: string[]; summary: Record<string, unknown> }> {
  const d0 = parseDoc000();
  const d1 = parseDoc001();
  const d2 = parseDoc002();
  const d3 = parseDoc003();
  assert(d0.tasks.length === 20, `doc000 has 20 tasks (got ${d0.tasks.length})`);
  assert(d1.tasks.length === 24, `doc001 has 24 tasks (got ${d1.tasks.length})`);
  assert(d2.tasks.length === 17, `doc002 has 17 tasks (got ${d2.tasks.length})`);
  assert(d3.tasks.length === 14, `doc003 has 14 tasks (got ${d3.tasks.length})`);
  d0.tasks.forEach((t, i) => assert(t.no === i + 1, `doc000 task numbers run 1…20 (${t.no})`));
  assert(
    Object.keys(DOC000_LEVERS).length === 20 && Object.keys(DOC001_LEVERS).length === 24,
    'one lever mapping per task',
  );
  const files: string[] = [];
  for (const [key, d, n] of [
    ['doc000', d0, 20],
    ['doc001', d1, 24],
  ] as const) {
    const withLevers = d.tasks.filter((t) => t.levers.length > 0).length;
    files.push(
      await writeJson(`tasks/${key}.json`, {
        source: `${seedLabel(d.file)} (seed text of the document), parsed by scripts/data/build-tasks.ts`,
        method:
          key === 'doc000'
            ? 'Tasks are the lines "(一)…(二十)" after "具体分工如下"; the responsibility is the bracket at the end of each task ("(市X局、市Y局等负责。…)"); the first bureau is the lead (rule stated in task (一)), the rest are partners; "等" is dropped. title = the first sentence when it is a short heading without commas.'
            : 'The table was flattened to lines: after the header 序号 / 重点任务 / 牵头单位 / 责任单位, each task is a number line followed by the task text, the lead cell and (if not empty) the partner cell. Bureaus are split at "、". title = the first sentence when it is a short heading without commas (rare in this table).',
        document: d.document,
        leverMapping: MAPPING_LABEL[key],
        tasks: d.tasks,
        checks: [
          { check: `${n} tasks, numbered 1…${n} in order`, ok: true },
          { check: 'every task has a lever mapping entry (possibly empty)', tasksWithLevers: withLevers, ok: true },
          checkPointers(
            key,
            d.tasks.flatMap((t) => t.levers),
          ),
        ],
      }),
    );
  }
  for (const [key, d, method] of [
    ['doc002', d2, METHOD_002],
    ['doc003', d3, METHOD_003],
  ] as const) {
    const n = d.tasks.length;
    d.tasks.forEach((t, i) => assert(t.no === i + 1, `${key} task numbers run 1…${n} (${t.no})`));
    files.push(
      await writeJson(`tasks/${key}.json`, {
        source: `${seedLabel(d.file)} (seed text of the document), parsed by scripts/data/build-tasks.ts`,
        method,
        document: d.document,
        leverMapping: MAPPING_LABEL[key],
        tasks: d.tasks,
        clausesWithoutTask: d.omitted,
        checks: [
          { check: `${n} tasks, numbered 1…${n} in order`, ok: true },
          { check: 'every task has a lead bureau; no bureau is both lead and partner of one task', ok: true },
          {
            check: 'every task has a lever mapping entry (possibly empty)',
            tasksWithLevers: d.tasks.filter((t) => t.levers.length > 0).length,
            ok: true,
          },
          checkPointers(
            key,
            d.tasks.flatMap((t) => t.levers),
          ),
        ],
      }),
    );
  }
  return {
    files,
    summary: {
      tasks: {
        doc000: d0.tasks.length,
        doc001: d1.tasks.length,
        doc000WithLevers: d0.tasks.filter((t) => t.levers.length > 0).length,
        doc001WithLevers: d1.tasks.filter((t) => t.levers.length > 0).length,
        doc002: d2.tasks.length,
        doc003: d3.tasks.length,
        doc002WithLevers: d2.tasks.filter((t) => t.levers.length > 0).length,
        doc003WithLevers: d3.tasks.filter((t) => t.levers.length > 0).length,
      },
    },
  };
}
