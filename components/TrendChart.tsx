import { t, type MessageKey } from '../lib/ext/i18n';
import { seriesOf, type TrendPoint } from '../lib/spot-check/record';
import { dayText } from './dates';
import { tn } from './plural';
import { dateTicks } from '../lib/ui/axis';

const W = 640;
const H = 240;
const PAD = { left: 48, right: 24, top: 22, bottom: 40 };
/** Distinct in colour and in dash pattern, so lines are told apart without colour vision too. */
const SERIES = [
  { colour: '#6c3fc5', dash: '' },
  { colour: '#0b7a75', dash: '6 3' },
  { colour: '#c0392b', dash: '2 3' },
  { colour: '#2f5fb3', dash: '10 4 2 4' },
  { colour: '#a0620b', dash: '4 4' },
  { colour: '#4a4f5a', dash: '1 2' },
];

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
  return (
    <figure class="trend" data-policy-guard="trend-chart">
      <div class="trend-scroll">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d7dbe3" />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#4a4f5a">
              {pct(v)}
            </text>
          </g>
        ))}
        {/* Date ticks with distinct labels (one day is one label, centred): lib/ui/axis.ts. */}
        {dateTicks(all.map((p) => p.date), 5, (m) => t(`month_${m}` as MessageKey)).map((tick, i, ticks) => (
          <text
            key={tick.date}
            x={x(tick.date)}
            y={H - 8}
            font-size="11"
            fill="#4a4f5a"
            text-anchor={ticks.length === 1 ? 'middle' : i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
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
              {points.map((p) => (
                <g key={p.date}>
                  <circle cx={x(p.date) + p.dx} cy={y(p.rate)} r="4" fill={s.colour} data-date={p.date} data-rate={p.rate.toFixed(3)} data-flagged={p.flagged} data-posts={p.posts + p.edited}>
                    <title>{pointTitle(name(key), p)}</title>
                  </circle>
                  {/* The sample size beside every point: "1/1" is not "20/40". */}
                  <text x={x(p.date) + p.dx} y={y(p.rate) - 8} text-anchor="middle" font-size="10" fill={s.colour} stroke="#fff" stroke-width="3" paint-order="stroke" data-policy-guard="point-count" aria-hidden="true">
                    {`${p.flagged}/${p.posts + p.edited}`}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      </div>
      <figcaption>
        <p>{t('historyChartCaption')}</p>
        <ul class="legend">
          {[...props.trend.keys()].map((key, i) => (
            <li key={key}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={SERIES[i % SERIES.length]!.colour} stroke-width="2" stroke-dasharray={SERIES[i % SERIES.length]!.dash} />
              </svg>{' '}
              {name(key)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
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
    tn(reviewed, 'countPosts_one', 'countPosts_other'),
    tn(p.posts, 'countNew_one', 'countNew_other'),
    tn(p.edited, 'countEdited_one', 'countEdited_other'),
    tn(p.findings, 'countFindings_one', 'countFindings_other'),
  ]);
}
