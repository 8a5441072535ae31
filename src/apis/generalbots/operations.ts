/**
 * The operationIds of `specs/generalbots.yaml`, in spec order. The handler map is typed by them
 * (`satisfies Record<OperationId, OperationHandler>`); test/conformance.test.ts checks them against the spec.
 */
export const OPERATION_IDS = [
  'getUsage',
  'getDailyUsage',
  'getMonthlyUsage',
  'getConversationMetrics',
  'getConversationVolume',
  'getConversationDuration',
  'getConversationResolution',
  'getEngagement',
  'getRetention',
  'getSatisfaction',
  'listReports',
  'createReport',
  'getReport',
  'getRealtimeMetrics',
  'getActiveSessions',
] as const;

/** An operation of the General Bots Analytics spec. */
export type OperationId = (typeof OPERATION_IDS)[number];
