import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { Group } from '@visx/group';
import type { DayViews } from '@/lib/audience/numbers';
import { dateFormat } from '@/lib/dates';

const WIDTH = 720;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 40 };

function dayLabel(day: string): string {
  return dateFormat({ month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** Views per day as columns, drawn on the server (SVG, no script); each column names its day and
 * count on hover, and the same numbers are in a table for screen readers and for copying. */
export function ViewsOverTimeChart({ days, label }: { days: DayViews[]; label: string }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const most = Math.max(1, ...days.map((day) => day.views));
  const x = scaleBand({ domain: days.map((day) => day.day), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear({ domain: [0, most], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(4).filter((tick) => Number.isInteger(tick));
  const labelled = new Set([days[0]?.day, days[Math.floor(days.length / 2)]?.day, days.at(-1)?.day]);
  return (
    <figure className="mt-4">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={label}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
              <text x={-6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill="#4b5563">
                {tick.toLocaleString('en-US')}
              </text>
            </g>
          ))}
          {days.map((day) => {
            const top = y(day.views);
            return (
              <Bar key={day.day} x={x(day.day)} y={top} width={x.bandwidth()} height={Math.max(0, innerHeight - top)} rx={2} fill="var(--accent, #9b1c1c)">
                <title>{`${dayLabel(day.day)}: ${day.views.toLocaleString('en-US')} views`}</title>
              </Bar>
            );
          })}
          {days
            .filter((day) => labelled.has(day.day))
            .map((day) => (
              <text key={day.day} x={(x(day.day) ?? 0) + x.bandwidth() / 2} y={innerHeight + 18} textAnchor="middle" fontSize={11} fill="#4b5563">
                {dayLabel(day.day)}
              </text>
            ))}
        </Group>
      </svg>
      <figcaption className="sr-only">
        <table>
          <caption>{label}</caption>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{dayLabel(day.day)}</th>
                <td>{day.views}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
