/**
 * Cuts a quote from a passage for the card: the sentence(s) around the first place the term is
 * named, and splits text into marked and unmarked runs for rendering (as text, never HTML).
 */

export interface Segment {
  text: string;
  marked: boolean;
}

/** The [start, end) of the sentence holding the first mark, widened to ~maxLength if short. */
export function snippetBounds(text: string, marks: readonly [number, number][], maxLength = 320): [number, number] {
  if (text.length <= maxLength) return [0, text.length];
  const focus = marks[0]?.[0] ?? 0;
  const starts = [0, ...[...text.matchAll(/[.!?]['’”]?\s+(?=\S)/g)].map((m) => m.index + m[0].length)];
  let start = 0;
  for (const s of starts) if (s <= focus) start = s;
  let end = text.length;
  for (const s of starts)
    if (s > focus) {
      end = s;
      break;
    }
  // A short sentence takes the next one too, while it fits.
  while (end < text.length && end - start < maxLength / 2) {
    const next = starts.find((s) => s > end) ?? text.length;
    if (next - start > maxLength) break;
    end = next;
  }
  if (end - start > maxLength) {
    // One very long sentence: a window around the mark, cut at word boundaries.
    const from = Math.max(start, focus - Math.floor(maxLength / 3));
    start = from === start ? start : text.indexOf(' ', from) + 1;
    end = text.lastIndexOf(' ', start + maxLength);
  }
  return [start, end];
}

/** Splits text[start, end) into runs, marking where the term is named. */
export function segmentsOf(text: string, marks: readonly [number, number][], start = 0, end = text.length): Segment[] {
  const out: Segment[] = [];
  let pos = start;
  for (const [s, e] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (e <= pos || s >= end) continue;
    const from = Math.max(s, pos);
    if (from > pos) out.push({ text: text.slice(pos, from), marked: false });
    out.push({ text: text.slice(from, Math.min(e, end)), marked: true });
    pos = Math.min(e, end);
  }
  if (pos < end) out.push({ text: text.slice(pos, end), marked: false });
  return out;
}
