/**
 * The levers, grouped as planners think of them (settlement channels per urban tier; willingness and
 * services; migration; fiscal linkage; demography). Each lever has a slider and a number field (or a
 * switch), its unit, the clause and bureau it comes from, and the tasks of the document that govern it.
 * The `[data-lever]` hook sits on the number field (or the switch).
 */
import { memo, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { EditValue } from '../state/doc';
import type { Lever, LeverGroup } from '../scenario/levers';
import type { TaskRow } from '../runner/view-data';
import type { Lang } from './charts/types';
import { pick, t, type StringKey } from './i18n';
import { leverMeaning } from './lever-meaning';
import { unitIn } from './format';

const GROUPS: readonly LeverGroup[] = ['settlement', 'willingness', 'migration', 'fiscal', 'demography'];

export interface LeverPanelProps {
  readonly levers: readonly Lever[];
  /** The scenario's own values (before the user's edits), by pointer. */
  readonly sourceValues: Readonly<Record<string, number>>;
  readonly edits: Readonly<Record<string, EditValue>>;
  readonly tasks: readonly TaskRow[];
  readonly lang: Lang;
  readonly focusLever: string | null;
  onChange(pointer: string, value: EditValue, sourceValue: EditValue): void;
  onFocused(): void;
}

export function LeverPanel(props: LeverPanelProps) {
  const { levers, lang } = props;
  const tasksByLever = new Map<string, TaskRow[]>();
  for (const task of props.tasks)
    for (const p of task.levers) {
      const list = tasksByLever.get(p) ?? [];
      list.push(task);
      tasksByLever.set(p, list);
    }
  return (
    <nav className="lever-panel" aria-label={t('levers', lang)}>
      <h2>{t('levers', lang)}</h2>
      {GROUPS.map((g) => {
        // The finance panel's inputs (unit costs, take-up, service levels, payer shares) are not levers here.
        const list = levers.filter((l) => l.group === g && !l.fiscal);
        if (!list.length) return null;
        const edited = list.filter((l) => Object.hasOwn(props.edits, l.pointer)).length;
        return (
          <details key={g} className="lever-group" open={g === 'settlement' || g === 'fiscal' || undefined}>
            <summary>
              {t(`group.${g}` as StringKey, lang)}
              {edited > 0 && (
                <span className="edited-count">
                  {' '}
                  · {edited} {t('edited', lang)}
                </span>
              )}
            </summary>
            {list.map((l) => (
              <LeverControl
                key={l.pointer}
                lever={l}
                linked={tasksByLever.get(l.pointer) ?? []}
                source={props.sourceValues[l.pointer] ?? l.value}
                editedValue={props.edits[l.pointer]}
                lang={lang}
                focused={props.focusLever === l.pointer}
                onChange={props.onChange}
                onFocused={props.onFocused}
              />
            ))}
          </details>
        );
      })}
    </nav>
  );
}

interface LeverControlProps {
  readonly lever: Lever;
  readonly linked: readonly TaskRow[];
  /** The lever's value in the scenario itself (before edits). */
  readonly source: number;
  readonly editedValue: EditValue | undefined;
  readonly lang: Lang;
  readonly focused: boolean;
  onChange(pointer: string, value: EditValue, sourceValue: EditValue): void;
  onFocused(): void;
}

/**
 * Each run brings new lever objects with the same content; comparing what a row shows keeps the other
 * forty-odd rows from re-rendering after every change (part of the lever-to-chart latency budget).
 */
const sameRow = (a: LeverControlProps, b: LeverControlProps): boolean =>
  a.lever.pointer === b.lever.pointer &&
  a.lever.value === b.lever.value &&
  a.lever.label === b.lever.label &&
  a.lever.min === b.lever.min &&
  a.lever.max === b.lever.max &&
  a.source === b.source &&
  a.editedValue === b.editedValue &&
  a.lang === b.lang &&
  a.focused === b.focused &&
  a.onChange === b.onChange &&
  a.onFocused === b.onFocused &&
  a.linked.map((t) => t.no).join() === b.linked.map((t) => t.no).join();

const LeverControl = memo(function LeverControl({
  lever,
  linked: tasks,
  source,
  editedValue,
  lang,
  focused,
  onChange,
  onFocused,
}: LeverControlProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const focusLever = focused ? lever.pointer : null;
  const isEdited = editedValue !== undefined;
  const value = typeof editedValue === 'boolean' ? (editedValue ? 1 : 0) : (editedValue ?? source);
  const label = pick(lang, lever.label, lever.labelEn);
  const meaning = leverMeaning(lever.pointer, lang);
  const sourceAsEdit: EditValue = lever.toggle ? source === 1 : source;

  // A number field being typed in keeps its own text until it parses; the slider and edits drive it otherwise.
  // (Adjusted during render, as React recommends for state derived from a changed prop.)
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  useEffect(() => {
    if (focusLever === lever.pointer && ref.current) {
      ref.current.closest('details')?.setAttribute('open', '');
      ref.current.scrollIntoView({ block: 'center' });
      ref.current.querySelector<HTMLInputElement>('input')?.focus();
      onFocused();
    }
  }, [focusLever, lever.pointer, onFocused]);

  const commit = (v: number) => {
    if (!Number.isFinite(v)) return;
    const clamped = Math.min(lever.max, Math.max(lever.min, v));
    onChange(lever.pointer, clamped, sourceAsEdit);
  };
  const invalid =
    text.trim() === '' || !Number.isFinite(Number(text)) || Number(text) < lever.min || Number(text) > lever.max;
  const onText = (e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    const v = Number(e.target.value);
    if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= lever.min && v <= lever.max) commit(v);
  };

  return (
    <div
      ref={ref}
      className={`lever${isEdited ? ' is-edited' : ''}${focusLever === lever.pointer ? ' is-focused' : ''}`}
      data-lever-row={lever.pointer}
    >
      <label htmlFor={id} className="lever-label">
        {label}
      </label>
      {lever.toggle ? (
        <div className="lever-inputs">
          <input
            id={id}
            type="checkbox"
            data-lever={lever.pointer}
            checked={value === 1}
            onChange={(e) => onChange(lever.pointer, e.target.checked, sourceAsEdit)}
          />
          <span className="unit">{value === 1 ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否'}</span>
        </div>
      ) : (
        <div className="lever-inputs">
          <input
            type="range"
            min={lever.min}
            max={lever.max}
            step={lever.step}
            value={value}
            aria-label={label}
            aria-describedby={`${id}-meta`}
            onChange={(e) => commit(Number(e.target.value))}
          />
          <input
            id={id}
            type="number"
            data-lever={lever.pointer}
            min={lever.min}
            max={lever.max}
            step={lever.step}
            value={text}
            aria-invalid={invalid}
            aria-describedby={`${id}-meta`}
            onChange={onText}
            onBlur={() => setText(String(value))}
          />
          <span className="unit">{unitIn(lever.unit, lang)}</span>
        </div>
      )}
      {invalid && !lever.toggle && (
        <p className="lever-error" role="alert">
          {lang === 'en'
            ? `Enter a number from ${lever.min} to ${lever.max}.`
            : `请输入 ${lever.min} 至 ${lever.max} 之间的数值。`}
        </p>
      )}
      <div id={`${id}-meta`} className="lever-meta">
        {meaning && <p className="lever-meaning">{meaning}</p>}
        {(lever.clause || lever.bureau) && (
          <p>
            {lever.clause && (
              <span>
                {t('clause', lang)}：{lever.clause}
              </span>
            )}
            {lever.clause && lever.bureau && ' · '}
            {lever.bureau && (
              <span>
                {t('bureau', lang)}：{lever.bureau}
              </span>
            )}
          </p>
        )}
        {tasks.length > 0 && (
          <p>
            {t('tasksOfLever', lang)}：{tasks.map((task) => `${task.label} ${task.lead.join('、')}`).join('；')}
          </p>
        )}
        {isEdited && (
          <button type="button" className="link" onClick={() => onChange(lever.pointer, sourceAsEdit, sourceAsEdit)}>
            {t('resetOne', lang)} ({lever.toggle ? (source === 1 ? '✓' : '✗') : source})
          </button>
        )}
      </div>
    </div>
  );
}, sameRow);
