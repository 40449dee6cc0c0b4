/**
 * Functions that run inside a test page, shared by the Chromium (Playwright) and Firefox
 * (puppeteer) drivers. Each takes one plain argument, so both drivers' `evaluate` can pass it.
 */

/** The centre of the first box of `text` inside the element with `id`, or null when it is not there. */
export function centreOfText({ id, text }: { id: string; text: string }): { x: number; y: number } | null {
  const root = document.getElementById(id);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + Math.min(text.length, 3));
    const r = range.getClientRects()[0];
    if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return null;
}

/**
 * Every note in the extension's IndexedDB, read raw (not through the code under test); [] before
 * the database has a notes store. Runs in an extension page.
 */
export function readStoredNotes(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('nk-russia-context');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('notes')) {
        db.close();
        resolve([]);
        return;
      }
      const all = db.transaction('notes').objectStore('notes').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result);
      };
      all.onerror = () => reject(all.error);
    };
  });
}

/** Each highlighted range on the page: its highlight name, text and nearest id (from CSS.highlights). */
export function registeredHighlights(): { name: string; text: string; id: string | null }[] {
  const out: { name: string; text: string; id: string | null }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    for (const r of highlight) {
      const range = r as Range;
      const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
      out.push({ name, text: range.toString(), id: el?.closest('[id]')?.id ?? null });
    }
  }
  return out;
}
