/** The notes' pure logic: text fragments, exporters, backup validation and merge rules, passage status. */
import { describe, expect, it } from 'vitest';
import { mergeDecision, parseBackup } from '../../lib/notes/backup';
import { csvField, escapeMarkdown, toCsv, toJsonBackup, toMarkdown } from '../../lib/notes/export';
import { passageStatus } from '../../lib/notes/passage-status';
import type { Note } from '../../lib/notes/schema';
import { filterNotes, indexNote } from '../../lib/notes/search';
import { encodeFragmentText, textDirective, textFragmentUrl } from '../../lib/notes/text-fragment';
import { shippedCorpus } from '../support/db-factory';
import { makeNote } from '../support/note-factory';

describe('text fragments', () => {
  it('percent-encodes the directive’s own punctuation (-, &, ,) and everything else URLs need', () => {
    expect(encodeFragmentText('cash-for-weapons, oil & rice')).toBe('cash%2Dfor%2Dweapons%2C%20oil%20%26%20rice');
    expect(encodeFragmentText('“Kim’s” (2024)')).toBe('%E2%80%9CKim%E2%80%99s%E2%80%9D%20%282024%29');
    expect(decodeURIComponent(encodeFragmentText('a-b,c&d'))).toBe('a-b,c&d');
  });

  it('links short quotes whole, and long ones by their first and last words', () => {
    expect(textDirective('  Millions of   shells\ncrossed. ')).toBe('Millions%20of%20shells%20crossed.');
    const long = 'Analysts estimate that millions of 152mm shells have crossed the border since the cash-for-weapons arrangement began.';
    expect(textDirective(long)).toBe('Analysts%20estimate%20that%20millions,the%20cash%2Dfor%2Dweapons%20arrangement%20began.');
    expect(textDirective('')).toBeNull();
  });

  it('keeps the page’s own fragment, replaces an old directive, and refuses non-web addresses', () => {
    expect(textFragmentUrl('https://a.example/x?q=1', 'Kim met Putin')).toBe('https://a.example/x?q=1#:~:text=Kim%20met%20Putin');
    expect(textFragmentUrl('https://a.example/x#top', 'Kim')).toBe('https://a.example/x#top:~:text=Kim');
    expect(textFragmentUrl('https://a.example/x#:~:text=old', 'new')).toBe('https://a.example/x#:~:text=new');
    expect(textFragmentUrl('https://a.example/x', '')).toBe('https://a.example/x');
    expect(textFragmentUrl('javascript:alert(1)', 'x')).toBeNull();
    expect(textFragmentUrl('not a url', 'x')).toBeNull();
  });
});

describe('exporters', () => {
  it('escapes CSV fields with quotes, commas and line breaks (RFC 4180), one CRLF row per note', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('she said "no"')).toBe('"she said ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    const csv = toCsv([makeNote({ comment: 'one, "two"\nthree', tags: ['a', 'b'] })]);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('id,createdAt,updatedAt,termId,termLabel,quote,comment,tags,pageTitle,pageUrl,passageId,passageSection,passageText');
    expect(rows[1]).toContain(',"one, ""two""\nthree",a; b,');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe('');
  });

  it('writes Markdown grouped by term, with quote, a link to the sentence, the passage and the citation', () => {
    const corpus = shippedCorpus();
    const md = toMarkdown(
      [
        makeNote({ termLabel: 'Vostochny Cosmodrome', termId: 'vostochny-cosmodrome', comment: 'space' }),
        makeNote({ comment: 'first' }),
        makeNote({ comment: 'second <img src=x onerror=alert(1)>', pageTitle: '[click](javascript:alert(1))' }),
      ],
      corpus.citation,
      1_700_000_000_000,
    );
    expect(md.indexOf('## Kim Jong Un')).toBeLessThan(md.indexOf('## Vostochny Cosmodrome'));
    expect(md.indexOf('second')).toBeLessThan(md.indexOf('first'));
    expect(md).toContain('> Kim Jong Un arrived in Vladivostok.');
    expect(md).toContain('(<https://www.reuters.com/world/asia/kim#:~:text=Kim%20Jong%20Un%20arrived%20in%20Vladivostok.>)');
    expect(md).toContain('> Throughout 2023, the two leaders met.');
    expect(md).toContain('Howell');
    expect(md).toContain('https://doi.org/10.55317/');
    // The note's words stay words.
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(md).not.toContain('](javascript:');
    expect(escapeMarkdown('a [b](c) <d>')).toBe('a \\[b\\]\\(c\\) \\<d\\>');
  });

  it('backs up losslessly with a format version, and reads its own backup back', () => {
    const notes = [makeNote({ passageId: undefined, passageText: '', passageSection: '' }), makeNote({ tags: [] })];
    delete (notes[0] as Partial<Note>).passageId;
    const json = toJsonBackup(notes, 1_700_000_000_000);
    expect(JSON.parse(json)).toMatchObject({ format: 'nk-russia-context/notes', version: 1 });
    expect(parseBackup(json)).toEqual({ ok: true, notes });
    // The database's own fields do not leak into a backup.
    expect(JSON.parse(toJsonBackup([{ ...notes[1]!, search: 'x', site: 'y' } as Note], 0)).notes[0]).toEqual(notes[1]);
  });
});

describe('importing a backup', () => {
  const backup = (notes: unknown[]) => JSON.stringify({ format: 'nk-russia-context/notes', version: 1, notes });

  it('names the entry and the field that is wrong', () => {
    expect(parseBackup('{not json')).toMatchObject({ ok: false, error: expect.stringMatching(/not a JSON file/) });
    expect(parseBackup('[]')).toMatchObject({ ok: false, error: expect.stringMatching(/not a notes backup/) });
    expect(parseBackup(JSON.stringify({ format: 'nk-russia-context/notes', version: 9, notes: [] }))).toMatchObject({ ok: false, error: expect.stringMatching(/"version"/) });
    const result = parseBackup(backup([makeNote(), makeNote(), { ...makeNote(), tags: 'summit' }]));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Entry 3, field "tags"/) });
    expect(parseBackup(backup([makeNote({ pageUrl: 'javascript:alert(1)' })]))).toMatchObject({ ok: false, error: expect.stringMatching(/Entry 1, field "pageUrl"/) });
    expect(parseBackup(backup([{ ...makeNote(), extra: 1 }]))).toMatchObject({ ok: false, error: expect.stringMatching(/Entry 1, field "extra"/) });
    const twice = makeNote();
    expect(parseBackup(backup([twice, twice]))).toMatchObject({ ok: false, error: expect.stringMatching(/Entry 2, field "id".*twice/) });
  });

  it('keeps the newer of two versions of a note', () => {
    expect(mergeDecision(undefined, { updatedAt: 5 })).toBe('add');
    expect(mergeDecision({ updatedAt: 5 }, { updatedAt: 6 })).toBe('replace');
    expect(mergeDecision({ updatedAt: 6 }, { updatedAt: 5 })).toBe('keep');
    expect(mergeDecision({ updatedAt: 5 }, { updatedAt: 5 })).toBe('keep');
  });
});

describe('finding notes and their passages', () => {
  it('searches comment, quote, title, term and tags, accents and case aside, with filters', () => {
    const notes = [makeNote({ comment: 'Kremlín talks', tags: ['oil'] }), makeNote({ pageTitle: 'Shells', termId: 'artillery-152mm', termLabel: '152-mm artillery', pageUrl: 'https://www.bbc.co.uk/x' })].map(indexNote);
    expect(filterNotes(notes, { query: 'KREMLIN' })).toEqual([notes[0]]);
    expect(filterNotes(notes, { query: '#oil' })).toEqual([notes[0]]);
    expect(filterNotes(notes, { query: 'shells artillery' })).toEqual([notes[1]]);
    expect(filterNotes(notes, { query: '', site: 'bbc.co.uk' })).toEqual([notes[1]]);
    expect(filterNotes(notes, { query: '', tag: 'oil', termId: 'kim-jong-un' })).toEqual([notes[0]]);
  });

  it('says when the paper’s passage changed or left the corpus', () => {
    const note = makeNote();
    expect(passageStatus(note, { text: 'Throughout 2023,  the two leaders met.' })).toBe('current');
    expect(passageStatus(note, { text: 'Throughout 2024, they met.' })).toBe('changed');
    expect(passageStatus(note, undefined)).toBe('removed');
    expect(passageStatus({ passageText: '' }, undefined)).toBe('none');
  });
});
