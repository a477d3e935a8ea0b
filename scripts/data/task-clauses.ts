/**
 * Documents 002 (锦州) and 003 (广州): numbered clauses, each ending in a responsibility bracket; parsed
 * into task rows with lead (牵头) and partner (配合) units kept apart.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assert } from './lib/util';
import { DOC002_LEVERS, DOC003_LEVERS, type LeverMap } from './task-levers';
import { seedFile, seedsDir, splitBureaus, type Task } from './task-seeds';

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

export function parseDoc002(): { file: string; document: Record<string, unknown>; tasks: Task[]; omitted: Omitted[] } {
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

export function parseDoc003(): { file: string; document: Record<string, unknown>; tasks: Task[]; omitted: Omitted[] } {
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

export const METHOD_002 =
  'Tasks are the clauses "(四)…(二十)" whose responsibility bracket ends them ("(牵头单位:市X局)", "(牵头单位:市X局,市Y局等配合)", "(X按职责分工负责)", "(X牵头)"): bureaus before 牵头 / 按职责分工负责 / after the label 牵头单位 lead, bureaus before 配合 are partners; "等" and "等部门" are dropped. Clause (十一) has three brackets for its three parts; its lead and partners are their union. Clauses (四)–(六) have no bracket: the one after (七), the last clause of section 二, is read as covering the section (an inference). Clauses (一)–(三) (总体要求) have no bracket and are no tasks (clausesWithoutTask). no runs 1…17 over the tasks; label is the clause number in the document; text is the clause without its closing bracket; title = its first sentence (the clause heading).';

export const METHOD_003 =
  'The seed is an unofficial reprint in traditional characters with garbling, quoted here as it is: the heading "廣州政府進一步推進户籍制度" is truncated and printed twice, names are masked with "x" (鄧x理論, xx系列重要講話精神, 黨的xx屆三中全會, 廣州市xx政府), and 户/戶 forms are mixed. Tasks are the clauses "(三)…(十)" and the items "1.…6." of clause (十一) (a heading), each ending in a bracket "(X牽頭,Y配合)": bureaus before 牽頭 lead, bureaus before 配合 are partners ("、" and "及" separate them; "等部門" is dropped). Bureau names are kept as written: after the first bureau of a list the 市 is left out (市公安局、人力資源和社會保障局). Clauses (一)(二) (總體要求) and (十二)–(十四) (organisation, policies, publicity) have no bracket and are no tasks (clausesWithoutTask). no runs 1…14 over the tasks; label is the clause number in the document ("(十一)1" for an item); text is the clause without its closing bracket; title = its first sentence (the clause heading).';
