/**
 * Which sites beyond the curated list the content script runs on: exactly the origins the
 * reader granted through the optional host permission. Pure: the background applies the plan.
 */

export const READER_SCRIPT_ID = 'reader-enabled-sites';

export interface RegisteredScript {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  css: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

export type ReaderScriptPlan = { action: 'none' } | { action: 'unregister' } | { action: 'register' | 'update'; script: RegisteredScript };

/**
 * `granted`: every origin the extension holds (curated ones included); `curated`: the manifest's
 * content-script matches; `files`: the content script's files; `registered`: whether our script
 * is registered now.
 */
export function planReaderScript(granted: readonly string[], curated: readonly string[], files: { js: string[]; css: string[] }, registered: boolean): ReaderScriptPlan {
  const extra = granted.filter((o) => !curated.includes(o) && /^(\*|https?):\/\//.test(o));
  if (extra.length === 0) return registered ? { action: 'unregister' } : { action: 'none' };
  return {
    action: registered ? 'update' : 'register',
    script: {
      id: READER_SCRIPT_ID,
      matches: [...extra].sort(),
      // The curated sites already have the manifest's script: never run two on one page.
      excludeMatches: [...curated],
      js: files.js,
      css: files.css,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  };
}
