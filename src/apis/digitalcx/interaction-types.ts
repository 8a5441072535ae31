/** DigitalCX interaction types and their documented bit flags. */

/** The documented flag of each interaction type. */
export const INTERACTION_FLAGS = {
  Event: 1,
  QA: 2,
  FaqClick: 4,
  Dialog: 8,
  LinkClick: 16,
  Feedback: 32,
  FaqSearch: 64,
  TransactionalDialog: 128,
  DataRetrieval: 256,
  GenerativeAI: 512,
} as const;

/** An interaction type name. */
export type InteractionType = keyof typeof INTERACTION_FLAGS;

/** Every flag set: the documented "All". */
export const ALL_FLAGS = 1023;

/** The flags of a list of types, OR-ed. */
export function maskOf(types: readonly InteractionType[]): number {
  let mask = 0;
  for (const t of types) mask |= INTERACTION_FLAGS[t];
  return mask;
}
