/**
 * The contract between the content script and the card's code, which loads on first hover
 * (injected by the background into the same isolated world) and registers itself on a global.
 */
import type { LookupResult } from './messages';

/** Where the card points: a mention's range, as Floating UI's virtual element. */
export interface CardAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  contextElement?: Element;
}

/** A note form opened for the card: the frame to show, and how it ends. */
export interface NoteSession {
  /** The extension's note form, for an iframe: its own origin, so the page never sees the typing. */
  url: string;
  finished: Promise<'saved' | 'cancelled'>;
}

/** What the card can ask of the page it sits on; the content script implements it. */
export interface CardActions {
  /** Opens a note on the card's term, keeping `passageId` (one of the passages shown) with it. */
  startNote(passageId: string | undefined): Promise<NoteSession>;
  hideTerm(): void;
  disableSite(): void;
  openRelated(termId: string): void;
  close(): void;
}

export interface CardProps {
  anchor: CardAnchor;
  /** The card's contents; null with `error` when the lookup failed. */
  result: LookupResult | null;
  error?: string;
  /** Opened from the keyboard: focus moves into the card. */
  keyboard: boolean;
  actions: CardActions;
}

export interface CardUiApi {
  show(props: CardProps): void;
  hide(): void;
  /** Whether an event target is inside the card (the host element or its shadow tree). */
  contains(target: EventTarget | null): boolean;
}

/** The global the card's script registers itself on (isolated world: invisible to the page). */
export const CARD_UI_GLOBAL = '__nkrCardUi';
