/**
 * The Tasks screen: the document's task-division table (task → lead bureau → partner bureaus), each
 * task linked to the levers it governs; following a link opens the lever in the workspace.
 */
import type { Lever } from '../scenario/levers';
import type { TaskTable } from '../runner/view-data';
import type { Lang } from './charts/types';
import { pick, t } from './i18n';

export function Tasks({
  table,
  levers,
  lang,
  focus,
}: {
  table: TaskTable | null;
  levers: readonly Lever[];
  lang: Lang;
  focus(pointer: string): void;
}) {
  const byPointer = new Map(levers.map((l) => [l.pointer, l]));
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
                      {task.levers.map((p) => {
                        const l = byPointer.get(p);
                        return (
                          <li key={p}>
                            {l ? (
                              <button type="button" className="link" onClick={() => focus(p)}>
                                {pick(lang, l.label, l.labelEn)}
                              </button>
                            ) : (
                              <code title={lang === 'en' ? 'not a lever (e.g. a target)' : '非杠杆（如目标）'}>
                                {p}
                              </code>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                    {task.leverNote && <p className="muted">{task.leverNote}</p>}
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
