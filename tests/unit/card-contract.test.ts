/** The card hand-over is checked where it arrives: shape and contract version. */
import { describe, expect, it } from 'vitest';
import { CARD_CONTRACT_VERSION, CARD_UI_GLOBAL, registeredCardUi } from '../../lib/card-contract';

const api = { version: CARD_CONTRACT_VERSION, show() {}, hide() {}, contains: (): boolean => false };

describe('registeredCardUi', () => {
  it('returns card code of this contract', () => {
    expect(registeredCardUi({ [CARD_UI_GLOBAL]: api })).toBe(api);
  });
  it.each([
    ['nothing registered', {}],
    ['another build’s card code', { [CARD_UI_GLOBAL]: { ...api, version: CARD_CONTRACT_VERSION + 1 } }],
    ['an older build without a version', { [CARD_UI_GLOBAL]: { show() {}, hide() {}, contains: (): boolean => false } }],
    ['a wrong shape', { [CARD_UI_GLOBAL]: { ...api, show: 'x' } }],
  ])('refuses %s', (_, scope) => {
    expect(registeredCardUi(scope)).toBeNull();
  });
});
