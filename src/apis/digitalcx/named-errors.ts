/** DigitalCX's documented 400s by name, so a scenario can show each message: worded by the real checks. */
import type { NamedError, NamedErrorRequest } from '../../core/api.js';
import { MockError } from '../../core/errors.js';
import { MS_DAY, parseInstant, startOf } from '../../core/time.js';
import {
  beforeDataStartMessage,
  DATA_START,
  END_BEFORE_START,
  MAX_WINDOW_MS,
  oldestStart,
  tooFarBackMessage,
  unknownProjectMessage,
  windowTooLongMessage,
} from './query.js';

const INTERACTIONS = ['getInteractions'];

function requested(request: NamedErrorRequest, name: string): number | undefined {
  const value = request.query.get(name);
  return value === null ? undefined : parseInstant(value)?.ms;
}

/**
 * The request's own dates when they break the limit (then the message is exactly what the real check
 * says); otherwise an example that breaks it, relative to the request's clock.
 */
function windowTooLong(request: NamedErrorRequest): MockError {
  const start = requested(request, 'startDate') ?? startOf(request.now, 'day') - MS_DAY;
  const end = requested(request, 'endDate') ?? start;
  const tooLong = end - start > MAX_WINDOW_MS ? end : start + 2 * MS_DAY;
  return new MockError(400, windowTooLongMessage(start, tooLong));
}

function tooFarBack(request: NamedErrorRequest): MockError {
  const oldest = oldestStart(request.now);
  const start = requested(request, 'startDate') ?? oldest;
  return new MockError(400, tooFarBackMessage(start < oldest ? start : oldest - MS_DAY, oldest));
}

function beforeDataStart(request: NamedErrorRequest): MockError {
  const start = requested(request, 'startDate') ?? DATA_START;
  return new MockError(400, beforeDataStartMessage(start < DATA_START ? start : DATA_START - MS_DAY));
}

/** The named errors of the DigitalCX module. */
export const NAMED_ERRORS: Readonly<Record<string, NamedError>> = {
  'end-before-start': {
    description: 'End date cannot be earlier than start date. (vendor doc, exact)',
    operations: INTERACTIONS,
    build: () => new MockError(400, END_BEFORE_START),
  },
  'unknown-project': {
    description: 'Customer key … with project … does not exist. (vendor doc, keys of the request)',
    operations: INTERACTIONS,
    build: ({ params }) =>
      new MockError(400, unknownProjectMessage(params.customerKey ?? '', params.projectKey ?? '')),
  },
  'window-too-long': {
    description: "You cannot request more than one day's worth of data at the same time…",
    operations: INTERACTIONS,
    build: windowTooLong,
  },
  'too-far-back': {
    description: 'You cannot request a date more than 90 days back…',
    operations: INTERACTIONS,
    build: tooFarBack,
  },
  'before-data-start': {
    description: 'No data is available prior to December 15th 2024…',
    operations: INTERACTIONS,
    build: beforeDataStart,
  },
};
