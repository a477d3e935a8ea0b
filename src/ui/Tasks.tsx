/**
 * The Tasks screen: the document's task-division table (task → lead bureau → partner bureaus), each
 * task linked to the levers it governs; following a link opens the lever in the workspace.
 */
import type { Lever } from '../scenario/levers';
import type { TargetResult } from '../scenario/targets';
import type { Named, TaskTable } from '../runner/view-data';
import type { Lang } from './charts/types';
import { pick, t } from './i18n';

/** Scenario parts a task governs that are not single levers, named for the reader. */
const PARTS: Record<string, { zh: string; en: string }> = {
  '/fiscal/components': { zh: '财政成本构成（情景设定）', en: 'Fiscal cost components (scenario settings)' },
  '/fiscal/allocation': { zh: '成本分担比例（情景设定）', en: 'Cost sharing between payers (scenario settings)' },
  '/fiscal/land': { zh: '城镇建设用地与落户挂钩（情景设定）', en: 'Land quota linkage (scenario settings)' },
  '/hukouDefinition': { zh: '户籍人口城镇化率统计口径', en: 'Statistical definition of the hukou rate' },
  '/willingness/serviceSubstitution': {
    zh: '居住证服务对落户意愿的替代程度（情景设定）',
    en: 'How far residence-permit services substitute for settling (scenario setting)',
  },
  '/willingness/serviceLevel': { zh: '居住证基本公共服务水平', en: 'Residence-permit public services level' },
  '/willingness/familyFollow': { zh: '随迁家属落户系数', en: 'Family members following' },
  '/willingness/landRightsKept': { zh: '进城落户农民土地权益保留', en: 'Land rights kept by rural settlers' },
  '/willingness/speed': { zh: '年度落户转化率', en: 'Annual settlement conversion rate' },
  '/fiscal/transfers/generalLinkage/perCapita': {
    zh: '一般性转移支付与落户挂钩：人均额度',
    en: 'General transfers linked to settlers: per capita',
  },
  '/fiscal/transfers/generalLinkage/weight': {
    zh: '一般性转移支付与落户挂钩：权重（情景设定）',
    en: 'General transfers linked to settlers: weight (scenario setting)',
  },
  '/fiscal/transfers/reward/sameCity': { zh: '市民化奖励资金：本市', en: 'Settlement reward: same city' },
  '/fiscal/transfers/reward/inProvince': { zh: '市民化奖励资金：省内', en: 'Settlement reward: within the province' },
  '/fiscal/transfers/reward/otherProvince': { zh: '市民化奖励资金：跨省', en: 'Settlement reward: other provinces' },
};

type Link =
  | { readonly kind: 'lever'; readonly lever: Lever }
  | { readonly kind: 'text'; readonly text: string; readonly pointer: string };

/**
 * What a task's pointer stands for: the lever itself, the levers under a part (a channel, a cost
 * component), a target, or a named part of the scenario that is set in the file rather than by a lever.
 */
function resolve(
  pointer: string,
  levers: readonly Lever[],
  targets: readonly TargetResult[],
  parts: Readonly<Record<string, Named>>,
  lang: Lang,
): Link[] {
  const exact = levers.find((l) => l.pointer === pointer);
  if (exact) return [{ kind: 'lever', lever: exact }];
  const under = levers.filter((l) => l.pointer.startsWith(pointer + '/'));
  if (under.length) return under.map((lever) => ({ kind: 'lever', lever }));
  const target = /^\/targets\/(\d+)$/.exec(pointer);
  if (target) {
    const tg = targets[Number(target[1])];
    if (tg)
      return [
        {
          kind: 'text',
          pointer,
          text: `${t('target', lang)}${lang === 'en' ? ': ' : '：'}${pick(lang, tg.label, tg.labelEn)}`,
        },
      ];
  }
  const named = parts[pointer];
  if (named) return [{ kind: 'text', pointer, text: pick(lang, named.label, named.labelEn) }];
  const part = PARTS[pointer] ?? PARTS[pointer.replace(/\/\d+$/, '')];
  return [{ kind: 'text', pointer, text: part ? pick(lang, part.zh, part.en) : pointer }];
}

export function Tasks({
  table,
  levers,
  targets,
  parts,
  lang,
  focus,
}: {
  table: TaskTable | null;
  levers: readonly Lever[];
  targets: readonly TargetResult[];
  parts: Readonly<Record<string, Named>>;
  lang: Lang;
  focus(pointer: string): void;
}) {
  return (
    <section className="tasks screen" aria-labelledby="tasks-title">
      <h1 id="tasks-title">{t('tasksTitle', lang)}</h1>
      {!table ? (
        <p>{t('tasksNone', lang)}</p>
      ) : (
        <>
          <p className="document">
            《{table.document.title}》{table.document.number ? `（${table.document.number}）` : ''} ·{' '}
            <code>{table.file}</code>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('taskNo', lang)}</th>
                <th scope="col">{t('task', lang)}</th>
                <th scope="col">{t('lead', lang)}</th>
                <th scope="col">{t('partners', lang)}</th>
                <th scope="col">{t('leversLinked', lang)}</th>
              </tr>
            </thead>
            <tbody>
              {table.tasks.map((task) => (
                <tr key={task.no} data-task={task.no}>
                  <td>{task.label}</td>
                  <td className="task-text">{task.text}</td>
                  <td>{task.lead.join('、')}</td>
                  <td>{task.partners.join('、')}</td>
                  <td>
                    <ul className="task-levers">
                      {[
                        ...new Map(
                          task.levers
                            .flatMap((p) => resolve(p, levers, targets, parts, lang))
                            .map((l) => [l.kind === 'lever' ? l.lever.pointer : l.pointer, l] as const),
                        ).values(),
                      ].map((l) =>
                        l.kind === 'lever' ? (
                          <li key={l.lever.pointer}>
                            <button type="button" className="link" onClick={() => focus(l.lever.pointer)}>
                              {pick(lang, l.lever.label, l.lever.labelEn)}
                            </button>
                          </li>
                        ) : (
                          <li key={l.pointer} title={l.pointer}>
                            {l.text}
                          </li>
                        ),
                      )}
                    </ul>
                    {task.leverNote && lang === 'en' && <p className="muted">{task.leverNote}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
