/**
 * The kinds of term are listed once (lib/kinds.ts). The stylesheets the browser injects cannot
 * import it, so this reads them and fails when a colour, a kind or a style drifts from the list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_COLOUR, TERM_KINDS } from '../../lib/kinds';
import { TermSchema } from '../../lib/corpus/schema';
import * as v from 'valibot';

const root = join(__dirname, '../..');
const highlights = readFileSync(join(root, 'entrypoints/content/highlights.css'), 'utf8');
const cardCss = readFileSync(join(root, 'components/card/card.css'), 'utf8');
const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(' ');

/** Every `selector { declarations }` rule whose selector mentions a kind, by selector. */
function kindRules(css: string, selector: RegExp): Map<string, string> {
  const rules = new Map<string, string>();
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const k = selector.exec(m[1]!.trim());
    if (k) rules.set(k[1]!, m[2]!);
  }
  return rules;
}

describe('one list of kinds, feeding the stylesheets', () => {
  it('colours every kind’s quiet and strong page highlight with the list’s colour, and no other kind', () => {
    for (const style of ['quiet', 'strong']) {
      const rules = kindRules(highlights, new RegExp(`^::highlight\\(nkr-${style}-([a-z]+)\\)$`));
      expect([...rules.keys()].sort()).toEqual([...TERM_KINDS].sort());
      for (const kind of TERM_KINDS) {
        const body = rules.get(kind)!;
        expect(body, `${style} ${kind}`).toContain(KIND_COLOUR[kind]);
        if (style === 'strong') expect(body, `strong ${kind} tint`).toContain(`rgb(${rgbOf(KIND_COLOUR[kind])} /`);
      }
    }
  });

  it('gives the wrap fallback the same colours (concept keeps the default underline)', () => {
    const rules = kindRules(highlights, /^nkr-mark\[data-kind=["']([a-z]+)["']\]$/);
    for (const [kind, body] of rules) expect(body, kind).toContain(KIND_COLOUR[kind as keyof typeof KIND_COLOUR]);
    expect([...rules.keys(), 'concept'].sort()).toEqual([...TERM_KINDS].sort());
    expect(kindRules(highlights, /^(nkr-mark)$/).get('nkr-mark')).toContain(KIND_COLOUR.concept);
  });

  it('gives the card the same colour per kind', () => {
    for (const kind of TERM_KINDS) expect(cardCss, kind).toMatch(new RegExp(`--${kind}: ${KIND_COLOUR[kind]};`));
    // Whitespace-blind: Prettier lays a one-declaration rule out over three lines.
    for (const kind of TERM_KINDS) expect(cardCss).toMatch(new RegExp(`\\.kind-${kind}\\s*\\{\\s*--kind: var\\(--${kind}\\);\\s*\\}`));
  });

  it('is the list the corpus schema accepts', () => {
    const term = { id: 'x', label: 'X', specificity: 'specific', summary: 'S', passages: [], aliases: [{ text: 'X', case: 'any', standalone: true }], related: [] };
    for (const kind of TERM_KINDS) expect(v.is(TermSchema, { ...term, kind }), kind).toBe(true);
    expect(v.is(TermSchema, { ...term, kind: 'vehicle' })).toBe(false);
  });
});
