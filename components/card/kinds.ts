/** How each kind of term is named and coloured on the card (same hues as the page highlights). */
import type { TermKind } from '@/lib/corpus/schema';

export const KIND_LABEL: Record<TermKind, string> = {
  person: 'Person', state: 'State', place: 'Place', organisation: 'Organisation',
  event: 'Event', weapon: 'Weapon', document: 'Document', concept: 'Concept',
};
