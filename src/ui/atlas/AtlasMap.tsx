/**
 * The atlas's map (`[data-chart="atlas-map"]`): one path per prefecture (`[data-atlas-code]`), drawn with
 * d3-geo from the census units' outlines (data/atlas/boundaries.json, loaded with the screen), coloured
 * by the chosen metric; wheel or pinch to zoom, drag to pan; hover for the figure, click to open the city.
 */
import { geoArea, geoConicEqualArea, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasRow } from '../../analysis/atlas-run';
import type { Lang } from '../charts/types';
import { by } from '../charts/words';
import type { AtlasMetricDef } from './atlas-metrics';

type Shapes = Record<string, number[][][][]>;
interface Feature {
  readonly type: 'Feature';
  readonly id: string;
  readonly properties: Record<string, never>;
  readonly geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

const W = 820;
const H = 620;

/**
 * Outlines as features, each polygon wound the way d3-geo reads as its inside (the smaller side of the
 * sphere): a polygon wound the other way would cover the rest of the world and every other city.
 */
function features(shapes: Shapes): Feature[] {
  return Object.entries(shapes).map(([id, coordinates]) => {
    for (const poly of coordinates)
      if (geoArea({ type: 'Polygon', coordinates: poly } as GeoPermissibleObjects) > 2 * Math.PI)
        for (const ring of poly) ring.reverse();
    return { type: 'Feature', id, properties: {}, geometry: { type: 'MultiPolygon', coordinates } };
  });
}

export function AtlasMap({
  rows,
  metric,
  names,
  lang,
  onOpen,
}: {
  /** One row per prefecture (the chosen year). */
  rows: ReadonlyMap<string, AtlasRow>;
  metric: AtlasMetricDef;
  /** Names of every unit (those that did not run included). */
  names: ReadonlyMap<string, string>;
  lang: Lang;
  onOpen: (code: string) => void;
}) {
  const [shapes, setShapes] = useState<Shapes | null>(null);
  // Every unit's name, those that did not run included (the outlines' file carries them).
  const [allNames, setAllNames] = useState<Record<string, string>>({});
  const [hover, setHover] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const gRef = useRef<SVGGElement>(null);

  useEffect(() => {
    let live = true;
    void import('../../../data/atlas/boundaries.json').then((m) => {
      if (!live) return;
      const file = m.default as unknown as { shapes: Shapes; names?: Record<string, string> };
      setShapes(file.shapes);
      setAllNames(file.names ?? {});
    });
    return () => {
      live = false;
    };
  }, []);

  const drawn = useMemo(() => {
    if (!shapes) return null;
    const fs = features(shapes);
    const projection = geoConicEqualArea()
      .parallels([25, 47])
      .rotate([-105, 0])
      .fitSize([W, H], { type: 'FeatureCollection', features: fs } as unknown as GeoPermissibleObjects);
    const path = geoPath(projection);
    return fs.map((f) => ({ id: f.id, d: path(f as unknown as GeoPermissibleObjects) ?? '' }));
  }, [shapes]);

  const values = [...rows.values()].map(metric.value).filter((x): x is number => x !== null && Number.isFinite(x));
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const colour = scaleSequential(interpolateCividis).domain([lo, hi === lo ? lo + 1 : hi]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !gRef.current) return;
    const g = select(gRef.current);
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 12])
      .translateExtent([
        [0, 0],
        [W, H],
      ])
      .on('zoom', (e) => g.attr('transform', e.transform.toString()));
    select(svg).call(z).call(z.transform, zoomIdentity);
    return () => void select(svg).on('.zoom', null);
  }, [drawn]);

  const hovered = hover ? rows.get(hover) : undefined;
  return (
    <figure className="atlas-map chart-card" data-chart="atlas-map">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={by(lang, `全国地图：${metric.zh}`, `Map of China: ${metric.en}`)}
      >
        <g ref={gRef}>
          {drawn?.map((f) => {
            const r = rows.get(f.id);
            const v = r ? metric.value(r) : null;
            return (
              <path
                key={f.id}
                d={f.d}
                data-atlas-code={f.id}
                fill={v !== null && Number.isFinite(v) ? colour(v) : '#d9d9d9'}
                stroke={hover === f.id ? '#000' : '#fff'}
                strokeWidth={hover === f.id ? 1.2 : 0.3}
                vectorEffect="non-scaling-stroke"
                onMouseEnter={() => setHover(f.id)}
                onMouseLeave={() => setHover((h) => (h === f.id ? null : h))}
                onClick={() => r && onOpen(f.id)}
                style={{ cursor: r ? 'pointer' : 'default' }}
              >
                <title>{`${names.get(f.id) ?? allNames[f.id] ?? f.id}：${r ? metric.format(v, lang) : by(lang, '数据不足，未计算', 'too little data; not run')}`}</title>
              </path>
            );
          })}
        </g>
      </svg>
      {!drawn && <p className="loading">{by(lang, '正在载入地图…', 'Loading the map…')}</p>}
      <div className="atlas-legend" aria-hidden="true">
        <span>{metric.format(lo, lang)}</span>
        <span
          className="atlas-ramp"
          style={{
            background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => interpolateCividis(t)).join(', ')})`,
          }}
        />
        <span>{metric.format(hi, lang)}</span>
        <span className="atlas-none">{by(lang, '灰色：数据不足', 'grey: too little data')}</span>
      </div>
      <p className="chart-source" data-atlas-source="">
        {by(
          lang,
          `${metric.zh}：模型预测值（2020年第七次人口普查为基年，国家现行落户政策，人口、迁移和意愿参数取全国值），不是统计数据。边界与基年数据：第六、七次全国人口普查城市表和分县表（github.com/leiii/census，MIT）。`,
          `${metric.en}: model projections (base: the 2020 census; the national settlement rules in force; the nation's demographic, migration and willingness rates), not statistics. Outlines and base-year data: the 2010 and 2020 census city and county tables (github.com/leiii/census, MIT).`,
        )}
      </p>
      <p className="atlas-hover" data-atlas-hover={hover ?? ''} aria-live="polite">
        {hover
          ? `${names.get(hover) ?? allNames[hover] ?? hover}${hovered ? `：${metric.format(metric.value(hovered), lang)}${by(lang, '（点击打开）', ' (click to open)')}` : by(lang, '：数据不足，未计算', ': too little data; not run')}`
          : by(
              lang,
              '指向一个城市查看数值，点击在工作台打开。滚轮缩放，拖动平移。',
              'Point at a city for its figure; click to open it in the workspace. Wheel to zoom, drag to pan.',
            )}
      </p>
    </figure>
  );
}
