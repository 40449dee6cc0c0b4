/**
 * The content script's verdict (entrypoints/content/shown.ts) on a page built in happy-dom, with
 * the shipped catalogue: what it asks lib/relevance.ts must describe the page as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MentionStore, type Mention } from '../../entrypoints/content/mentions';
import { TextWalker } from '../../entrypoints/content/scanner';
import { ShownMentions } from '../../entrypoints/content/shown';
import type { Corpus } from '../../lib/corpus/schema';
import { FORM_KEEPS_TERM, FORM_PLACES_ITSELF, NAMING_ALIAS, TOPICAL_ALIAS } from '../../lib/matcher';
import { automatonOf, toMatcherData } from '../../lib/matcher-data';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const data = toMatcherData(JSON.parse(readFileSync(join(__dirname, '../../data/corpus.json'), 'utf8')) as Corpus);
const automaton = automatonOf(data);

/** Scans the page as the content script does: its verdict, and the walker that scans what the page adds later. */
function scanPage(html: string): { shown: ShownMentions; walker: TextWalker } {
  document.body.innerHTML = html;
  const store = new MentionStore();
  const walker = new TextWalker(automaton, (f) => {
    const standing = automaton.formStandalone[f.form];
    store.add(f, automaton.formTerm[f.form]!, standing === NAMING_ALIAS, standing === TOPICAL_ALIAS, (automaton.formFlags[f.form]! & FORM_KEEPS_TERM) !== 0, (automaton.formFlags[f.form]! & FORM_PLACES_ITSELF) !== 0);
  });
  walker.walk(document.body, document.body.firstChild, Infinity);
  const none = () => {};
  const shown = new ShownMentions(store, data.terms, () => DEFAULT_SETTINGS, { added: none, removed: none, reset: none });
  shown.update();
  return { shown, walker };
}

/** What shows on the page, each as [text, term id]. */
function shownOn(html: string): [string, string][] {
  const { shown } = scanPage(html);
  return [...shown.shown].map((m: Mention) => [m.range.toString(), data.terms[shown.termOf(m)]!.id]);
}

const ARTICLE = '<article><p>North Korea and Russia met again. North Korea praised Russia after the summit.</p></article>';

describe('the page verdict in the content script', () => {
  it('lets a name that shows only on the topic narrow a word class when the article has it', () => {
    const shown = shownOn(`${ARTICLE}<article><p>They signed the Treaty on Comprehensive Strategic Partnership.</p></article>`);
    expect(shown).toContainEqual(['summit', 'kim-putin-summits']);
  });

  it('narrows bare sanctions to the UN’s in a story about the Panel of Experts, but never Seoul’s or the EU’s own', () => {
    const shown = shownOn(
      `${ARTICLE}<article><p>Russia vetoed the Panel of Experts, so the sanctions go unwatched. The EU sanctions on Pyongyang stay.</p><p>정부는 러시아 선박을 독자제재 대상으로 지정했다. 북한은 제재를 피했다. 푸틴은 일방적인 제한조치를 비판했다.</p><p>Под санкции ЕС попал губернатор Приморья.</p></article>`,
    );
    expect(shown).toContainEqual(['sanctions', 'un-sanctions']);
    expect(shown.filter(([text]) => text === 'sanctions')).toEqual([
      ['sanctions', 'un-sanctions'],
      ['sanctions', 'sanctions'],
    ]);
    expect(shown).toContainEqual(['제재를', 'un-sanctions']);
    expect(shown).toContainEqual(['독자제재', 'sanctions']);
    // Putin's "unilateral restrictive measures" are never the UN's.
    expect(shown).toContainEqual(['제한조치를', 'sanctions']);
    expect(shown).toContainEqual(['санкции', 'sanctions']);
  });

  it('passes the troops’ self-placing names to the verdict: their operation abroad opens a story that never names Russia, the army at home does not', () => {
    const abroad = shownOn(
      '<article><h1>Ким Чен Ын встретился с семьями погибших</h1><p>Лидер КНДР Ким Чен Ын встретился с семьями военнослужащих, погибших в ходе зарубежной военной операции.</p><p>Он пообещал построить в Пхеньяне мемориал.</p></article>',
    );
    expect(abroad).toContainEqual(['зарубежной военной операции', 'nk-troops-in-russia']);
    const atHome = shownOn('<article><h1>북한군, 군사분계선 넘었다가 북상</h1><p>합참은 북한군 여러 명이 군사분계선을 넘었다가 경고사격을 받고 돌아갔다고 밝혔다.</p><p>북한은 반응하지 않았다.</p></article>');
    expect(atHome).toEqual([]);
  });

  it('reads the so-called Donetsk and Luhansk republics on Russia’s side: a story of Pyongyang recognising them is on the topic', () => {
    const shown = shownOn(
      '<article><h1>Kyiv cuts ties with Pyongyang</h1><p>Ukraine broke off relations with North Korea after Pyongyang recognised the Donetsk People’s Republic and the Luhansk People’s Republic; North Korea handed its note to Russia’s ambassador.</p></article>',
    );
    expect(shown.map(([, id]) => id)).toEqual(expect.arrayContaining(['donetsk-peoples-republic', 'luhansk-peoples-republic', 'north-korea']));
  });

  it('keeps the bare sanctions of a story whose headline names the US’s own as sanctions, though it cites the UN’s resolutions', () => {
    const shown = shownOn(
      '<article><h1>U.S. Sanctions Russian Entities for Arms Transfers with North Korea</h1><p>The United States placed sanctions on three Russian firms that moved North Korean missiles to Russia. The sanctions also aim to uphold United Nations Security Council resolutions.</p></article>',
    );
    expect(shown.filter(([text]) => /^sanctions$/i.test(text))).toEqual([
      ['Sanctions', 'sanctions'],
      ['sanctions', 'sanctions'],
      ['sanctions', 'sanctions'],
    ]);
  });

  it('does not call the Beijing talks of September 2025 the paper’s summits, though the story names the treaty', () => {
    const shown = shownOn(
      '<article><h1>Kim and Putin hold talks in Beijing</h1><p>Kim Jong Un and Vladimir Putin sat down for talks at the Diaoyutai State Guesthouse after the parade. As the meeting began, Putin thanked North Korea’s troops.</p><p>The two leaders signed the Treaty on Comprehensive Strategic Partnership at their summit in Pyongyang in June 2024.</p></article>' +
        '<article><p>김정은 위원장과 푸틴 대통령은 댜오위타이 국빈관에서 회담했다. 회담에서 푸틴은 북한군을 치하했다.</p></article>',
    );
    const summits = shown.filter(([, id]) => id === 'kim-putin-summits' || id === 'vostochny-summit').map(([text]) => text);
    // The June 2024 summit, named as such, is the paper's; the Beijing talks are not.
    expect(summits).toEqual(['summit in Pyongyang']);
    // Nor do the Beijing talks' words show as those talks, a subject the paper does not cover.
    expect(shown.map(([, id]) => id)).not.toContain('beijing-talks-2025');
    expect(shown.map(([, id]) => id)).toEqual(expect.arrayContaining(['kim-jong-un', 'vladimir-putin', 'russia-dprk-treaty-2024']));
  });

  it('shows 북러 정상회담 as the Vostochny summit in a story set at the cosmodrome, and the Pyongyang summit named by its place as itself', () => {
    const shown = shownOn(
      '<article><h1>김정은, 보스토치니 우주기지서 푸틴과 회담</h1><p>북러 정상회담은 보스토치니 우주기지에서 열렸다. 북한과 러시아는 위성 협력을 논의했다.</p><p>러시아 언론은 북러 정상회담에서 무기 거래가 논의됐다고 전했다.</p></article>' +
        '<article><p>Officials expect the Pyongyang summit to follow the Vostochny Cosmodrome talks.</p></article>',
    );
    const summits = shown.filter(([, id]) => id === 'kim-putin-summits' || id === 'vostochny-summit');
    expect(summits).toEqual([
      ['회담', 'vostochny-summit'],
      ['북러 정상회담은', 'vostochny-summit'],
      ['북러 정상회담에서', 'vostochny-summit'],
      ['Pyongyang summit', 'kim-putin-summits'],
      ['talks', 'vostochny-summit'],
    ]);
  });

  it('does not let that name narrow anything from the page’s furniture (a "Most read" list)', () => {
    const shown = shownOn(`${ARTICLE}<aside><ul><li><a href="/x">Inside the Treaty on Comprehensive Strategic Partnership</a></li></ul></aside>`);
    expect(shown.map(([text]) => text)).not.toContain('summit');
    expect(shown.map(([, id]) => id)).not.toContain('russia-dprk-treaty-2024');
  });

  it('shows an on-topic word the page adds later (a live update naming "the Panel of Experts"), as it shows one there at load', () => {
    const { shown, walker } = scanPage(`${ARTICLE}<article id="story"><p>Russia vetoed the Panel of Experts in March.</p></article>`);
    const panels = () => [...shown.shown].filter((m) => data.terms[shown.termOf(m)]!.id === 'un-panel-of-experts').map((m) => m.range.toString());
    expect(panels()).toEqual(['Panel of Experts']);
    const update = document.createElement('p');
    update.textContent = 'Later, the Panel of Experts was disbanded.';
    document.getElementById('story')!.append(update);
    walker.walk(update, update.firstChild, Infinity);
    shown.update();
    expect(panels()).toEqual(['Panel of Experts', 'Panel of Experts']);
  });
});
