/**
 * The finance panel (财政): each cost component's unit cost, take-up, service level for non-registered
 * residents and payer shares, edited like levers (the same edits, undo and links), with the unit, the
 * source of the figure and a reset per row. Every input carries `[data-fiscal-input]` = its JSON pointer.
 *
 * Payer shares are shown in per cent; one share set alone takes its part from the others in proportion
 * (src/scenario/payer-shares.ts), so the row still adds up to 100 %.
 */
import { memo, useId, useState, type ChangeEvent } from 'react';
import type { FiscalComponentInfo, Named } from '../../runner/view-data';
import type { Lever } from '../../scenario/levers';
import type { EditValue } from '../../state/doc';
import { sourceOf } from '../brief/brief-content';
import type { Lang } from '../charts/types';
import { PAYER_LABELS, POOLED_LOCAL_LABEL } from '../charts/words';
import { pick } from '../i18n';

const PAYER_ORDER = ['central', 'provincial', 'municipal', 'county', 'employer', 'individual'] as const;

export interface FiscalPanelProps {
  readonly inputs: readonly Lever[];
  readonly components: readonly Named[];
  readonly info: readonly FiscalComponentInfo[];
  readonly sources: Readonly<Record<string, string>>;
  readonly sourceValues: Readonly<Record<string, number>>;
  readonly edits: Readonly<Record<string, EditValue>>;
  readonly localPooled: boolean;
  readonly lang: Lang;
  onChange(pointer: string, value: EditValue, sourceValue: EditValue): void;
}

/**
 * One number field: the value as shown (× `scale`, e.g. 100 for per cent), committed when it parses in range.
 * Each run brings new lever objects with the same content: comparing what the field shows keeps the
 * seventy-odd fields from re-rendering after every change (the lever-to-chart latency budget).
 */
interface FieldProps {
  readonly lever: Lever;
  readonly scale: number;
  readonly unit: string;
  readonly edited: boolean;
  readonly lang: Lang;
  readonly source: number;
  onChange: FiscalPanelProps['onChange'];
}

const FiscalInput = memo(function FiscalInput({ lever, scale, unit, edited, lang, onChange, source }: FieldProps) {
  const id = useId();
  const shownValue = Number((lever.value * scale).toPrecision(10));
  const [text, setText] = useState(String(shownValue));
  const [shown, setShown] = useState(shownValue);
  if (shown !== shownValue) {
    setShown(shownValue);
    setText(String(shownValue));
  }
  const min = lever.min * scale;
  const max = lever.max * scale;
  const parsed = Number(text);
  const invalid = text.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max;
  const onText = (e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    const v = Number(e.target.value);
    if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= min && v <= max)
      onChange(lever.pointer, v / scale, source);
  };
  return (
    <span className={`fiscal-input${edited ? ' is-edited' : ''}`}>
      <input
        id={id}
        type="number"
        data-fiscal-input={lever.pointer}
        min={min}
        max={max}
        step={lever.step * scale}
        value={text}
        aria-label={pick(lang, lever.label, lever.labelEn)}
        aria-invalid={invalid}
        title={
          invalid
            ? lang === 'en'
              ? `Enter a number from ${min} to ${max}.`
              : `请输入 ${min} 至 ${max} 之间的数值。`
            : undefined
        }
        onChange={onText}
        onBlur={() => setText(String(shownValue))}
      />
      {unit && <span className="unit">{unit}</span>}
    </span>
  );
}, sameField);

function sameField(a: FieldProps, b: FieldProps): boolean {
  return (
    a.lever.pointer === b.lever.pointer &&
    a.lever.value === b.lever.value &&
    a.lever.min === b.lever.min &&
    a.lever.max === b.lever.max &&
    a.scale === b.scale &&
    a.unit === b.unit &&
    a.edited === b.edited &&
    a.lang === b.lang &&
    a.source === b.source &&
    a.onChange === b.onChange
  );
}

export function FiscalPanel(p: FiscalPanelProps) {
  const { lang } = p;
  const en = lang === 'en';
  const payers = PAYER_ORDER;
  const payerName = (x: (typeof PAYER_ORDER)[number]) => PAYER_LABELS[x][lang];
  return (
    <section id="fiscal-panel" className="fiscal-panel" aria-labelledby="fiscal-panel-title">
      <h2 id="fiscal-panel-title">
        {en ? 'Finance: unit costs, services and who pays' : '财政：单位成本、服务水平与分担比例'}
      </h2>
      <p className="fiscal-panel-note">
        {en
          ? 'Each input changes the scenario like a lever (undo, links and the brief follow). Shares in per cent: one share changed takes its part from the others in proportion.'
          : '各项输入与政策参数一样修改情景（可撤销，随链接和简报保存）。分担比例以百分比表示：改动一项，其余各项按原比例分摊差额。'}
        {p.localPooled &&
          (en
            ? ` The document gives no split between the city and its counties: the charts show them together (${POOLED_LOCAL_LABEL.en}); the split below is an assumption.`
            : ` 文件未规定市与县（区）之间的分担比例：图表中合并为“${POOLED_LOCAL_LABEL.zh}”，下表的分列比例为假设。`)}
      </p>
      <div className="fiscal-table-wrap">
        <table className="fiscal-table">
          <thead>
            <tr>
              <th scope="col">{en ? 'Item' : '项目'}</th>
              <th scope="col">
                {en ? 'Unit cost (CNY per person; a year for yearly items)' : '单位成本（元/人；每年项目为元/人·年）'}
              </th>
              <th scope="col">{en ? 'Take-up (%)' : '享受比例（%）'}</th>
              <th scope="col">{en ? 'Service for non-registered (%)' : '未落户人口服务水平（%）'}</th>
              {payers.map((x) => (
                <th scope="col" key={x}>
                  {payerName(x)}
                  {en ? ' (%)' : '（%）'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.components.map((c, i) => {
              const rows = p.inputs.filter((l) => l.fiscal?.component === i);
              const of = (field: string) => rows.filter((l) => l.fiscal?.field === field);
              const info = p.info[i];
              const editedRow = rows.filter((l) => Object.hasOwn(p.edits, l.pointer));
              const src = sourceOf(p.sources, `/fiscal/components/${i}`);
              const input = (l: Lever, scale: number, unit: string) => (
                <FiscalInput
                  key={l.pointer}
                  lever={l}
                  scale={scale}
                  unit={unit}
                  edited={Object.hasOwn(p.edits, l.pointer)}
                  lang={lang}
                  source={p.sourceValues[l.pointer] ?? l.value}
                  onChange={p.onChange}
                />
              );
              const payerInput = (x: (typeof PAYER_ORDER)[number]) => {
                const l = of('payer').find((q) => q.fiscal?.key === x);
                return l ? input(l, 100, '') : null;
              };
              return (
                <tr key={c.id} data-fiscal-component={c.id}>
                  <th scope="row">
                    {pick(lang, c.label, c.labelEn)}
                    <span className="fiscal-kind">{kindWords(info, lang)}</span>
                    {src && (
                      <details className="fiscal-source">
                        <summary>{en ? 'Source' : '来源'}</summary>
                        <p>{src}</p>
                      </details>
                    )}
                    {editedRow.length > 0 && (
                      <button
                        type="button"
                        className="link"
                        data-fiscal-reset={c.id}
                        onClick={() => {
                          for (const l of editedRow) {
                            const s = p.sourceValues[l.pointer] ?? l.value;
                            p.onChange(l.pointer, s, s);
                          }
                        }}
                      >
                        {en ? 'Reset' : '恢复'}
                      </button>
                    )}
                  </th>
                  <td>
                    {of('amount').map((l) => (
                      <span key={l.pointer} className="fiscal-band">
                        {of('amount').length > 1 && <span className="fiscal-band-key">{bandWords(l, lang)}</span>}
                        {input(l, 1, '')}
                      </span>
                    ))}
                  </td>
                  <td>{of('takeUp').map((l) => input(l, 100, ''))}</td>
                  <td>
                    {of('serviceLevel').length
                      ? of('serviceLevel').map((l) => (
                          <span key={l.pointer} className="fiscal-band">
                            {l.fiscal?.key && <span className="fiscal-band-key">{l.fiscal.key}</span>}
                            {input(l, 100, '')}
                          </span>
                        ))
                      : info?.appliesTo === 'newUrbanResidents'
                        ? '—'
                        : en
                          ? 'as the residence permit'
                          : '随居住证服务水平'}
                  </td>
                  {payers.map((x) => (
                    <td key={x}>{payerInput(x)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function kindWords(info: FiscalComponentInfo | undefined, lang: Lang): string {
  if (!info) return '';
  const en = lang === 'en';
  const parts: string[] = [];
  if (info.appliesTo === 'newUrbanResidents') parts.push(en ? 'per net new urban resident' : '按城镇净增常住人口');
  else parts.push(info.kind === 'oneOff' ? (en ? 'once per settler' : '每名落户者一次') : en ? 'yearly' : '每年');
  if (info.afterYears > 0)
    parts.push(en ? `from ${info.afterYears} years after settling` : `落户满${info.afterYears}年后`);
  if (info.originShare > 0)
    parts.push(
      en
        ? `${Math.round(info.originShare * 100)} % of it for settlers from elsewhere stays with their area of origin`
        : `外地落户者的${Math.round(info.originShare * 100)}%由户籍迁出地承担`,
    );
  return parts.join(en ? '; ' : '；');
}

function bandWords(l: Lever, lang: Lang): string {
  const [from, to, sex] = (l.fiscal?.key ?? '').split('-');
  const sexWord =
    sex === 'female' ? (lang === 'en' ? ' women' : '女') : sex === 'male' ? (lang === 'en' ? ' men' : '男') : '';
  return lang === 'en' ? `ages ${from}–${to}${sexWord}` : `${from}–${to}岁${sexWord}`;
}
