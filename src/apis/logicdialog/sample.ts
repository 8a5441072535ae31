/** The request the shared test suites and the test client start from, and the `Bearer <prefix>_<apiKey>` credential. */
import type { ApiSample } from '../../core/api.js';

/** 90 days of messages by day for workspace `acme`; the key's prefix is `pk`. */
export const sample: ApiSample = {
  method: 'GET',
  path: '/api/agent/analytics/message?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
  auth: (secret) => ({ Authorization: `Bearer pk_${secret}` }),
};
