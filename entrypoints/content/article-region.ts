/**
 * Where on the page a mention sits, for the relevance gate (lib/relevance.ts): in the article
 * itself, or in the page's furniture (navigation, sidebars, footers, "Most read" link lists, and
 * photo captions, which describe a picture often taken on another day, not the story),
 * and which passage (paragraph, list item, heading) it belongs to. Answers are cached per
 * element, so a repaint costs one map lookup per mention.
 */
import type { MentionPlace } from '@/lib/relevance';

const FURNITURE = 'nav,aside,footer,figcaption,[role="navigation"],[role="complementary"],[role="contentinfo"],[role="banner"],[role="search"],[aria-hidden="true"]';
/** Class or id words that mark sidebars and link lists on sites without semantic tags. */
const FURNITURE_NAME = /(?:^|[\s_-])(?:nav|navbar|menu|sidebar|related|most-?read|most-?popular|popular|trending|recommended|promo|newsletter|footer|breadcrumbs?|share|social|teaser|rail)(?:$|[\s_-])/i;
const PASSAGE = 'p,li,h1,h2,h3,h4,h5,h6,blockquote,figcaption,td,th,dd,dt,caption';

const cache = new WeakMap<Element, MentionPlace>();

/** The place of a mention that starts in `node`. */
export function mentionPlace(node: Node): MentionPlace {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return { region: 'main', passage: null };
  let place = cache.get(el);
  if (!place) {
    const passage = el.closest(PASSAGE) ?? el;
    const region = isFurniture(el) ? 'boilerplate' : 'main';
    place = { region, passage, headline: region === 'main' && passage === pageShape(el.ownerDocument).headline };
    cache.set(el, place);
  }
  return place;
}

function isFurniture(el: Element): boolean {
  if (el.closest(FURNITURE)) return true;
  // A page header outside the article (the masthead); a header inside an article is its title.
  const header = el.closest('header');
  if (header && !header.closest(ARTICLE)) return true;
  // A link inside a list is a link list (related stories, "Most read").
  if (el.closest('a') && el.closest('li')) return true;
  for (let e: Element | null = el; e && e !== e.ownerDocument.body; e = e.parentElement) {
    const name = `${typeof e.className === 'string' ? e.className : ''} ${e.id}`;
    if (name.length > 1 && FURNITURE_NAME.test(name)) return true;
  }
  // On a page that marks its article, everything outside it is furniture.
  return pageShape(el.ownerDocument).marksArticle && !el.closest(ARTICLE);
}

const ARTICLE = 'main,article,[role="main"]';

/** What one task needs to know of the page as a whole, asked once per task (see pageShape). */
interface PageShape {
  doc: Document;
  /** The page marks its article (main, article, role=main). */
  marksArticle: boolean;
  /** The article's headline: its first h1, or the page's first where no article is marked. */
  headline: Element | null;
}
let shape: PageShape | null = null;

/**
 * The page's shape, asked once per task, not once per element: a page without a marked article
 * makes each query walk the whole document, and a repaint places many elements in one task. Only
 * the first h1 is the headline: a teaser or a second h1 lower down is not what the article is about.
 */
function pageShape(doc: Document): PageShape {
  if (shape?.doc !== doc) {
    const article = doc.querySelector(ARTICLE);
    shape = { doc, marksArticle: article !== null, headline: (article && doc.querySelector(`:is(${ARTICLE}) h1`)) ?? doc.querySelector('h1') };
    queueMicrotask(() => (shape = null));
  }
  return shape;
}
