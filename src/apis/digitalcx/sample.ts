/** The request the shared test suites and the test client start from, and the bearer credential. */
import type { ApiSample } from '../../core/api.js';

/** Six hours of project shop's interaction log as CSV. */
export const sample: ApiSample = {
  method: 'GET',
  path: '/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T06:00:00Z',
  auth: (secret) => ({ Authorization: `Bearer ${secret}` }),
};
