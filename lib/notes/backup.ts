/**
 * Reading a JSON backup back in: the whole file is validated before anything is written, and a
 * file that is not valid changes nothing and says which entry and which field is wrong. Valid
 * notes merge by id in one transaction; of two versions of a note, the newer `updatedAt` wins.
 */
import * as v from 'valibot';
import type { ContextDatabase } from '../db';
import { BACKUP_FORMAT, BACKUP_VERSION } from './export';
import { NoteSchema, type Note } from './schema';

/** The biggest backup read (a note is at most ~20 kB; this is room for far more than 10,000). */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `is not "${BACKUP_FORMAT}"`),
  version: v.literal(BACKUP_VERSION, `is not ${BACKUP_VERSION} (this version of the extension reads version ${BACKUP_VERSION})`),
  notes: v.array(v.unknown()),
});

/** A backup's notes, or why the file was refused. */
export type BackupResult = { ok: true; notes: Note[] } | { ok: false; error: string };

/** Validates a backup file's text; the error names the entry (1-based) and the field. */
export function parseBackup(text: string): BackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This is not a JSON file (${(error as Error).message}).` };
  }
  const head = v.safeParse(BackupSchema, data);
  if (!head.success) {
    const issue = head.issues[0];
    const field = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: field ? `This is not a notes backup: "${field}" ${issue.message}.` : 'This is not a notes backup (expected an object with "format", "version" and "notes").' };
  }
  const notes: Note[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of head.output.notes.entries()) {
    const parsed = v.safeParse(NoteSchema, entry);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = issue.path?.map((p) => String(p.key)).join('.') || '(the entry itself)';
      return { ok: false, error: `Entry ${index + 1}, field "${field}": ${issue.message}. Nothing was imported.` };
    }
    if (seen.has(parsed.output.id)) return { ok: false, error: `Entry ${index + 1}, field "id": the id ${parsed.output.id} appears twice. Nothing was imported.` };
    seen.add(parsed.output.id);
    notes.push(parsed.output);
  }
  return { ok: true, notes };
}

/** Which version of a note to keep: the incoming one only when it is newer (or the note is new). */
export function mergeDecision(existing: Pick<Note, 'updatedAt'> | undefined, incoming: Pick<Note, 'updatedAt'>): 'add' | 'replace' | 'keep' {
  if (!existing) return 'add';
  return incoming.updatedAt > existing.updatedAt ? 'replace' : 'keep';
}

/** How many notes an import added, replaced with a newer version, or kept as they were. */
export interface MergeReport {
  added: number;
  replaced: number;
  kept: number;
}

/** Merges validated notes into the database in one transaction (all or nothing), in chunks of a thousand. */
export async function mergeNotes(db: ContextDatabase, notes: readonly Note[]): Promise<MergeReport> {
  const report: MergeReport = { added: 0, replaced: 0, kept: 0 };
  await db.transaction('rw', db.notes, async () => {
    for (let i = 0; i < notes.length; i += 1000) {
      const chunk = notes.slice(i, i + 1000);
      const existing = await db.notes.bulkGet(chunk.map((n) => n.id));
      const writes: Note[] = [];
      chunk.forEach((n, j) => {
        const decision = mergeDecision(existing[j], n);
        if (decision === 'keep') report.kept++;
        else {
          report[decision === 'add' ? 'added' : 'replaced']++;
          writes.push(n);
        }
      });
      if (writes.length) await db.notes.bulkPut(writes);
    }
  });
  return report;
}
