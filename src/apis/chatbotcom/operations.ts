/**
 * The operationIds of `specs/chatbotcom.yaml`, in spec order. The handler map is typed by them
 * (`satisfies Record<OperationId, OperationHandler>`); test/conformance.test.ts checks them against the spec.
 */
export const OPERATION_IDS = [
  'getConversationsReport',
  'getPaidConversationsReport',
  'getConversationsMessagesReport',
  'getAverageConversationsReport',
  'getBusiestPeriodReport',
  'getInteractionsPopularityReport',
] as const;

/** An operation of the ChatBot.com Reports spec. */
export type OperationId = (typeof OPERATION_IDS)[number];
