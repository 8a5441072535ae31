/**
 * One entry per API for the shared conformance suite: a valid sample request and how to present a
 * credential. Registering an API here makes the whole suite run for it.
 */

/** How the conformance suite talks to one API. */
export interface ApiCase {
  /** A request that succeeds with the suite's clock (NOW). */
  sample: { method: 'GET' | 'POST'; url: string; body?: unknown };
  /** Headers carrying a credential whose secret part is `secret`. */
  auth(secret: string): Record<string, string>;
}

/** The cases, by API name. */
export const API_CASES: Record<string, ApiCase> = {
  logicdialog: {
    sample: {
      method: 'GET',
      url: '/logicdialog/api/agent/analytics/message?client=acme&dateFrom=2024-12-01T00:00:00Z&dateTo=2025-03-01T00:00:00Z&resolution=day',
    },
    auth: (secret) => ({ Authorization: `Bearer pk_${secret}` }),
  },
  chatlayer: {
    sample: {
      method: 'GET',
      url: '/chatlayer/v1/bots/bot-1/conversations?version=LIVE&start_time=2025-02-22T00:00:00Z&end_time=2025-03-01T00:00:00Z&bucket=1d&group_by=channel_type',
    },
    auth: (secret) => ({ Authorization: `Basic ${Buffer.from(`token-id:${secret}`).toString('base64')}` }),
  },
  chatbotcom: {
    sample: {
      method: 'GET',
      url: '/chatbotcom/reports/conversations?from=2025-02-01&to=2025-03-01&dimension=day',
    },
    auth: (secret) => ({ Authorization: `Bearer ${secret}` }),
  },
  generalbots: {
    sample: { method: 'GET', url: '/generalbots/api/v1/analytics/usage/daily?days=30' },
    auth: (secret) => ({ Authorization: `Bearer ${secret}` }),
  },
  digitalcx: {
    sample: {
      method: 'GET',
      url: '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T06:00:00Z',
    },
    auth: (secret) => ({ Authorization: `Bearer ${secret}` }),
  },
};
