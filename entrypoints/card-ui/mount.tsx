/**
 * The card's host: one element in the page's top layer (the Popover API, so no z-index or
 * transform on the page can bury or displace it), with a CLOSED shadow root holding the Preact
 * card and its stylesheet: the page can neither look in (the note frame's address, the buttons)
 * nor drive it, since input that the browser did not deliver from the reader is stopped at the root. Positioned beside its mention with Floating UI, following scroll.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { CARD_CONTRACT_VERSION, type CardProps, type CardUiApi } from '@/lib/card-contract';
import { TermCard } from '@/components/card/TermCard';
import css from '@/components/card/card.css?inline';

const HOST_TAG = 'nkr-card-host';
const MAX_CARD_HEIGHT = 520;

/** Host styles, inline and !important: they beat any page rule, including `* { all: unset !important }`. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  inset: '0 auto auto 0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  display: 'block',
  transform: 'none',
  filter: 'none',
  contain: 'none',
  'pointer-events': 'none',
  'z-index': '2147483647',
  visibility: 'visible',
  opacity: '1',
  // A page's `*::before { content: … }` still draws on the host: give it nothing to draw with.
  'font-size': '0',
  'line-height': '0',
  color: 'transparent',
};

export function createCardUi(): CardUiApi {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let layer: HTMLDivElement | null = null;
  let stopFollowing: (() => void) | null = null;

  /** Built once and kept: a card that opens often should not re-parse its stylesheet each time. */
  const ensureHost = () => {
    if (!host || !shadow || !layer) {
      host = document.createElement(HOST_TAG);
      for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
      shadow = host.attachShadow({ mode: 'closed' });
      refuseSyntheticInput(shadow);
      adoptStyles(shadow, css);
      layer = document.createElement('div');
      layer.className = 'layer';
      shadow.append(layer);
      if ('showPopover' in host) host.setAttribute('popover', 'manual');
    }
    if (!host.isConnected) {
      // After <body>, so the page's <body> keeps exactly the children it had.
      document.documentElement.append(host);
      try {
        host.showPopover?.();
      } catch {
        /* not in the top layer; z-index still applies */
      }
    }
    return { shadow, layer };
  };

  const hide = () => {
    stopFollowing?.();
    stopFollowing = null;
    if (layer) render(null, layer);
    host?.remove();
  };

  const show = (props: CardProps) => {
    const { layer } = ensureHost();
    const { actions } = props;
    render(
      <TermCard
        result={props.result}
        error={props.error}
        keyboard={props.keyboard}
        onClose={actions.close}
        onStartNote={actions.startNote}
        onCopy={(text) => copyText(text, layer)}
        onHideTerm={actions.hideTerm}
        onDisableSite={actions.disableSite}
        onOpenRelated={actions.openRelated}
      />,
      layer,
    );
    const card = layer.querySelector<HTMLElement>('.card');
    if (!card) return;
    stopFollowing?.();
    stopFollowing = autoUpdate(props.anchor, card, () => {
      void computePosition(props.anchor, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(8),
          // Below the mention, or above it where there is more room; then shrink to fit that side
          // (the card scrolls inside) and slide sideways into the viewport. Never on the mention.
          flip({ padding: 8, fallbackPlacements: ['top-start'], fallbackStrategy: 'bestFit' }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              card.style.maxHeight = `${Math.max(120, Math.min(MAX_CARD_HEIGHT, Math.floor(availableHeight)))}px`;
            },
          }),
          shift({ padding: 8 }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
      });
    });
  };

  return {
    version: CARD_CONTRACT_VERSION,
    show,
    hide,
    contains: (target) => !!host?.isConnected && target instanceof Node && (target === host || host.contains(target) || !!shadow?.contains(target)),
  };
}

/** Input the card reacts to: a page's synthetic copies (isTrusted false) are stopped before any handler. */
const INPUT_EVENTS = ['click', 'auxclick', 'dblclick', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'keydown', 'keyup', 'keypress', 'input', 'change', 'submit'];

function refuseSyntheticInput(root: ShadowRoot): void {
  for (const type of INPUT_EVENTS) {
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
}

function adoptStyles(root: ShadowRoot, text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox content scripts cannot always adopt sheets made in the isolated world.
    const style = document.createElement('style');
    style.textContent = text;
    root.append(style);
  }
}

async function copyText(text: string, within: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    within.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
