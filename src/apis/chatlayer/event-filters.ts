/** Attribute filters of events (AttributeFilter, FunnelStepFilter): operators inferred, the vendor lists none. */
import type { TrackingEvent } from './events.js';

/** A filter as the vendor's schemas shape it. */
export interface AttributeFilter {
  key?: string;
  operator?: string;
  value?: string[];
}

/** The value an event has for a key: `channel_type`, `event`, or an attribute. */
function attributeOf(event: TrackingEvent, key: string): string | undefined {
  if (key === 'channel_type') return event.channel_type;
  if (key === 'event') return event.event;
  return event.attributes[key];
}

/** Whether an event passes a filter; an operator the mock does not know matches nothing. */
export function passes(event: TrackingEvent, filter: AttributeFilter): boolean {
  const v = attributeOf(event, filter.key ?? '');
  const values = filter.value ?? [];
  switch ((filter.operator ?? '=').toLowerCase()) {
    case '=':
    case '==':
    case 'eq':
    case 'equals':
    case 'in':
      return v !== undefined && values.includes(v);
    case '!=':
    case 'neq':
    case 'not_equals':
    case 'not_in':
      return v === undefined || !values.includes(v);
    case 'contains':
      return v !== undefined && values.some((x) => v.includes(x));
    case 'exists':
      return v !== undefined;
    case 'not_exists':
      return v === undefined;
    default:
      return false;
  }
}

/** Whether an event passes every filter. */
export function passesAll(event: TrackingEvent, filters: readonly AttributeFilter[] | undefined): boolean {
  return (filters ?? []).every((f) => passes(event, f));
}
