/** How each kind of term is named on the card: the shared list (lib/kinds.ts), where colours live too. */
export { KIND_LABEL } from '@/lib/kinds';
