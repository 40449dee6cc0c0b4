/** Notes leaving the extension: Markdown for reading, CSV for spreadsheets, JSON for backup. Pure. */
import type { Citation } from '../corpus/schema';
import { formatCitation } from '../citation';
import { NOTE_FIELDS, type Note } from './schema';
import { textFragmentUrl } from './text-fragment';

/** The JSON backup's format name and version: an import checks both. */
export const BACKUP_FORMAT = 'nk-russia-context/notes';
/** Bumped when the backup format changes in a way older readers cannot follow. */
export const BACKUP_VERSION = 1;

/** Only the note's own fields, in a fixed order (the database adds search fields of its own). */
export function plainNote(note: Note): Note {
  const out: Record<string, unknown> = {};
  for (const key of NOTE_FIELDS) if (note[key] !== undefined) out[key] = note[key];
  return out as Note;
}

/** The lossless backup: every field of every note, with the format and its version. */
export function toJsonBackup(notes: readonly Note[], exportedAt: number): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(exportedAt).toISOString(), notes: notes.map(plainNote) }, null, 2)}\n`;
}

const CSV_COLUMNS = ['id', 'createdAt', 'updatedAt', 'termId', 'termLabel', 'quote', 'comment', 'tags', 'pageTitle', 'pageUrl', 'passageId', 'passageSection', 'passageText'] as const;

/** One CSV field, RFC 4180: quoted when it holds a quote, comma or line break; quotes doubled. */
export function csvField(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** All notes as CSV with a header row, CRLF line ends (RFC 4180); times as ISO dates, tags joined by "; ". */
export function toCsv(notes: readonly Note[]): string {
  const cell = (n: Note, key: (typeof CSV_COLUMNS)[number]): string => {
    if (key === 'createdAt' || key === 'updatedAt') return new Date(n[key]).toISOString();
    if (key === 'tags') return n.tags.join('; ');
    return n[key] ?? '';
  };
  return [CSV_COLUMNS.join(','), ...notes.map((n) => CSV_COLUMNS.map((k) => csvField(cell(n, k))).join(','))].join('\r\n') + '\r\n';
}

/** Text made safe inside Markdown: no HTML, links or emphasis can come out of a note's words. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&').replace(/^(\s*)([-=>]|\d+\.)/gm, '$1\\$2');
}

/** A block quote of (escaped) text, one "> " per line. */
const blockQuote = (text: string) =>
  escapeMarkdown(text)
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');

/**
 * Readable notes, grouped by term (terms A–Z, newest note first): each with its quote, a link to
 * the page at the quoted sentence, the comment and tags, and the paper's passage with its citation.
 */
export function toMarkdown(notes: readonly Note[], citation: Citation | null, exportedAt: number): string {
  const cite = citation ? formatCitation(citation) : 'Edward Howell (2024), ‘North Korea and Russia’s dangerous partnership’, Chatham House';
  const groups = new Map<string, Note[]>();
  for (const n of [...notes].sort((a, b) => b.createdAt - a.createdAt)) groups.set(n.termLabel, [...(groups.get(n.termLabel) ?? []), n]);
  const out = [`# Notes on North Korea–Russia relations`, '', `Exported ${new Date(exportedAt).toISOString().slice(0, 10)} · ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}. Passages quoted from: ${escapeMarkdown(cite)}`, ''];
  for (const label of [...groups.keys()].sort((a, b) => a.localeCompare(b))) {
    out.push(`## ${escapeMarkdown(label)}`, '');
    for (const n of groups.get(label)!) {
      const link = textFragmentUrl(n.pageUrl, n.quote);
      const title = escapeMarkdown(n.pageTitle || n.pageUrl);
      out.push(`### ${title}`, '');
      out.push(link ? `Page: [${title}](<${link.replace(/[<>\s]/g, encodeURIComponent)}>) · saved ${new Date(n.createdAt).toISOString().slice(0, 10)}` : `Page: ${escapeMarkdown(n.pageUrl)}`, '');
      if (n.quote) out.push(blockQuote(n.quote), '');
      if (n.comment) out.push(escapeMarkdown(n.comment), '');
      if (n.tags.length) out.push(`Tags: ${n.tags.map((t) => `#${escapeMarkdown(t)}`).join(' ')}`, '');
      if (n.passageText) {
        out.push(`From the paper${n.passageSection ? ` (${escapeMarkdown(n.passageSection)})` : ''}:`, '', blockQuote(n.passageText), '', `— ${escapeMarkdown(cite)}`, '');
      }
    }
  }
  return out.join('\n');
}
