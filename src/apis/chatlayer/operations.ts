/**
 * The operationIds of `specs/chatlayer.yaml`, in spec order. The handler map is typed by them
 * (`satisfies Record<OperationId, OperationHandler>`); test/conformance.test.ts checks them against the spec.
 */
export const OPERATION_IDS = [
  'Analytics_ListAppIntegrationsLogs',
  'Analytics_GetConversations',
  'Analytics_GetConversationsInsights',
  'Analytics_GetConversationFlow',
  'Analytics_GetEventAttributeValues',
  'Analytics_ListEventDefinitions',
  'Analytics_CreateEventDefinition',
  'Analytics_ComputeEventsFunnel',
  'Analytics_ListEvents',
  'Analytics_ListEventsWithFilters',
  'Analytics_TrackEvent',
  'Analytics_GetFlows',
  'Analytics_ComputeFlowFunnel',
  'Analytics_GetFlowStepDetails',
  'Analytics_GetFlowStepEdges',
  'Analytics_GetIntents',
  'Analytics_GetIntentInsights',
  'Analytics_GetKnowledgeBaseUsage',
  'Analytics_GetKnowledgeBaseTagsInsights',
  'Analytics_GetMessages',
  'Analytics_ListSubscriptions',
  'Analytics_CreateSubscription',
  'Analytics_DeleteSubscription',
  'Analytics_GetUsers',
  'Analytics_GetUserActivity',
  'Analytics_Echo',
  'Analytics_GetTeamConversationsUsage',
  'Analytics_GetTeamEvents',
  'Analytics_ListTeamEventDefinitions',
  'Analytics_GetTeamKnowledgeBaseUsage',
  'Analytics_GetVoiceAnalytics',
] as const;

/** An operation of the Chatlayer Analytics spec. */
export type OperationId = (typeof OPERATION_IDS)[number];
