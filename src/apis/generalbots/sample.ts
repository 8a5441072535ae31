/** The request the shared test suites and the test client start from, and the bearer credential. */
import type { ApiSample } from '../../core/api.js';

/** Daily usage over the last 30 days. */
export const sample: ApiSample = {
  method: 'GET',
  path: '/api/v1/analytics/usage/daily?days=30',
  auth: (secret) => ({ Authorization: `Bearer ${secret}` }),
};
