/**
 * The operationIds of `specs/logicdialog.yaml`, in spec order. The handler map is typed by them
 * (`satisfies Record<OperationId, OperationHandler>`); test/conformance.test.ts checks them against the spec.
 */
export const OPERATION_IDS = [
  'getUserAnalytics',
  'getNlpAnalytics',
  'getMessageAnalytics',
  'getActiveChannelAnalytics',
  'getMessageGroupsAnalytics',
  'getSentimentAnalytics',
  'getEventsAnalytics',
  'getUserDetailAnalytics',
  'getResponseAnalytics',
  'getUrlTrackingAnalytics',
  'getBlocksAnalytics',
  'getInterventionAnalytics',
  'getInterventionAverageTimeByAgentSeriesAnalytics',
  'getInterventionDetailAnalytics',
  'getInterventionAverageTimeAnalytics',
  'getActiveUserLanguageAnalytics',
] as const;

/** An operation of the Logicdialog Analytics spec. */
export type OperationId = (typeof OPERATION_IDS)[number];
