import type { ScenarioMeta } from '../runner/reply';
import type { ProjectionResult } from '../scenario/result';

/** City, source document, base year and horizon of the scenario on screen. */
export function ScenarioHeader({ meta, scenario }: { meta: ScenarioMeta; scenario: ProjectionResult['scenario'] }) {
  const { document } = meta;
  return (
    <header className="scenario-header">
      <p className="app-name">
        户籍制度改革模拟器 · <span data-meta="city">{meta.province ? `${meta.province}${meta.city}` : meta.city}</span>
      </p>
      <h1>{scenario.name}</h1>
      <p className="document" data-meta="document">
        依据：{document.issuedBy ? `${document.issuedBy}《${document.title}》` : `《${document.title}》`}
        {document.number ? `（${document.number}）` : ''}
        {document.date ? `，${document.date}` : ''}
      </p>
      <p className="horizon" data-meta="horizon">
        基年 <strong>{scenario.baseYear}</strong> 年末 · 预测至 <strong>{scenario.until}</strong> 年
      </p>
    </header>
  );
}
