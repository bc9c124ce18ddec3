import { shortLabel } from '../lib/dojo/class-name';
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../lib/ext/i18n';
import { seriesOf, type TrendPoint } from '../lib/spot-check/record';
import { dayText } from './dates';
import { tn } from './plural';
import { dateTicks } from '../lib/ui/axis';
import { placeLabels } from '../lib/ui/chart-labels';

const W = 640;
const H = 240;
const PAD = { left: 48, right: 24, top: 22, bottom: 40 };
/**
 * Distinct in colour, dash pattern and point shape, so lines are told apart without colour vision too, and a
 * class with a single check (a point and no line) is matched to its legend by its shape.
 */
const SERIES = [
  { colour: '#6c3fc5', dash: '', shape: 'circle' },
  { colour: '#0b7a75', dash: '6 3', shape: 'square' },
  { colour: '#c0392b', dash: '2 3', shape: 'triangle' },
  { colour: '#2f5fb3', dash: '10 4 2 4', shape: 'diamond' },
  { colour: '#a0620b', dash: '4 4', shape: 'triangle-down' },
  { colour: '#4a4f5a', dash: '1 2', shape: 'ring' },
] as const;
type Shape = (typeof SERIES)[number]['shape'];

/** A point's marker path, centred on (x, y), about 9 units across. */
function markerPath(shape: Shape, x: number, y: number): string {
  switch (shape) {
    case 'square':
      return `M${x - 3.5},${y - 3.5}h7v7h-7z`;
    case 'triangle':
      return `M${x},${y - 4.5}L${x + 4.5},${y + 3.5}H${x - 4.5}z`;
    case 'triangle-down':
      return `M${x},${y + 4.5}L${x + 4.5},${y - 3.5}H${x - 4.5}z`;
    case 'diamond':
      return `M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}z`;
    default:
      return `M${x - 4},${y}a4,4 0 1,0 8,0a4,4 0 1,0 -8,0z`;
  }
}

/** A point's marker: its shape, filled with the line's colour ("ring": hollow). Carries the point's data. */
function Marker(props: { series: (typeof SERIES)[number]; x: number; y: number; data?: Record<string, string | number>; children?: ComponentChildren }) {
  const { series: s } = props;
  return (
    <path d={markerPath(s.shape, props.x, props.y)} fill={s.shape === 'ring' ? '#fff' : s.colour} stroke={s.colour} stroke-width={s.shape === 'ring' ? 2 : 1} data-policy-guard={props.data ? 'trend-point' : undefined} data-shape={s.shape} {...props.data}>
      {props.children}
    </path>
  );
}

const dayMs = (date: string) => Date.parse(`${date}T12:00:00Z`);
const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * Each class's (and view's) share of posts with something to look at, spot-check by spot-check: a
 * hand-drawn SVG line chart (no charting library in the bundle), 0–100 %. Each point is labelled with its
 * counts ("3/5": 3 of the 5 posts it reviewed new or edited), so a point from one post is not read like one
 * from forty. Falling lines mean practice is improving. The numbers are also in the table beside it, and
 * each point has a title, so the chart is never the only way to read them. `label` names a line from its
 * key (`seriesKey`: class and view).
 */
export function TrendChart(props: { trend: Map<string, TrendPoint[]>; label?: (series: string) => string }) {
  const name = props.label ?? ((c: string) => c);
  const all = [...props.trend.values()].flat();
  if (all.length === 0) return null;
  const days = all.map((p) => dayMs(p.date));
  const [x0, x1] = [Math.min(...days), Math.max(...days)];
  // Round gridlines: 0–10% in steps of 2%, up to 50% in 10s, up to 100% in 25s (a share: never above 100%).
  const max = Math.min(1, Math.max(...all.map((p) => p.rate)));
  const step = max <= 0.1 ? 0.02 : max <= 0.5 ? 0.1 : 0.25;
  const top = Math.min(1, Math.max(step, Math.ceil(max / step - 1e-9) * step));
  const x = (date: string) => (x1 === x0 ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((dayMs(date) - x0) / (x1 - x0)) * (W - PAD.left - PAD.right));
  const y = (rate: number) => H - PAD.bottom - (Math.min(rate, top) / top) * (H - PAD.top - PAD.bottom);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const label = t('historyChartLabel', [String(props.trend.size)]);
  // Points of several lines on one spot (same day, same share) are drawn side by side, not on top of one another.
  const placed = new Map<string, number>();
  const nudge = (date: string, rate: number) => {
    const k = `${date}|${rate.toFixed(3)}`;
    const n = placed.get(k) ?? 0;
    placed.set(k, n + 1);
    return n * 9;
  };
  const series = [...props.trend].map(([key, points]) => ({ key, points: points.map((p) => ({ ...p, dx: nudge(p.date, p.rate) })) }));
  // Each point's count where it overlaps no other label or point: each line's latest check first, then the
  // newest. A point without room keeps its counts in its title and in the table (lib/ui/chart-labels.ts).
  const wanted = series.flatMap(({ points }, si) =>
    points.map((p, pi) => ({ si, pi, x: x(p.date) + p.dx, y: y(p.rate), text: `${p.flagged}/${p.posts + p.edited}`, priority: pi === points.length - 1 ? -1e13 + si : -dayMs(p.date) })),
  );
  const dayTicks = dateTicks(all.map((p) => p.date), 5, (m) => t(`month_${m}` as MessageKey));
  const anchorOf = (i: number) => (dayTicks.length === 1 ? 'middle' : i === 0 ? 'start' : i === dayTicks.length - 1 ? 'end' : 'middle');
  // The date labels' boxes (font-size 11: at most 7 units a character, 14 high), which no count may cover.
  const axisBoxes = dayTicks.map((tick, i) => {
    const w = tick.label.length * 7;
    const left = anchorOf(i) === 'start' ? x(tick.date) : anchorOf(i) === 'end' ? x(tick.date) - w : x(tick.date) - w / 2;
    return { left, right: left + w, top: H - 19, bottom: H - 4 };
  });
  // The share axis's labels too ("50%", right-aligned at PAD.left - 6, font-size 11: "%" is wider than a
  // digit, so 8 units a character): a count beside a point near the axis must not run into them (probe 20f D6).
  const shareBoxes = ticks.map((v) => ({ left: PAD.left - 6 - pct(v).length * 8, right: PAD.left - 6, top: y(v) + 4 - 11, bottom: y(v) + 4 + 3 }));
  const labels = placeLabels(wanted, { left: 0, top: 0, right: W, bottom: H }, [...axisBoxes, ...shareBoxes]);
  const labelOf = (si: number, pi: number) => labels[wanted.findIndex((w) => w.si === si && w.pi === pi)];
  return (
    <figure class="trend" data-policy-guard="trend-chart">
      <div class="trend-scroll">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d7dbe3" />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#4a4f5a" data-policy-guard="share-label">
              {pct(v)}
            </text>
          </g>
        ))}
        {/* Date ticks with distinct labels (one day is one label, centred): lib/ui/axis.ts. */}
        {dayTicks.map((tick, i) => (
          <text
            key={tick.date}
            x={x(tick.date)}
            y={H - 8}
            font-size="11"
            fill="#4a4f5a"
            text-anchor={anchorOf(i)}
            data-policy-guard="axis-label"
          >
            {tick.label}
          </text>
        ))}
        {series.map(({ key, points }, i) => {
          const s = SERIES[i % SERIES.length]!;
          const { classId, view } = seriesOf(key);
          return (
            <g key={key} data-class={classId} data-view={view}>
              <polyline fill="none" stroke={s.colour} stroke-width="2" stroke-dasharray={s.dash} points={points.map((p) => `${x(p.date) + p.dx},${y(p.rate)}`).join(' ')} />
              {points.map((p, pi) => {
                const at = labelOf(i, pi);
                return (
                  <g key={p.date}>
                    <Marker series={s} x={x(p.date) + p.dx} y={y(p.rate)} data={{ 'data-date': p.date, 'data-rate': p.rate.toFixed(3), 'data-flagged': p.flagged, 'data-posts': p.posts + p.edited, 'data-labelled': at ? 'yes' : 'no' }}>
                      <title>{pointTitle(name(key), p)}</title>
                    </Marker>
                    {/* The sample size beside the point, where there is room: "1/1" is not "20/40". */}
                    {at && (
                      <text x={at.x} y={at.y} text-anchor={at.anchor} font-size="10" fill={s.colour} stroke="#fff" stroke-width="3" paint-order="stroke" data-policy-guard="point-count" aria-hidden="true">
                        {`${p.flagged}/${p.posts + p.edited}`}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      </div>
      <figcaption>
        <p>{t('historyChartCaption')}</p>
        <ul class="legend">
          {[...props.trend.keys()].map((key, i) => (
            <li key={key} title={name(key)}>
              <svg width="32" height="12" aria-hidden="true" data-shape={SERIES[i % SERIES.length]!.shape}>
                <line x1="0" x2="32" y1="6" y2="6" stroke={SERIES[i % SERIES.length]!.colour} stroke-width="2" stroke-dasharray={SERIES[i % SERIES.length]!.dash} />
                <Marker series={SERIES[i % SERIES.length]!} x={16} y={6} />
              </svg>{' '}
              {legendText(name(key))}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A legend entry: the class's label cut as rows and filters cut it (shortLabel), the view after it whole. */
function legendText(full: string): string {
  const at = full.lastIndexOf(' · ');
  return at < 0 ? shortLabel(full) : `${shortLabel(full.slice(0, at))}${full.slice(at)}`;
}

/**
 * A point's title: "Class 3 Oak · Class Story, Tue 24 Nov 2026: 1 of 5 posts had something to look at (4 new, 1
 * edited since an earlier check); 2 findings".
 */
export function pointTitle(series: string, p: TrendPoint): string {
  const reviewed = p.posts + p.edited;
  return t('historyPointShare', [
    series,
    dayText(p.date),
    String(p.flagged),
    tn(reviewed, 'countPosts'),
    tn(p.posts, 'countNew'),
    tn(p.edited, 'countEdited'),
    tn(p.findings, 'countFindings'),
  ]);
}
