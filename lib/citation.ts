/** How the paper is cited on the card and when a reader copies the citation. */
import type { Citation } from './corpus/schema';

/**
 * English month names from the platform (Intl), in UTC so a reader's time zone never moves a date
 * to the day before. Assembled day-month-year as the paper writes them, whatever the reader's locale.
 */
const LONG = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "4 December 2024" (or "December 2024", "2024") from an ISO date as precise as it is given. */
function formatDate(iso: string, format: Intl.DateTimeFormat, precision: 'day' | 'month' | 'year'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  if (precision === 'year' || !m) return String(y);
  const parts = Object.fromEntries(format.formatToParts(Date.UTC(y, m - 1, d || 1)).map((p) => [p.type, p.value]));
  return precision === 'month' || !d ? `${parts.month} ${y}` : `${parts.day} ${parts.month} ${y}`;
}

/** "4 December 2024" from "2024-12-04", independent of the reader's locale and time zone. */
export function formatDay(iso: string): string {
  return formatDate(iso, LONG, 'day');
}

/** Short dates for the timeline: "24 Feb 2022", "Sep 2023", "2024". */
export function formatShortDate(iso: string, precision: 'day' | 'month' | 'year'): string {
  return formatDate(iso, SHORT, precision);
}

/** Chatham House style: Author (year), Title: Subtitle, Type, Place: Publisher, URL. */
export function formatCitation(c: Citation): string {
  const year = c.published.slice(0, 4);
  return `${c.author} (${year}), ‘${c.title}: ${c.subtitle}’, ${c.type.toLowerCase()}, ${c.publisher}, ${formatDay(c.published)}, ${c.url}`;
}

/** The link to the paper, only if it is an https URL (a corpus can be hostile). */
export function safeLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
