/**
 * Ranks a term's passages by how well they fit the sentence around the mention: BM25 over
 * lightly stemmed words, with document frequencies from the whole paper. Small and exact for a
 * corpus of a few hundred passages; no index library needed.
 */

const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his in into is it its of on or that the their them they this to was were which who will with would its also than then there these those not no more most such so over under after before about between both can could did do does may might must our out own said says should up we what when where while you your'.split(
    ' ',
  ),
);

/** Lower-cased words of two or more letters or digits, stop words dropped, crudely stemmed. */
export function tokenize(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 2 || STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Enough stemming to meet monitors/monitoring, vetoed/veto, summits/summit; not Porter. */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w.replace(/([^aeiouls])\1$/, '$1');
}

export interface RankableDoc {
  id: string;
  text: string;
}

export interface BM25Index {
  docs: Map<string, { length: number; tf: Map<string, number> }>;
  df: Map<string, number>;
  averageLength: number;
  count: number;
}

export function buildIndex(docs: readonly RankableDoc[]): BM25Index {
  const index: BM25Index = { docs: new Map(), df: new Map(), averageLength: 0, count: docs.length };
  let total = 0;
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) index.df.set(t, (index.df.get(t) ?? 0) + 1);
    index.docs.set(doc.id, { length: tokens.length, tf });
    total += tokens.length;
  }
  index.averageLength = docs.length ? total / docs.length : 0;
  return index;
}

const K1 = 1.2;
const B = 0.75;

/** BM25 score of each candidate for the query; candidates keep their given order on ties. */
export function rank(index: BM25Index, query: string, candidates: readonly string[]): { id: string; score: number }[] {
  const terms = [...new Set(tokenize(query))];
  return candidates
    .map((id, position) => {
      const doc = index.docs.get(id);
      let score = 0;
      if (doc) {
        for (const t of terms) {
          const f = doc.tf.get(t);
          if (!f) continue;
          const df = index.df.get(t) ?? 0;
          const idf = Math.log(1 + (index.count - df + 0.5) / (df + 0.5));
          score += idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / (index.averageLength || 1))));
        }
      }
      return { id, score, position };
    })
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ id, score }) => ({ id, score }));
}
