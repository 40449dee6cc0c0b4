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
  /** The contract this card code was built against (CARD_CONTRACT_VERSION). */
  readonly version: number;
  show(props: CardProps): void;
  hide(): void;
  /** Whether an event target is inside the card (the host element or its shadow tree). */
  contains(target: EventTarget | null): boolean;
}

/** The global the card's script registers itself on (isolated world: invisible to the page). */
export const CARD_UI_GLOBAL = '__nkrCardUi';

/** Bumped when CardProps or CardUiApi change: card code from another build is not used. */
export const CARD_CONTRACT_VERSION = 1;

/**
 * The card code registered in this world, checked where it arrives: the right shape and the
 * same contract version (after an update, an older build's card code may still be registered).
 */
export function registeredCardUi(scope: object = globalThis): CardUiApi | null {
  const api = (scope as Record<string, unknown>)[CARD_UI_GLOBAL] as Partial<CardUiApi> | undefined;
  if (!api || typeof api !== 'object') return null;
  if (api.version !== CARD_CONTRACT_VERSION || typeof api.show !== 'function' || typeof api.hide !== 'function' || typeof api.contains !== 'function') return null;
  return api as CardUiApi;
}
