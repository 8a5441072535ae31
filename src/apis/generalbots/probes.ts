/** The requests `verify` sends to General Bots: every analytics read of the spec, its errors, and (with writes) a report. */
import type { Probe, ProbeAnswer, ProbeContext, ProbeSet } from '../../core/probe.js';
import { MS_DAY, startOf } from '../../core/time.js';

const BASE = '/api/v1/analytics';

/** The id of the report a createReport answer describes. */
function reportIdOf(answer: ProbeAnswer): string | undefined {
  const data = (answer.body as { data?: { id?: unknown } } | null)?.data;
  return typeof data?.id === 'string' ? data.id : undefined;
}

function build({ now, params, spec }: ProbeContext): Probe[] {
  const scope: Record<string, string> = {};
  if (params.bot_id) scope.bot_id = params.bot_id;
  // Every GET without path parameters (the reads over a window, the lists and realtime figures).
  const probes: Probe[] = spec.operations
    .filter((op) => op.method === 'GET' && !op.path.includes('{'))
    .map((op) => {
      const names = new Set(op.parameters.map((p) => p.name));
      const query: Record<string, string> = {};
      if (names.has('days')) query.days = '7';
      if (names.has('group_by')) query.group_by = 'day';
      if (names.has('bot_id')) Object.assign(query, scope);
      return {
        name: `${op.operationId}${query.days ? ' last 7 days' : ''}`,
        operationId: op.operationId,
        method: 'GET',
        path: op.path,
        query,
      };
    });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const today = startOf(now, 'day');
  probes.push(
    {
      name: 'getDailyUsage start_date/end_date',
      operationId: 'getDailyUsage',
      method: 'GET',
      path: `${BASE}/usage/daily`,
      query: { start_date: day(today - 14 * MS_DAY), end_date: day(today - MS_DAY), ...scope },
    },
    {
      name: 'getReport unknown id (404)',
      operationId: 'getReport',
      method: 'GET',
      path: `${BASE}/reports/verify-no-such-report`,
      expectStatus: 404,
    },
    {
      name: 'getUsage days=0 (400)',
      operationId: 'getUsage',
      method: 'GET',
      path: `${BASE}/usage`,
      query: { days: '0' },
      expectStatus: 400,
    },
    {
      name: 'getUsage without token (401)',
      operationId: 'getUsage',
      method: 'GET',
      path: `${BASE}/usage`,
      query: { days: '7' },
      anonymous: true,
      expectStatus: 401,
    },
    {
      name: 'createReport engagement last 7 days',
      operationId: 'createReport',
      method: 'POST',
      path: `${BASE}/reports`,
      body: {
        type: 'engagement',
        start_date: day(today - 7 * MS_DAY),
        end_date: day(today - MS_DAY),
        format: 'pdf',
      },
      write: true,
      next: (answer) => {
        const id = reportIdOf(answer);
        if (!id) return [];
        return [
          {
            name: 'getReport of the report created',
            operationId: 'getReport',
            method: 'GET',
            path: `${BASE}/reports/${encodeURIComponent(id)}`,
          },
        ];
      },
    },
  );
  return probes;
}

/** General Bots' probes: `Authorization: Bearer <token>` or `X-API-Key`. */
export const probes: ProbeSet = {
  build,
  params: { bot_id: 'narrows the reads to one bot (a UUID; default: the whole account)' },
  example:
    "verify generalbots --target https://bots.example.com --header 'Authorization: Bearer $GB_TOKEN' --include-writes",
};
