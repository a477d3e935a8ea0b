/**
 * The brief route: the page's actions (print / PDF, results CSV for people and in the raw machine form)
 * above the printable sheet.
 */
import { resultToCsv } from '../../runner/result-csv';
import { resultToPeopleCsv } from '../../runner/result-csv-people';
import { t } from '../i18n';
import { download } from '../services';
import { Brief, type BriefProps } from './Brief';

export function BriefScreen(p: BriefProps) {
  const en = p.lang === 'en';
  return (
    <>
      <div className="brief-actions">
        <button type="button" data-print="" onClick={() => window.print()}>
          {en ? 'Print / export PDF' : '打印 / 导出 PDF'}
        </button>
        <button
          type="button"
          data-export-results="brief"
          title={t('exportResultsHint', p.lang)}
          onClick={() =>
            download(
              '\ufeff' + resultToPeopleCsv(p.result, { lang: p.lang, names: p.view }),
              `${p.result.scenario.id}-results.csv`,
              'text/csv',
            )
          }
        >
          {t('exportResultsBrief', p.lang)}
        </button>
        <button
          type="button"
          data-export-results-raw="brief"
          title={t('exportResultsRawHint', p.lang)}
          onClick={() =>
            download('\ufeff' + resultToCsv(p.result), `${p.result.scenario.id}-results-raw.csv`, 'text/csv')
          }
        >
          {t('exportResultsRaw', p.lang)}
        </button>
        <span className="muted">
          {en
            ? 'In the print dialog choose “Save as PDF”; A4 landscape is preset.'
            : '在打印对话框中选择“另存为 PDF”；纸张已设为 A4 横向。'}
        </span>
      </div>
      <Brief {...p} />
    </>
  );
}
