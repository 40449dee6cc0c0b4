/** The record of the last corpus the extension refused, kept for the options page to explain. */

export const CORPUS_REFUSAL_KEY = 'corpusRefusal';

export interface CorpusRefusal {
  at: number;
  source: 'bundled';
  problems: string[];
}
