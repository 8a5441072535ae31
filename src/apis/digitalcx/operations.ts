/**
 * The operationIds of `specs/digitalcx.yaml`, in spec order. The handler map is typed by them
 * (`satisfies Record<OperationId, OperationHandler>`); test/conformance.test.ts checks them against the spec.
 */
export const OPERATION_IDS = ['getInteractions', 'postToken', 'postTenantToken'] as const;

/** An operation of the DigitalCX Analytics spec. */
export type OperationId = (typeof OPERATION_IDS)[number];
