import { formatNumber, showDate } from "../prefs.js";

export interface Series {
  label: string;
  points: { x: string; y: number }[];
  /** Dashed: a plan or reference rather than a measurement. */
  dashed?: boolean;
}

const W = 560;
const H = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };
const COLOURS = ["#1d4f91", "#b4442c", "#2e7d32", "#6a3d9a", "#8a6d00"];

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/**
 * A small line chart drawn as SVG, with its numbers in a table for screen readers and
 * keyboard users. Days on x; an optional shaded band (e.g. a minimal-important-change band).
 */
export function LineChart({
  title,
  series,
  yLabel,
  yMax,
  band,
}: {
  title: string;
  series: Series[];
  yLabel: string;
  yMax?: number;
  band?: { from: number; to: number; label: string };
}) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return <p className="empty">{title}: nothing recorded yet.</p>;
  const xs = all.map((p) => dayNumber(p.x));
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const top = yMax ?? Math.max(...all.map((p) => p.y), band?.to ?? 0) * 1.1;
  const yMaxValue = top > 0 ? top : 1;
  const sx = (d: string) =>
    PAD.left + ((dayNumber(d) - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (v: number) => H - PAD.bottom - (v / yMaxValue) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 0.5, 1].map((f) => f * yMaxValue);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title} (chart; the numbers are in the table below)`}
      >
        {band && (
          <rect
            x={PAD.left}
            width={W - PAD.left - PAD.right}
            y={sy(band.to)}
            height={Math.max(0, sy(band.from) - sy(band.to))}
            className="band"
          >
            <title>{band.label}</title>
          </rect>
        )}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(t)} y2={sy(t)} className="grid" />
            <text x={PAD.left - 4} y={sy(t) + 4} textAnchor="end" className="tick">
              {formatNumber(t, 1)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 8} className="tick">
          {showDate(new Date(x0 * 86_400_000).toISOString().slice(0, 10))}
        </text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end" className="tick">
          {showDate(new Date(x1 * 86_400_000).toISOString().slice(0, 10))}
        </text>
        {series.map((s, i) => {
          const colour = COLOURS[i % COLOURS.length];
          const d = s.points
            .map((p, k) => `${k ? "L" : "M"}${sx(p.x).toFixed(1)} ${sy(p.y).toFixed(1)}`)
            .join(" ");
          return (
            <g key={s.label}>
              <path
                d={d}
                fill="none"
                stroke={colour}
                strokeWidth={2}
                strokeDasharray={s.dashed ? "6 4" : undefined}
              />
              {s.points.map((p) => (
                <circle key={`${p.x}-${p.y}`} cx={sx(p.x)} cy={sy(p.y)} r={3} fill={colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {series.map((s, i) => (
          <li key={s.label}>
            <span className="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />{" "}
            {s.label}
          </li>
        ))}
        {band && (
          <li>
            <span className="swatch band-swatch" /> {band.label}
          </li>
        )}
      </ul>
      <details>
        <summary>The numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Series</th>
              <th scope="col">{yLabel}</th>
            </tr>
          </thead>
          <tbody>
            {series.flatMap((s) =>
              s.points.map((p) => (
                <tr key={`${s.label}-${p.x}`}>
                  <td>{showDate(p.x)}</td>
                  <td>{s.label}</td>
                  <td>{formatNumber(p.y, 2)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
