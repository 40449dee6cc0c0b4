/** How the paper is cited on the card and when a reader copies the citation. */
import type { Citation } from './corpus/schema';

/** "4 December 2024" from "2024-12-04", independent of the reader's locale and time zone. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  if (!y) return iso;
  if (!m) return String(y);
  if (!d) return `${months[m - 1]} ${y}`;
  return `${d} ${months[m - 1]} ${y}`;
}

/** Short dates for the timeline: "24 Feb 2022", "Sep 2023", "2024". */
export function formatShortDate(iso: string, precision: 'day' | 'month' | 'year'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (precision === 'year' || !m) return String(y);
  if (precision === 'month' || !d) return `${months[m - 1]} ${y}`;
  return `${d} ${months[m - 1]} ${y}`;
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
