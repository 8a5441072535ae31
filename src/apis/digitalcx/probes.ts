/** The requests `verify` sends to DigitalCX: the interaction log as CSV, JSON and pages, and every documented error. */
import type { Probe, ProbeAnswer, ProbeContext, ProbeSet } from '../../core/probe.js';
import { isoSeconds, MS_DAY, MS_HOUR, startOf } from '../../core/time.js';

const OPERATION = 'getInteractions';

function build({ now, params }: ProbeContext): Probe[] {
  const customerKey = params.customerKey ?? 'acme';
  const projectKey = params.projectKey ?? 'shop';
  const path = `/${encodeURIComponent(customerKey)}/projects/${encodeURIComponent(projectKey)}/interactions`;
  // Two hours of yesterday: inside the one-day and 90-day limits, and over on every clock.
  const start = startOf(now, 'day') - MS_DAY + 12 * MS_HOUR;
  const window = { startDate: isoSeconds(start), endDate: isoSeconds(start + 2 * MS_HOUR) };
  const read = (name: string, query: Record<string, string>, headers?: Record<string, string>): Probe => {
    const probe: Probe = {
      name,
      operationId: OPERATION,
      method: 'GET',
      path,
      query: { ...window, ...query },
    };
    if (headers) probe.headers = headers;
    return probe;
  };
  const nextPage = (answer: ProbeAnswer): Probe[] => {
    const token = answer.headers.continuationtoken;
    if (answer.status !== 200 || !token) return [];
    return [
      read('getInteractions page 2 (continuationToken)', { paginateData: 'true', continuationToken: token }),
    ];
  };
  const error = (name: string, query: Record<string, string>, verbatim: boolean, p = path): Probe => ({
    name,
    operationId: OPERATION,
    method: 'GET',
    path: p,
    query,
    expectStatus: 400,
    ...(verbatim ? { verbatim: [''] } : {}),
  });
  return [
    read('getInteractions 2 hours as CSV', {}),
    read('getInteractions 2 hours as JSON', {}, { Accept: 'application/json' }),
    read('getInteractions with user info', { includeUserInfo: 'true', environment: 'Production' }),
    { ...read('getInteractions paginated, page 1', { paginateData: 'true' }), next: nextPage },
    // The documented messages, compared verbatim (vendor doc, "Error and Status Codes").
    error(
      'getInteractions end before start (400)',
      { startDate: window.endDate, endDate: window.startDate },
      true,
    ),
    error(
      'getInteractions unknown project (400)',
      window,
      true,
      `/${encodeURIComponent(customerKey)}/projects/unknown/interactions`,
    ),
    // The documented limits; their messages are not documented, so only status and shape count.
    error(
      'getInteractions window over one day (400)',
      {
        startDate: isoSeconds(start - MS_DAY),
        endDate: window.endDate,
      },
      false,
    ),
    error(
      'getInteractions start over 90 days back (400)',
      {
        startDate: isoSeconds(start - 100 * MS_DAY),
        endDate: isoSeconds(start - 100 * MS_DAY + MS_HOUR),
      },
      false,
    ),
    { ...read('getInteractions without token (401)', {}), anonymous: true, expectStatus: 401 },
  ];
}

/** DigitalCX's probes: an OAuth2 client-credentials token first, then `Authorization: Bearer <token>`. */
export const probes: ProbeSet = {
  build,
  params: {
    customerKey: 'your customer key (default acme)',
    projectKey: 'your project key (default shop)',
    resource:
      'the resource asked for in the token request (default https://digitalcx.onmicrosoft.com/external-api)',
  },
  example:
    'verify digitalcx --target https://analytics.digitalcx.com --token-url https://login.microsoftonline.com/digitalcx.onmicrosoft.com/oauth2/token --client-id $ID --client-secret $SECRET --param customerKey=… --param projectKey=…',
  auth: {
    kind: 'client-credentials',
    tokenPath: '/oauth2/token',
    operationId: 'postToken',
    form: { resource: 'https://digitalcx.onmicrosoft.com/external-api' },
  },
};
