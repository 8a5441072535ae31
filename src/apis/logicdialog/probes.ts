/** The requests `verify` sends to Logicdialog: every analytics endpoint of the spec over the last 7 days, and its errors. */
import type { Probe, ProbeContext, ProbeSet } from '../../core/probe.js';
import { isoSeconds, MS_DAY, startOf } from '../../core/time.js';

function build({ now, params, spec }: ProbeContext): Probe[] {
  const client = params.client ?? 'acme';
  const today = startOf(now, 'day');
  const window = { dateFrom: isoSeconds(today - 7 * MS_DAY), dateTo: isoSeconds(today) };
  const headers = { 'wbb-client': client };
  // Every GET of the spec: the sixteen endpoints share one query (a new one is probed without a change here).
  const probes: Probe[] = spec.operations
    .filter((op) => op.method === 'GET')
    .map((op) => ({
      name: `${op.operationId} last 7 days by day`,
      operationId: op.operationId,
      method: 'GET',
      path: op.path,
      query: { client, ...window, resolution: 'day' },
      headers,
    }));
  probes.push(
    {
      name: 'getMessageAnalytics last 7 days by hour',
      operationId: 'getMessageAnalytics',
      method: 'GET',
      path: '/api/agent/analytics/message',
      query: { client, ...window, resolution: 'hour' },
      headers,
    },
    {
      name: 'getMessageAnalytics unknown resolution (400)',
      operationId: 'getMessageAnalytics',
      method: 'GET',
      path: '/api/agent/analytics/message',
      query: { client, ...window, resolution: 'fortnight' },
      headers,
      expectStatus: 400,
    },
    {
      name: 'getMessageAnalytics without key (401)',
      operationId: 'getMessageAnalytics',
      method: 'GET',
      path: '/api/agent/analytics/message',
      query: { client, ...window, resolution: 'day' },
      headers,
      anonymous: true,
      expectStatus: 401,
    },
  );
  return probes;
}

/** Logicdialog's probes: the key goes in `Authorization: Bearer <prefix>_<apiKey>`. */
export const probes: ProbeSet = {
  build,
  params: { client: 'the workspace (client query and wbb-client header; default acme)' },
  example:
    "verify logicdialog --target https://backend.logicdialog.ai --header 'Authorization: Bearer $LOGICDIALOG_KEY' --param client=my-workspace",
};
