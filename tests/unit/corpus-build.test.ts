import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, countSentences, CorpusBuildError, type CorpusSources } from '../../lib/corpus/build';
import { validateCorpus } from '../../lib/corpus/validate';
import { sources } from '../support/corpus-factory';

const dataDir = join(__dirname, '../../data');
const excerpt = readFileSync(join(dataDir, 'paper/excerpt.txt'), 'utf8');
const paper = JSON.parse(readFileSync(join(dataDir, 'paper/paper.json'), 'utf8'));

async function problemsOf(s: CorpusSources): Promise<string[]> {
  try {
    await buildCorpus(s);
  } catch (error) {
    if (error instanceof CorpusBuildError) return error.problems;
    throw error;
  }
  throw new Error('the build was expected to fail');
}

describe('corpus build', () => {
  it('splits the paper into passages, keeping the text exact and dropping the pull quote', async () => {
    const { corpus } = await buildCorpus(sources());
    const lines = excerpt.split('\n');
    expect(corpus.passages).toHaveLength(13); // 17 lines: 3 headings, 1 pull quote
    expect(corpus.passages.map((p) => p.text)).toEqual(lines.filter((_, i) => ![1, 5, 13, 15].includes(i)));
    expect(corpus.passages.find((p) => p.id === 'p-summits')).toMatchObject({ section: 'friendship-to-partnership', order: 13 });
    expect(corpus.sections.map((s) => s.heading)).toEqual(['The revival of the North Korea–Russia relationship', 'North Korea’s response to the Ukraine war', 'From words to weapons', 'From friendship to formal partnership']);
    expect(corpus.passages.filter((p) => p.text.includes('The warming of relations between Kim and Putin'))).toHaveLength(1);
  });

  it('is deterministic and its hash verifies', async () => {
    const a = await buildCorpus(sources());
    const b = await buildCorpus(sources());
    expect(a.json).toBe(b.json);
    expect(await validateCorpus(JSON.parse(a.json))).toMatchObject({ ok: true });
  });

  it('refuses a corpus in the previous format by name, not as a malformed one: a version-2 feed may not carry a troop term’s side', async () => {
    const { corpus } = await buildCorpus(sources());
    expect(await validateCorpus({ ...corpus, schemaVersion: 2 }, 'update')).toEqual({ ok: false, problems: ['update: schema version 2 is not supported (this extension reads version 3)'] });
  });

  it('derives related terms from shared passages, most shared first', async () => {
    const { corpus } = await buildCorpus(sources());
    expect(corpus.terms.find((t) => t.id === 'kim-jong-un')!.related).toEqual(['vladimir-putin', 'vostochny-cosmodrome']);
  });

  it('names the term and field when a field is missing', async () => {
    const [first, ...rest] = sources().termFiles[0]!.data as Record<string, unknown>[];
    const { summary: _dropped, ...noSummary } = first!;
    const problems = await problemsOf(sources({ terms: [noSummary, ...rest] }));
    expect(problems.join('\n')).toMatch(/data\/terms\/test\.json: term "kim-jong-un" → summary: /);
  });

  it('names the term and the passage id when a passage does not exist', async () => {
    const terms = sources().termFiles[0]!.data as Record<string, unknown>[];
    terms[2] = { ...terms[2], passages: ['p-summits', 'p-no-such-thing'] };
    expect(await problemsOf(sources({ terms }))).toContain('term "vostochny-cosmodrome" names unknown passage "p-no-such-thing"');
  });

  it('names both terms when an alias is claimed twice, after normalising case and dashes', async () => {
    const terms = sources().termFiles[0]!.data as Record<string, unknown>[];
    terms[1] = { ...terms[1], aliases: ['Vladimir Putin', 'Putin', 'KIM JONG-UN'] };
    expect(await problemsOf(sources({ terms }))).toContain('alias "KIM JONG-UN" of term "vladimir-putin" is already an alias of "kim-jong-un"');
  });

  it('lets an acronym be spelled two ways when both spellings are case-exact, and still rejects a case-blind repeat', async () => {
    // News writes the panel as "PoE" and as "POE"; each is read only as written, so neither
    // swallows the other, and a reader's "poe" (the poet) matches neither.
    const terms = sources().termFiles[0]!.data as Record<string, unknown>[];
    const exact = (text: string) => ({ text, case: 'exact' });
    terms[1] = { ...terms[1], aliases: ['Vladimir Putin', exact('PoE'), exact('POE')] };
    await expect(buildCorpus(sources({ terms }))).resolves.toBeTruthy();
    terms[1] = { ...terms[1], aliases: ['Vladimir Putin', exact('PoE'), exact('PoE')] };
    expect(await problemsOf(sources({ terms }))).toContain('term "vladimir-putin" lists alias "PoE" twice (as "PoE")');
    terms[1] = { ...terms[1], aliases: ['Vladimir Putin', 'poe', exact('POE')] };
    expect(await problemsOf(sources({ terms }))).toContain('term "vladimir-putin" lists alias "POE" twice (as "POE")');
    terms[1] = { ...terms[1], aliases: ['Vladimir Putin', exact('POE'), 'poe'] };
    expect(await problemsOf(sources({ terms }))).toContain('term "vladimir-putin" lists alias "poe" twice (as "poe")');
  });

  it('rejects an empty summary', async () => {
    const terms = sources().termFiles[0]!.data as Record<string, unknown>[];
    terms[0] = { ...terms[0], summary: '  ' };
    const problems = (await problemsOf(sources({ terms }))).join('\n');
    expect(problems).toMatch(/term "kim-jong-un" → summary: must not be empty/);
  });

  it('counts sentences the way a reader would', () => {
    expect(countSentences('Russia’s president. He met Kim in 2023.')).toBe(2);
    expect(countSentences('One. Two. Three.')).toBe(3);
    expect(countSentences('The US and the UN, not the U.S. alone')).toBe(1);
  });

  it('rejects a summary of three sentences', async () => {
    const terms = sources().termFiles[0]!.data as Record<string, unknown>[];
    terms[1] = { ...terms[1], summary: 'One. Two. Three.' };
    expect(await problemsOf(sources({ terms }))).toContain('term "vladimir-putin": summary has 3 sentences; keep it to one or two');
  });

  it('demands that a term be named in the text unless it is context-only', async () => {
    const extra = { id: 'kim-jong-il', label: 'Kim Jong Il', kind: 'person', specificity: 'specific', summary: 'Not in the excerpt.', aliases: ['Kim Jong Il'], passages: [] };
    const terms = [...(sources().termFiles[0]!.data as unknown[]), extra];
    expect((await problemsOf(sources({ terms }))).join('\n')).toMatch(/term "kim-jong-il": none of its aliases occurs/);
    await expect(buildCorpus(sources({ terms: [...terms.slice(0, -1), { ...extra, contextOnly: true }] }))).resolves.toBeTruthy();
  });

  it('keeps a partner generic: a specific one would open the gate on its own, the opposite of what it is for', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const iran = { id: 'iran-words', label: 'Iran', kind: 'state', specificity: 'generic', anchor: 'partner', contextOnly: true, narrowOnly: true, summary: 'Iran, for the gate.', aliases: ['Iran'], passages: [] };
    await expect(buildCorpus(sources({ terms: [...base, iran] }))).resolves.toBeTruthy();
    expect(await problemsOf(sources({ terms: [...base, { ...iran, specificity: 'specific' }] }))).toContain('term "iran-words" is a partner (anchor) but specific: a specific term of neither side opens the relevance gate on its own');
  });

  it('lets only a thing of the relationship carry a side in its names, and checks the terms that place it', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const troops = {
      id: 'nk-troops',
      label: 'North Korean troops in Russia',
      kind: 'event',
      specificity: 'specific',
      carriesSide: 'north-korea',
      placedBy: ['vladimir-putin'],
      contextOnly: true,
      summary: 'The troops.',
      aliases: ['North Korean troops'],
      passages: [],
    };
    await expect(buildCorpus(sources({ terms: [...base, troops] }))).resolves.toBeTruthy();
    const problems = async (term: Record<string, unknown>) => problemsOf(sources({ terms: [...base, term] }));
    const notAThing = 'carries a side in its names (carriesSide) but is not a thing of the relationship (specific, with no anchor): only such a thing carries one';
    expect(await problems({ ...troops, anchor: 'north-korea' })).toContain(`term "nk-troops" ${notAThing}`);
    // The gate reads the field only on a specific term; on a generic one it would silently do nothing.
    expect(await problems({ ...troops, specificity: 'generic' })).toContain(`term "nk-troops" ${notAThing}`);
    expect(await problems({ ...troops, carriesSide: undefined })).toContain('term "nk-troops" lists terms that place it (placedBy) but carries no side (carriesSide), so nothing reads them');
    expect(await problems({ ...troops, placedBy: ['ukrain'] })).toContain('term "nk-troops" is placed by unknown term "ukrain"');
    // A name that places itself means something only on a term that carries a side.
    expect(await problems({ ...troops, carriesSide: undefined, placedBy: undefined, aliases: [{ text: 'overseas operation', placesItself: true }] })).toContain(
      'term "nk-troops": alias "overseas operation" places itself (placesItself) but its term carries no side (carriesSide), so nothing reads it',
    );
    // A partner is no side a thing can carry.
    expect((await problems({ ...troops, carriesSide: 'partner' })).join('\n')).toMatch(/carriesSide/);
  });

  it('checks what a term narrows: known terms, and a word class only where something narrows it', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const talks = { id: 'talks', label: 'Talks', kind: 'event', specificity: 'generic', contextOnly: true, narrowOnly: true, summary: 'Words for talks.', aliases: ['talks'], passages: [] };
    // Nothing narrows the word class: it could never show.
    expect(await problemsOf(sources({ terms: [...base, talks] }))).toContain('term "talks" shows only as a narrower term, but no term narrows it, it narrows none, no narrowing is triggered by it and it names no side (anchor)');
    const narrowing = (narrows: unknown) => [base[0], base[1], { ...base[2], narrows }, talks];
    expect(await problemsOf(sources({ terms: narrowing([{ term: 'nobody', whenArticleNames: ['kim-jong-un'] }]) }))).toEqual(
      expect.arrayContaining([
        'term "vostochny-cosmodrome" narrows unknown term "nobody"',
        'term "talks" shows only as a narrower term, but no term narrows it, it narrows none, no narrowing is triggered by it and it names no side (anchor)',
      ]),
    );
    expect(await problemsOf(sources({ terms: narrowing([{ term: 'talks', whenArticleNames: ['nobody'] }]) }))).toEqual(['term "vostochny-cosmodrome" narrows when an article names unknown term "nobody"']);
    expect(
      await problemsOf(
        sources({
          terms: narrowing([
            { term: 'vostochny-cosmodrome', whenArticleNames: ['kim-jong-un'] },
            { term: 'talks', whenArticleNames: ['kim-jong-un'] },
          ]),
        }),
      ),
    ).toEqual(['term "vostochny-cosmodrome" narrows itself']);
    // A word class that narrows others (a meeting the paper does not cover, whose article's talks show nothing) needs no narrower.
    const beijing = { ...talks, id: 'beijing-talks', aliases: ['Diaoyutai'], narrows: [{ term: 'talks', whenArticleNames: ['beijing-talks'] }] };
    await expect(buildCorpus(sources({ terms: [...narrowing([{ term: 'talks', whenArticleNames: ['kim-jong-un'] }]), beijing] }))).resolves.toBeTruthy();
    expect(await problemsOf(sources({ terms: [...base, { ...beijing, narrows: undefined }] }))).toContain(
      'term "beijing-talks" shows only as a narrower term, but no term narrows it, it narrows none, no narrowing is triggered by it and it names no side (anchor)',
    );
    // A narrowing that stands down where the article names another term must name a term that exists.
    expect(await problemsOf(sources({ terms: narrowing([{ term: 'talks', whenArticleNames: ['kim-jong-un'], unlessArticleNames: ['nobody'] }]) }))).toEqual([
      'term "vostochny-cosmodrome" narrows unless an article names unknown term "nobody"',
    ]);
    // A word class that only triggers a narrowing (the Vostochny summit's date) needs nothing else.
    const septemberDate = { ...talks, id: 'summit-date', aliases: ['September 13'] };
    await expect(buildCorpus(sources({ terms: [...narrowing([{ term: 'talks', whenArticleNames: ['summit-date'] }]), septemberDate] }))).resolves.toBeTruthy();
    expect(await problemsOf(sources({ terms: [...base, septemberDate] }))).toContain(
      'term "summit-date" shows only as a narrower term, but no term narrows it, it narrows none, no narrowing is triggered by it and it names no side (anchor)',
    );
    // A word class that names a side (Russia's own cities) counts for the gate, and needs nothing else.
    const russianPlaces = { ...talks, id: 'russian-places', kind: 'place', anchor: 'russia', aliases: ['Vladivostok'] };
    await expect(buildCorpus(sources({ terms: [...base, russianPlaces] }))).resolves.toBeTruthy();
    const { corpus } = await buildCorpus(sources({ terms: narrowing([{ term: 'talks', whenArticleNames: ['kim-jong-un'] }]) }));
    expect(corpus.terms.find((t) => t.id === 'vostochny-cosmodrome')!.narrows).toEqual([{ term: 'talks', whenArticleNames: ['kim-jong-un'] }]);
  });

  it('composes owner-and-thing names, every owner with every thing, in the order and inflection given', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const troops = {
      id: 'troops',
      label: 'North Korean troops',
      kind: 'event',
      specificity: 'specific',
      contextOnly: true,
      summary: 'Troops.',
      aliases: ['North Korean troops'],
      composedAliases: [
        { owners: ['North Korean', 'DPRK'], things: ['troops', 'sappers'], order: 'owner-thing' },
        { owners: ['КНДР'], things: ['саперы'], order: 'thing-owner', inflect: 'ru-head' },
      ],
      passages: [],
    };
    const { corpus } = await buildCorpus(sources({ terms: [...base, troops] }));
    const built = corpus.terms.find((t) => t.id === 'troops')!;
    // The written alias once, then the composed ones; the shipped corpus carries no recipe.
    expect(built.aliases.map((a) => [a.text, a.inflect ?? null])).toEqual([
      ['North Korean troops', null],
      ['North Korean sappers', null],
      ['DPRK troops', null],
      ['DPRK sappers', null],
      ['саперы КНДР', 'ru-head'],
    ]);
    expect(built).not.toHaveProperty('composedAliases');
    expect((await problemsOf(sources({ terms: [...base, { ...troops, composedAliases: [{ owners: [], things: ['troops'], order: 'owner-thing' }] }] }))).join('\n')).toMatch(/term "troops".*owners/);
  });

  it('composes names that show only the thing, leaving the owner to its own term, and keep their term where asked', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const sanctions = {
      id: 'sanctions',
      label: 'Sanctions',
      kind: 'concept',
      specificity: 'generic',
      contextOnly: true,
      summary: 'Sanctions.',
      aliases: ['sanctions'],
      composedAliases: [
        { owners: ['EU'], things: ['sanctions'], order: 'owner-thing', shows: 'thing', keepsTerm: true },
        { owners: ['ЕС'], things: ['санкции'], order: 'thing-owner', shows: 'thing' },
      ],
      passages: [],
    };
    const { corpus } = await buildCorpus(sources({ terms: [...base, sanctions] }));
    const built = corpus.terms.find((t) => t.id === 'sanctions')!;
    expect(built.aliases.map((a) => [a.text, a.keepsTerm ?? null])).toEqual([
      ['sanctions', null],
      ['EU |sanctions', true],
      ['|санкции| ЕС', null],
    ]);
  });

  it('composes names that show only in an article on the topic where asked, and does not repeat one already written in another case', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const panel = {
      id: 'panel',
      label: 'Panel',
      kind: 'organisation',
      specificity: 'generic',
      contextOnly: true,
      summary: 'The panel.',
      aliases: ['UN Panel of Experts'],
      composedAliases: [{ owners: ['UN', 'United Nations'], things: ['panel of experts', 'experts'], order: 'owner-thing', standalone: 'on-topic' }],
      passages: [],
    };
    const { corpus } = await buildCorpus(sources({ terms: [...base, panel] }));
    const built = corpus.terms.find((t) => t.id === 'panel')!;
    // "UN panel of experts" is the written "UN Panel of Experts", which keeps its own reading.
    expect(built.aliases.map((a) => [a.text, a.standalone])).toEqual([
      ['UN Panel of Experts', true],
      ['UN experts', 'on-topic'],
      ['United Nations panel of experts', 'on-topic'],
      ['United Nations experts', 'on-topic'],
    ]);
  });

  it('does not repeat a composed name already written with other dashes, and keeps the written one’s reading', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const treaty = {
      id: 'treaty',
      label: 'Treaty',
      kind: 'document',
      specificity: 'specific',
      contextOnly: true,
      summary: 'The treaty.',
      aliases: ['DPRK-Russia treaty'],
      composedAliases: [{ owners: ['DPRK–Russia', 'Russia–DPRK'], things: ['treaty'], order: 'owner-thing', standalone: 'on-topic' }],
      passages: [],
    };
    const { corpus } = await buildCorpus(sources({ terms: [...base, treaty] }));
    // (it would otherwise be refused as listed twice, or the written name lose the right to name its term)
    expect(corpus.terms.find((t) => t.id === 'treaty')!.aliases.map((a) => [a.text, a.standalone])).toEqual([
      ['DPRK-Russia treaty', true],
      ['Russia–DPRK treaty', 'on-topic'],
    ]);
  });

  it('rejects a “|” mark inside a word, an empty claim, or a third mark, naming the term', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const withAlias = (text: string) => [...base, { id: 'treaty', label: 'Treaty', kind: 'document', specificity: 'specific', contextOnly: true, summary: 'A treaty.', aliases: [text], passages: [] }];
    for (const bad of ['Treaty|Z between A and B', 'Treaty Z |', '|', 'a |b| c| d', '| Treaty Z| between']) {
      expect((await problemsOf(sources({ terms: withAlias(bad) }))).join('\n')).toMatch(/term "treaty".*"\|" marks must sit between words/);
    }
    await expect(buildCorpus(sources({ terms: withAlias('|Treaty Z| between A and B') }))).resolves.toBeTruthy();
  });

  it('compares aliases without their “|” marks, so a claim does not hide a duplicate', async () => {
    const base = sources().termFiles[0]!.data as Record<string, unknown>[];
    const term = (id: string, text: string) => ({ id, label: id, kind: 'document', specificity: 'specific', contextOnly: true, summary: 'A treaty.', aliases: [text], passages: [] });
    expect(await problemsOf(sources({ terms: [...base, term('one', 'Treaty Z between A and B'), term('two', '|Treaty Z| between A and B')] }))).toContain('alias "|Treaty Z| between A and B" of term "two" is already an alias of "one"');
  });

  it('checks events against terms and passages', async () => {
    const timeline = [{ id: 'x', date: '2023-09', precision: 'month', label: 'X', terms: ['nobody'], passages: ['p-summits'] }];
    expect(await problemsOf(sources({ timeline }))).toContain('event "x" names unknown term "nobody"');
  });

  it('refuses a paper description that does not fit the text', async () => {
    const problems = await problemsOf(sources({ paper: { ...paper, lines: paper.lines.slice(1) } }));
    expect(problems[0]).toMatch(/describes 16 lines but excerpt.txt has 17/);
    const quoteMoved = paper.lines.map((l: object, i: number) => (i === 13 ? { pullQuoteOf: 'p-summits' } : l));
    expect(await problemsOf(sources({ paper: { ...paper, lines: quoteMoved } }))).toContain('excerpt.txt line 14: pull quote does not appear in passage "p-summits"');
  });
});

describe('the shipped corpus', () => {
  it('is exactly what the sources build (run `npm run corpus` after editing data/)', async () => {
    const termsDir = join(dataDir, 'terms');
    const termFiles = readdirSync(termsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ name: `data/terms/${f}`, data: JSON.parse(readFileSync(join(termsDir, f), 'utf8')) }));
    const { json } = await buildCorpus({ excerpt, paper, termFiles, timeline: JSON.parse(readFileSync(join(dataDir, 'timeline.json'), 'utf8')) });
    expect(json).toBe(readFileSync(join(dataDir, 'corpus.json'), 'utf8'));
  });

  // The paper's text lives in ../shared, outside the repository: on a machine without it this test
  // is reported as skipped (not passed), since there is nothing to compare against.
  const sharedExcerpt = join(__dirname, '../../../shared/paper/excerpt.txt');
  it.runIf(existsSync(sharedExcerpt))('quotes the paper byte for byte (needs ../shared/paper/excerpt.txt)', () => {
    expect(excerpt).toBe(readFileSync(sharedExcerpt, 'utf8'));
  });
});

describe('npm run corpus', () => {
  const runBuild = (data: string, out: string) => spawnSync('npx', ['tsx', 'scripts/build-corpus.ts', '--data', data, '--out', out], { cwd: join(__dirname, '../..'), encoding: 'utf8' });

  it('prints what it built, and fails naming the entry when a source is wrong', () => {
    const data = mkdtempSync(join(tmpdir(), 'corpus-src-'));
    try {
      cpSync(dataDir, data, { recursive: true });
      const ok = runBuild(data, join(data, 'out.json'));
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/passages 13 in 4 sections · terms \d+ .*aliases \d+ · events \d+/);
      expect(readFileSync(join(data, 'out.json'), 'utf8')).toBe(readFileSync(join(dataDir, 'corpus.json'), 'utf8'));

      const people = JSON.parse(readFileSync(join(data, 'terms/people.json'), 'utf8'));
      people[0].passages.push('p-nowhere');
      writeFileSync(join(data, 'terms/people.json'), JSON.stringify(people));
      const bad = runBuild(data, join(data, 'out2.json'));
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(`term "${people[0].id}" names unknown passage "p-nowhere"`);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 30_000);

  describe('stop phrases', () => {
    const withStops = (stops: unknown[]) => {
      const s = sources();
      s.termFiles.push({ name: 'data/terms/stop-phrases.json', data: stops });
      return s;
    };

    it('builds stop phrases into the corpus, apart from the terms', async () => {
      const { corpus } = await buildCorpus(withStops([{ id: 'stop-vostochny-port', kind: 'stop', note: 'The port is not the cosmodrome.', aliases: ['Vostochny port'] }]));
      expect(corpus.stops).toEqual([{ id: 'stop-vostochny-port', note: 'The port is not the cosmodrome.', aliases: [{ text: 'Vostochny port', case: 'any', standalone: true }] }]);
      expect(corpus.terms.map((t) => t.id)).not.toContain('stop-vostochny-port');
    });

    it('rejects two stop phrases with one id, so an edit cannot land in a copy the reader never meets', async () => {
      const port = { id: 'stop-vostochny-port', kind: 'stop', note: 'The port is not the cosmodrome.', aliases: ['Vostochny port'] };
      expect(await problemsOf(withStops([port, { ...port, aliases: ['port of Vostochny'] }]))).toEqual(['stop phrase "stop-vostochny-port" is declared twice']);
    });

    it("rejects a stop phrase that is also a term's alias, since only one of the two can ever be read", async () => {
      // The matcher keeps the first reading of a word; a stop phrase spelled like an alias either
      // never stops anything or silently hides the term, and neither is what its author meant.
      const problems = await problemsOf(withStops([{ id: 'stop-cosmodrome', kind: 'stop', note: 'Contradicts a term.', aliases: ['Vostochny Port', 'VOSTOCHNY COSMODROME'] }]));
      expect(problems).toContain('stop phrase "stop-cosmodrome" repeats "VOSTOCHNY COSMODROME", an alias of "vostochny-cosmodrome": keep one of the two');
    });

    it('rejects a stop phrase that swallows a real alias used in the excerpt, naming it', async () => {
      // "met at the Vostochny cosmodrome" is in p-summits: a stop phrase starting at "Vostochny"
      // and running past it would claim the paper's own mention of the cosmodrome.
      const problems = await problemsOf(withStops([{ id: 'stop-greedy', kind: 'stop', note: 'Too greedy.', aliases: ['the Vostochny cosmodrome'] }]));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^stop phrase "stop-greedy" swallows "Vostochny cosmodrome" \(vostochny-cosmodrome\) in p-summits/);
    });

    it('accepts a phrase whose "|" leaves the real alias before it free', async () => {
      // Claiming from "Vostochny" on still swallows the alias; claiming only what follows it does not.
      expect(await problemsOf(withStops([{ id: 'stop-greedy', kind: 'stop', note: 'Still greedy.', aliases: ['the |Vostochny cosmodrome'] }]))).toHaveLength(1);
      const { corpus } = await buildCorpus(withStops([{ id: 'stop-spaceport', kind: 'stop', note: 'Claims only the description.', aliases: ['Vostochny cosmodrome, a |Russian spaceport'] }]));
      expect(corpus.stops!.map((s) => s.id)).toEqual(['stop-spaceport']);
    });

    it('checks the real catalogue’s stop phrases against the excerpt (npm run corpus passes)', async () => {
      const termFiles = readdirSync(join(dataDir, 'terms'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ name: f, data: JSON.parse(readFileSync(join(dataDir, 'terms', f), 'utf8')) }));
      const { corpus } = await buildCorpus({ excerpt, paper, termFiles, timeline: JSON.parse(readFileSync(join(dataDir, 'timeline.json'), 'utf8')) });
      expect(corpus.stops!.length).toBeGreaterThanOrEqual(10);
    });

    it('needs a source line for background summaries and events', async () => {
      const s = sources();
      (s.termFiles[0]!.data as Record<string, unknown>[])[0]!.grounding = 'background';
      (s.timeline as Record<string, unknown>[])[0]!.grounding = 'background';
      expect(await problemsOf(s)).toEqual(['term "kim-jong-un": a background summary needs a "source" line', 'data/timeline.json: event "vostochny-summit": a background event needs a "source" line']);
    });
  });
});
