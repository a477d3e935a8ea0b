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
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assert, repoRoot, writeJson } from './lib/util';
import { DOC000_LEVERS, DOC001_LEVERS } from './task-levers';
import { METHOD_002, METHOD_003, parseDoc002, parseDoc003 } from './task-clauses';
import { cnNumber, heading, seedFile, seedLabel, seedsDir, splitBureaus, type DocKey, type Task } from './task-seeds';

// The lever mapping (a modelling choice) is in task-levers.ts.

const MAPPING_ASSUMPTION =
  'The levers of each task are a modelling choice, written by hand in scripts/data/build-tasks.ts, not part of the documents. Pointers are JSON pointers into a merged scenario (scenarios/cities/<city>.json + scenarios/packages/<package>.json). /fiscal/components/k follows the component order of scenarios/cities/changzhou.json (0 infrastructure, 1 affordable housing, 2 compulsory education, 3 pre-school, 4 medical insurance, 5 pension, 6 minimum living, 7 training), which the other city parts keep. ';

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
