/** The request the shared test suites and the test client start from, and the bearer credential. */
import type { ApiSample } from '../../core/api.js';

/** February's conversations by day; the token names the account. */
export const sample: ApiSample = {
  method: 'GET',
  path: '/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
  auth: (secret) => ({ Authorization: `Bearer ${secret}` }),
};
