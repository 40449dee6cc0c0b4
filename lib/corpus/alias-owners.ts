/**
 * Who already reads an alias's text, for the build's collision checks (two terms' aliases, a stop
 * phrase spelled like an alias). Keys come from `aliasKeys`: lower-cased for a case-blind alias,
 * as written for a case-exact one. Case-blind keys meet case-blind; a case-exact key meets its
 * own spelling, or a case-blind key that would read it too. So "PoE" and "POE" may both stand,
 * and the compass direction "запад" is not the bloc "Запад", but "poe" would read either.
 */
import type { AliasRule } from '../matcher/alias-forms';

export class AliasOwners {
  private readonly caseBlind = new Map<string, string>();
  private readonly exact = new Map<string, string>();
  private readonly exactLower = new Map<string, string>();

  /** The owner that already reads `key` of an alias of this case, if any. */
  ownerOf(key: string, alias: Pick<AliasRule, 'case'>): string | undefined {
    const lower = key.toLowerCase();
    return alias.case === 'exact' ? (this.exact.get(key) ?? this.caseBlind.get(lower)) : (this.caseBlind.get(lower) ?? this.exactLower.get(lower));
  }

  /** Records `owner` as the reader of `key`. */
  claim(key: string, alias: Pick<AliasRule, 'case'>, owner: string): void {
    if (alias.case !== 'exact') this.caseBlind.set(key.toLowerCase(), owner);
    else {
      this.exact.set(key, owner);
      this.exactLower.set(key.toLowerCase(), owner);
    }
  }
}
