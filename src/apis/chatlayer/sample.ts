/** The request the shared test suites and the test client start from, and the HTTP Basic credential. */
import type { ApiSample } from '../../core/api.js';

/** A week of bot-1's conversations by day and channel; the token is `token-id:<secret>`. */
export const sample: ApiSample = {
  method: 'GET',
  path: '/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1d&group_by=channel_type',
  auth: (secret) => ({ Authorization: `Basic ${Buffer.from(`token-id:${secret}`).toString('base64')}` }),
};
