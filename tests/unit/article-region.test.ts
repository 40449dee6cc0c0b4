/**
 * Where a mention sits (entrypoints/content/article-region.ts), on page shapes taken from the
 * news fixtures: the article's own text, or the page's furniture the gate ignores.
 */
import { describe, expect, it } from 'vitest';
import { mentionPlace } from '../../entrypoints/content/article-region';

function place(html: string, id: string) {
  document.body.innerHTML = html;
  const el = document.getElementById(id)!;
  return mentionPlace(el.firstChild!);
}

describe('article or furniture', () => {
  it.each([
    ['a paragraph of the article', '<main><article><p id="x">North Korea</p></article></main>', 'main'],
    ['the article’s own header (its headline)', '<article><header><h1 id="x">Kim meets Putin</h1></header><p>…</p></article>', 'main'],
    ['navigation', '<nav><a id="x" href="#">North Korea</a></nav><main><p>…</p></main>', 'boilerplate'],
    ['a sidebar', '<main><p>…</p></main><aside><p id="x">Russia</p></aside>', 'boilerplate'],
    ['a footer', '<main><p>…</p></main><footer><p id="x">North Korea and Russia coverage</p></footer>', 'boilerplate'],
    ['the masthead outside the article', '<header><p id="x">World: Russia</p></header><article><p>…</p></article>', 'boilerplate'],
    ['a “Most read” link list without semantic tags', '<div class="content"><p>…</p></div><div><ul><li><a id="x" href="#">North Korea test-fires a missile</a></li></ul></div>', 'boilerplate'],
    ['a block named as related stories', '<div class="story"><p>…</p></div><div class="related-stories"><p id="x">Russia</p></div>', 'boilerplate'],
    ['text outside the marked article', '<article><p>…</p></article><div><p id="x">Russia</p></div>', 'boilerplate'],
    ['a page with no marked article: all text counts', '<div><p id="x">North Korea</p></div>', 'main'],
    // A photo's caption describes the photo, often an archive picture of another day (Kim at
    // Vostochny atop a story on loudspeakers at the border): it does not say what the article is about.
    ['a photo caption inside the article', '<article><figure><img alt=""><figcaption id="x">Kim Jong Un arrives at the Vostochny Cosmodrome to meet Vladimir Putin</figcaption></figure><p>…</p></article>', 'boilerplate'],
    ['a link inside a paragraph of the article', '<article><p id="p">See <a id="x" href="#">North Korea</a> coverage.</p></article>', 'main'],
  ])('%s', (_name, html, region) => {
    expect(place(html, 'x').region).toBe(region);
  });

  it('gives mentions in one paragraph the same passage, and different paragraphs different ones', () => {
    document.body.innerHTML = '<article><p id="a">North Korea and <b id="b">Russia</b></p><p id="c">Russia</p></article>';
    const a = mentionPlace(document.getElementById('a')!.firstChild!);
    const b = mentionPlace(document.getElementById('b')!.firstChild!);
    const c = mentionPlace(document.getElementById('c')!.firstChild!);
    expect(a.passage).toBe(b.passage);
    expect(a.passage).not.toBe(c.passage);
  });

  it.each([
    ['the article’s h1', '<article><h1 id="x">Holidays in North Korea: how Russians get there</h1><p>…</p></article>', true],
    ['a paragraph', '<article><h1>…</h1><p id="x">North Korea and Russia</p></article>', false],
    ['an h1 in a sidebar', '<main><p>…</p></main><aside><h1 id="x">North Korea and Russia</h1></aside>', false],
    // Only the first: a second h1 (a teaser, a gallery title) is not what the article is about.
    ['a second h1 in the article', '<article><h1>Holidays</h1><p>…</p><h1 id="x">North Korea and Russia</h1></article>', false],
    ['the article’s h1 under a masthead h1', '<header><h1>The Daily</h1></header><article><h1 id="x">North Korea and Russia</h1></article>', true],
  ])('headline: %s', (_name, html, headline) => {
    expect(place(html, 'x').headline).toBe(headline);
  });
});
