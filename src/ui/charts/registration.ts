/**
 * `registration`: every door of the register each year — move-ins by reason above the axis, move-outs by
 * reason below — so that the change of the registered population besides births and deaths can be read
 * off one bar.
 */
import { REGISTRATION_COLORS } from './palette';
import type { StackPart } from './stack';
import { renderStackedBars, stackedTable } from './stacked-bars';
import { fileNote, flowsNote, sourceLine } from './source';
import type { ChartContext, ChartSpec } from './types';
import { unitOf } from './units';
import { by, describeSeries, REGISTRATION_IN_LABELS, REGISTRATION_OUT_LABELS } from './words';

const IN = ['settlement', 'student', 'family', 'transfer', 'other'] as const;
const OUT = ['away', 'student', 'other'] as const;

/** Move-ins as they are, move-outs negated; a door that is shut in every year is left out. */
export function registrationParts(ctx: ChartContext): StackPart[] {
  const s = ctx.result.series;
  const ins = IN.map((k) => ({
    key: `in-${k}`,
    label: REGISTRATION_IN_LABELS[k][ctx.lang],
    color: REGISTRATION_COLORS.in[k],
    values: s.registrationInByReason?.[k] ?? [],
  }));
  const outs = OUT.map((k) => ({
    key: `out-${k}`,
    label: REGISTRATION_OUT_LABELS[k][ctx.lang],
    color: REGISTRATION_COLORS.out[k],
    values: (s.registrationOutByReason?.[k] ?? []).map((v) => (v === null ? null : -v)),
  }));
  return [...ins, ...outs].filter((p) => p.values.some((v) => v !== null && v !== 0));
}

const net = (ctx: ChartContext) =>
  ctx.result.years.map((_, i) => {
    const a = ctx.result.series.registrationIn?.[i];
    const b = ctx.result.series.registrationOut?.[i];
    return a === null || a === undefined || b === null || b === undefined ? null : a - b;
  });

export const registrationChart: ChartSpec = {
  id: 'registration',
  title: (ctx) => by(ctx.lang, '户籍迁入与迁出（按原因）', 'Registrations in and out, by reason'),
  unit: (ctx) => unitOf('persons', ctx.lang).label,
  source: (ctx) =>
    sourceLine(
      ctx,
      flowsNote(ctx),
      by(
        ctx.lang,
        '迁入为正、迁出为负。落户渠道只计外地户籍者；本地农业户口转为城镇户口不改变户籍人口，不计入。户籍人口年变动 = 出生 − 死亡 + 迁入 − 迁出。',
        'Move-ins up, move-outs down. Settlement counts only people registered elsewhere: a local rural registration turned urban does not change the register. Yearly change of the register = births − deaths + in − out.',
      ),
      fileNote(ctx),
    ),
  available: (ctx) => registrationParts(ctx).length > 0,
  render: (ctx, width) =>
    renderStackedBars(ctx, width, {
      parts: registrationParts(ctx),
      unit: unitOf('persons', ctx.lang),
      yName: by(ctx.lang, '迁入（+）与迁出（−）', 'In (+) and out (−)'),
      ariaLabel: registrationChart.title(ctx),
      ariaDescription: describeSeries(
        ctx,
        by(ctx.lang, '净迁入', 'Net registrations in'),
        net(ctx),
        unitOf('persons', ctx.lang),
        2,
      ),
    }),
  table: (ctx) => stackedTable(ctx, registrationParts(ctx), unitOf('persons', ctx.lang)),
};
