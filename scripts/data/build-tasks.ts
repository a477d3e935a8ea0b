/**
 * data/tasks/doc000.json and data/tasks/doc001.json — the task-division
 * tables of documents 000 (常州, 常政办发〔2016〕66号) and 001 (unnamed city),
 * parsed from the seed texts in shared/seeds/, each task with its lead and
 * partner bureaus and the scenario levers it maps to.
 *
 * The lever mapping is hand-written below (a modelling choice, labelled as
 * such in the output). Every pointer is checked against its document's
 * preset parts: document 000 against Changzhou (scenarios/cities/changzhou.json
 * + scenarios/packages/changzhou-2016.json), document 001 against the Meizhou
 * proxy (scenarios/cities/meizhou-proxy.json + scenarios/packages/doc001-2016.json);
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
    levers: [CORE(0), CORE(1), CORE(2), COUNTY(0), COUNTY(1), COUNTY(2), '/willingness/speed'],
    note: 'city-wide conditions (housing/employment, insurance years, purchased floor area, talent); 一站式服务 → completion speed',
  },
  4: {
    levers: ['/willingness/familyFollow'],
    note: 'family reunion (投靠) widened; the rest (overseas Chinese, people without hukou) has no lever',
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
  4: { levers: ['/willingness/familyFollow'], note: 'family reunion without marriage-length or age limits' },
  5: {
    levers: [CORE(2), COUNTY(1), TOWN(1)],
    note: 'talent channel: 大专+ or mid-level title / skilled / special talent, city-wide (core channel 2, county and town channel 1 in the document-001 package)',
  },
  6: {
    levers: ['/hukouDefinition'],
    note: 'unified registration statistics by the urban-rural classification (address definition)',
  },
  7: { levers: [], note: 'community collective hukou (an address for people without one); no separate lever' },
  8: { levers: [], note: 'population information system' },
  9: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution'],
    note: 'residence-permit services by points',
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

const MAPPING_ASSUMPTION =
  'The levers of each task are a modelling choice, written by hand in scripts/data/build-tasks.ts, not part of the documents. Pointers are JSON pointers into a merged scenario (scenarios/cities/<city>.json + scenarios/packages/<package>.json). /fiscal/components/k follows the component order of scenarios/cities/changzhou.json (0 infrastructure, 1 affordable housing, 2 compulsory education, 3 pre-school, 4 medical insurance, 5 pension, 6 minimum living, 7 training), which the other city parts keep. ';
const MAPPING_LABEL: Record<'doc000' | 'doc001', { confidence: string; assumption: string }> = {
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
const PRESET_PARTS: Record<'doc000' | 'doc001', string[]> = {
  doc000: ['scenarios/cities/changzhou.json', 'scenarios/packages/changzhou-2016.json'],
  doc001: ['scenarios/cities/meizhou-proxy.json', 'scenarios/packages/doc001-2016.json'],
};

function checkPointers(key: 'doc000' | 'doc001', all: string[]): Record<string, unknown> {
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

export async function buildTasks(): Promise<{ files: string[]; summary: Record<string, unknown> }> {
  const d0 = parseDoc000();
  const d1 = parseDoc001();
  assert(d0.tasks.length === 20, `doc000 has 20 tasks (got ${d0.tasks.length})`);
  assert(d1.tasks.length === 24, `doc001 has 24 tasks (got ${d1.tasks.length})`);
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
  return {
    files,
    summary: {
      tasks: {
        doc000: d0.tasks.length,
        doc001: d1.tasks.length,
        doc000WithLevers: d0.tasks.filter((t) => t.levers.length > 0).length,
        doc001WithLevers: d1.tasks.filter((t) => t.levers.length > 0).length,
      },
    },
  };
}
