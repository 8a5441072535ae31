/**
 * Bodies of the live-agent endpoints: `intervention`, `intervention-detail`,
 * `intervention/average-time` and `intervention/average-time-by-agent-series`.
 */
import { MockError } from '../../core/errors.js';
import { isoMs } from '../../core/time.js';
import { seriesSums, totalSums } from './buckets.js';
import { interventionCount, interventionsInHour } from './interventions.js';
import type { AnalyticsQuery } from './query.js';
import { seriesOf } from './shapes.js';
import type { Workspace } from './workspace.js';

/** At most this many interventions are listed by `intervention-detail` (inferred; it is not paginated). */
export const MAX_INTERVENTION_RECORDS = 100_000;
/** At most this many interventions are generated to average them (inferred; bounds the work of huge volumes). */
export const MAX_INTERVENTIONS_AVERAGED = 1_000_000;

/**
 * Refuses a window whose interventions are more than `limit`, before generating any of them
 * (counting is cheap: it needs no record).
 */
function checkInterventions(ws: Workspace, q: AnalyticsQuery, limit: number, what: string): void {
  const [count = 0] = totalSums(ws, 'interventions', q, 1, (h) => [interventionCount(ws, h)]);
  if (count > limit) {
    throw new MockError(
      400,
      `The window from dateFrom ${isoMs(q.start)} to dateTo ${isoMs(q.end)} holds ${count} interventions; at most ${limit} are ${what}: narrow the window.`,
    );
  }
}

function average(sum: number, count: number): number {
  return count === 0 ? 0 : Math.round(sum / count);
}

/** `/intervention`: interventions started per bucket. */
export function interventionReport(ws: Workspace, q: AnalyticsQuery) {
  const [values = []] = seriesSums(ws, 'interventions', q, 1, (h) => [interventionCount(ws, h)]);
  const series = seriesOf(q, { key: 'interventions', label: 'Interventions' }, values);
  return { series: [series], total: series.total };
}

/** `/intervention-detail`: every intervention started in the window, by start then id. */
export function interventionDetailReport(ws: Workspace, q: AnalyticsQuery) {
  checkInterventions(ws, q, MAX_INTERVENTION_RECORDS, 'listed');
  const interventions = [];
  for (let h = q.hours.first; h < q.hours.end; h++) {
    for (const record of interventionsInHour(ws, h)) {
      interventions.push({
        id: record.id,
        startedAt: isoMs(record.startedAt),
        channel: record.channel,
        topic: record.topic,
        outcome: record.outcome,
        agent: ws.agents.items[record.agent]?.label ?? null,
        waitSeconds: record.waitSeconds,
        durationSeconds: record.durationSeconds,
      });
    }
  }
  return { interventions, total: interventions.length };
}

/** `/intervention/average-time`: mean wait of every intervention, mean duration of those an agent took. */
export function interventionAverageTimeReport(ws: Workspace, q: AnalyticsQuery) {
  checkInterventions(ws, q, MAX_INTERVENTIONS_AVERAGED, 'averaged');
  let count = 0;
  let wait = 0;
  let handled = 0;
  let duration = 0;
  for (let h = q.hours.first; h < q.hours.end; h++) {
    for (const record of interventionsInHour(ws, h)) {
      count++;
      wait += record.waitSeconds;
      if (record.agent < 0) continue;
      handled++;
      duration += record.durationSeconds;
    }
  }
  return {
    averageWaitSeconds: average(wait, count),
    averageDurationSeconds: average(duration, handled),
    total: count,
  };
}

/** `/intervention/average-time-by-agent-series`: each agent's mean duration per bucket, in seconds. */
export function interventionAverageTimeByAgentReport(ws: Workspace, q: AnalyticsQuery) {
  checkInterventions(ws, q, MAX_INTERVENTIONS_AVERAGED, 'averaged');
  const agents = ws.agents.items;
  const n = agents.length;
  // Per hour: interventions taken by each agent, then the sum of their durations.
  const sums = seriesSums(ws, 'taken-and-durations-by-agent', q, 2 * n, (h) => {
    const vector = new Array<number>(2 * n).fill(0);
    for (const record of interventionsInHour(ws, h)) {
      if (record.agent < 0) continue;
      vector[record.agent] = (vector[record.agent] ?? 0) + 1;
      vector[n + record.agent] = (vector[n + record.agent] ?? 0) + record.durationSeconds;
    }
    return vector;
  });
  let total = 0;
  const series = agents
    .map((agent, a) => {
      const counts = sums[a] ?? [];
      const durations = sums[n + a] ?? [];
      const taken = counts.reduce((x, y) => x + y, 0);
      total += taken;
      const averages = counts.map((c, b) => average(durations[b] ?? 0, c));
      return {
        taken,
        series: seriesOf(
          q,
          agent,
          averages,
          average(
            durations.reduce((x, y) => x + y, 0),
            taken,
          ),
        ),
      };
    })
    .filter((agent) => agent.taken > 0)
    .map((agent) => agent.series)
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.key < b.key ? -1 : 1));
  return { series, total };
}
