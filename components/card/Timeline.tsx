import { useState } from 'preact/hooks';
import { formatShortDate } from '@/lib/citation';
import type { LookupResult } from '@/lib/messages';

interface Props {
  events: LookupResult['timeline'];
  termLabel: string;
}

const WIDTH = 320;
const PAD = 12;
const Y = 14;

/**
 * The paper's dated events as a row of dots in date order (evenly spaced: the paper's dates run
 * from 1945 to 2024, and a true scale would crush the years that matter), this term's in colour.
 * Each coloured dot is a button: focusing or hovering one names its event under the row.
 */
export function Timeline({ events, termLabel }: Props) {
  const mine = events.filter((e) => e.mine);
  const [current, setCurrent] = useState(mine.length ? mine[mine.length - 1]!.id : null);
  if (!mine.length || events.length < 2) return null;
  const x = (i: number) => PAD + (i / (events.length - 1)) * (WIDTH - 2 * PAD);
  const shown = events.find((e) => e.id === current) ?? mine[mine.length - 1]!;
  const first = events[0]!;
  const last = events[events.length - 1]!;
  return (
    <section class="timeline" aria-label={`Timeline: ${mine.length} of the paper’s ${events.length} dated events concern ${termLabel}`}>
      <svg viewBox={`0 0 ${WIDTH} 34`} width="100%" role="group" aria-label="Events from the paper, in date order">
        <line x1={PAD} x2={WIDTH - PAD} y1={Y} y2={Y} class="axis" />
        <text x={PAD - 4} y={32} class="tick">
          {first.date.slice(0, 4)}
        </text>
        <text x={WIDTH - PAD + 4} y={32} class="tick end">
          {last.date.slice(0, 4)}
        </text>
        {events.map((e, i) =>
          e.mine ? (
            <g
              key={e.id}
              role="button"
              tabIndex={0}
              aria-label={`${formatShortDate(e.date, e.precision)}: ${e.label}`}
              aria-pressed={e.id === shown.id}
              class={e.id === shown.id ? 'dot-button current' : 'dot-button'}
              onFocus={() => setCurrent(e.id)}
              onPointerEnter={() => setCurrent(e.id)}
            >
              <circle cx={x(i)} cy={Y} r={9} class="hit" />
              <circle cx={x(i)} cy={Y} r={e.id === shown.id ? 6.5 : 5} class="dot mine" />
            </g>
          ) : (
            <circle key={e.id} cx={x(i)} cy={Y} r={3} class="dot other">
              <title>{`${formatShortDate(e.date, e.precision)}: ${e.label}`}</title>
            </circle>
          ),
        )}
      </svg>
      <p class="timeline-caption" aria-live="polite">
        <time dateTime={shown.date}>{formatShortDate(shown.date, shown.precision)}</time> {shown.label}
        {shown.grounding === 'background' && shown.source && <span class="source">Background, not from the paper · {shown.source}</span>}
      </p>
    </section>
  );
}
