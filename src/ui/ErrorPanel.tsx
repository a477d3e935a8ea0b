import { formatIssue, type Issue } from '../scenario/issues';
import type { Lang } from './charts/types';

/** Why the last run failed: every validation issue as `path: message`, or the worker's failure. */
export function ErrorPanel({
  issues,
  failure,
  lang,
}: {
  issues: readonly Issue[];
  failure: string | null;
  lang: Lang;
}) {
  const en = lang === 'en';
  return (
    <section className="error-panel" role="alert">
      <h2>
        {failure
          ? en
            ? 'The model failed'
            : '模型运行出错'
          : en
            ? 'The scenario has errors'
            : '情景数据有误，无法计算'}
      </h2>
      {failure ? (
        <p>
          {en
            ? 'The model worker failed and will be restarted on the next change; your levers are kept. Message: '
            : '计算进程发生错误，下次调整时将重新启动；已调整的参数保留。错误信息：'}
          <code>{failure}</code>
        </p>
      ) : (
        <>
          <p>{en ? 'Fix these fields (field: problem):' : '请修改以下字段后重试（字段位置 : 问题）：'}</p>
          <ul>
            {issues.map((i, k) => (
              <li key={k}>
                <code>{formatIssue(i)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
