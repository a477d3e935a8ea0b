/** `settlers` and `settlers-origin`: people granted local hukou each year, by channel and by origin. */
import type { Series } from '../../scenario/result';
import type { StackPart } from './stack';
import { ORIGIN_COLORS, categoryColor } from './palette';
import { renderStackedBars, stackedTable } from './stacked-bars';
import { fileNote, flowsNote, sourceLine } from './source';
import type { ChartContext, ChartSpec } from './types';
import { unitOf } from './units';
import { by, describeSeries, nameOf, ORIGIN_LABELS } from './words';

/**
 * One part per channel of the result, in the scenario's order of channels (so colours follow the
 * scenario, not the order of object keys); a channel the view does not name comes last, under its id.
 */
export function channelParts(ctx: ChartContext): StackPart[] {
  const byChannel = ctx.result.series.settlersByChannel;
  const ids = [
    ...ctx.view.channels.map((c) => c.id).filter((id) => id in byChannel),
    ...Object.keys(byChannel).filter((id) => !ctx.view.channels.some((c) => c.id === id)),
  ];
  return ids.map((id, i) => ({
    key: id,
    label: nameOf(ctx.lang, ctx.view.channels, id),
    color: categoryColor(i),
    values: byChannel[id],
  }));
}

/** Local rural, rural elsewhere and urban elsewhere (a result without the split: local and elsewhere). */
export function originParts(ctx: ChartContext): StackPart[] {
  const detail = ctx.result.series.settlersByOriginDetail;
  const o: Record<string, Series> = detail ?? ctx.result.series.settlersByOrigin;
  const keys = detail
    ? (['localRural', 'ruralElsewhere', 'urbanElsewhere'] as const)
    : (['localRural', 'elsewhere'] as const);
  return keys.map((k) => ({
    key: k,
    label: ORIGIN_LABELS[k][ctx.lang],
    color: ORIGIN_COLORS[k],
    values: o[k],
  }));
}

const settlersName = (ctx: ChartContext) => by(ctx.lang, '落户人数', 'Settlers');

/** A stacked chart of settlers per year: the two differ in their parts, words and screen-reader text. */
function settlersBy(d: {
  id: string;
  title: { zh: string; en: string };
  note: { zh: string; en: string };
  parts(ctx: ChartContext): StackPart[];
  available(ctx: ChartContext): boolean;
  describe(ctx: ChartContext): string;
}): ChartSpec {
  const spec: ChartSpec = {
    id: d.id,
    title: (ctx) => by(ctx.lang, d.title.zh, d.title.en),
    unit: (ctx) => unitOf('persons', ctx.lang).label,
    source: (ctx) => sourceLine(ctx, flowsNote(ctx), by(ctx.lang, d.note.zh, d.note.en), fileNote(ctx)),
    available: d.available,
    render: (ctx, width) =>
      renderStackedBars(ctx, width, {
        parts: d.parts(ctx),
        unit: unitOf('persons', ctx.lang),
        yName: settlersName(ctx),
        ariaLabel: spec.title(ctx),
        ariaDescription: d.describe(ctx),
      }),
    table: (ctx) => stackedTable(ctx, d.parts(ctx), unitOf('persons', ctx.lang)),
  };
  return spec;
}

export const settlersChart = settlersBy({
  id: 'settlers',
  title: { zh: '每年落户人数（按落户渠道）', en: 'Settlers per year, by channel' },
  note: {
    zh: '落户人数含随迁家属，家属按成年落户者的渠道构成分摊。',
    en: 'Settlers include dependants, shared among channels as the adults who settle are.',
  },
  parts: channelParts,
  available: (ctx) => Object.keys(ctx.result.series.settlersByChannel).length > 0,
  describe: (ctx) => describeSeries(ctx, settlersName(ctx), ctx.result.series.settlers, unitOf('persons', ctx.lang), 2),
});

export const settlersOriginChart = settlersBy({
  id: 'settlers-origin',
  title: { zh: '每年落户人数（按来源）', en: 'Settlers per year, by origin' },
  note: {
    zh: '本地农业转移人口：户籍在本市农村、常住城镇者；外来农业转移人口、外地城镇户籍人口：户籍在外地农村或城镇者（奖励资金与用地指标只随农业转移人口）。',
    en: "Local rural-registered: registered in this city's villages, living in town; rural- or urban-registered elsewhere: hukou in another place's villages or towns (rewards and land follow the rural-registered only).",
  },
  parts: originParts,
  available: (ctx) => ctx.result.years.length > 0,
  describe: (ctx) =>
    originParts(ctx)
      .map((p) => describeSeries(ctx, p.label, p.values, unitOf('persons', ctx.lang), 2))
      .join(by(ctx.lang, '；', '; ')),
});
