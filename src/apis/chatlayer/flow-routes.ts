/** Handlers of the Flows family: nodes, step details, step edges and the flow funnel. */
import type { OperationHandler, OperationInput } from '../../core/api.js';
import { type Bot, botOf, type Version } from './bot.js';
import type { SeriesQuery } from './conversation-series.js';
import { type Step, stepOf } from './flow.js';
import { emptyGraph, type FlowGraph, flowGraph, STEP_TEMPLATES } from './flow-graph.js';
import type { OperationId } from './operations.js';
import { readList, readWindow } from './query.js';
import { botQuery } from './series-query.js';

/** The special node of the conversations that ended (vendor-spec). */
export const DROPOFF = 'DROPOFF';

function graphOf(input: OperationInput): { bot: Bot; graph: FlowGraph } {
  const q = botQuery(input, false);
  return {
    bot: q.bots[0] as Bot,
    graph: flowGraph(q, input.ctx.clock, input.ctx.knobs).get('') ?? emptyGraph(),
  };
}

/** The step of a slug, as the API names it. */
function step(bot: Bot, slug: string): Step {
  const template = STEP_TEMPLATES.get(slug);
  return template ? stepOf(bot, template) : { id: slug, type: 'MESSAGE' };
}

/** The slug behind a step id of the bot, if it is one. */
function slugOf(bot: Bot, stepId: string): string | undefined {
  for (const [slug, template] of STEP_TEMPLATES) if (stepOf(bot, template).id === stepId) return slug;
  return undefined;
}

function selfLoops(graph: FlowGraph, slug: string): number {
  return graph.edges.get(`${slug}|${slug}`) ?? 0;
}

const byCountThenId = (a: { count: number; id: string }, b: { count: number; id: string }) =>
  b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const Analytics_GetFlows: OperationHandler = (input, res) => {
  const { bot, graph } = graphOf(input);
  const keep = readList(input.query.path);
  let dropped = 0;
  for (const n of graph.dropoffs.values()) dropped += n;
  const nodes = [...graph.visits].map(([slug, n]) => ({ id: step(bot, slug).id, count: n }));
  if (dropped > 0) nodes.push({ id: DROPOFF, count: dropped });
  res.json({
    nodes: nodes
      .filter((node) => !keep || keep.has(node.id))
      .sort(byCountThenId)
      .map((node) => ({ id: node.id, occurrences: node.count })),
  });
};

const Analytics_GetFlowStepDetails: OperationHandler = (input, res) => {
  const { bot, graph } = graphOf(input);
  const slug = slugOf(bot, input.path.step_id as string);
  const visits = slug === undefined ? 0 : (graph.visits.get(slug) ?? 0);
  res.json({
    message_count: visits,
    drop_off_count: slug === undefined ? 0 : (graph.dropoffs.get(slug) ?? 0),
    conversation_count: slug === undefined ? 0 : visits - selfLoops(graph, slug),
  });
};

const Analytics_GetFlowStepEdges: OperationHandler = (input, res) => {
  const { bot, graph } = graphOf(input);
  const slug = slugOf(bot, input.path.step_id as string);
  const sources = input.query.type === 'sources';
  const edges = [];
  for (const [key, count] of slug === undefined ? [] : graph.edges) {
    const [from, to] = key.split('|') as [string, string];
    if ((sources ? to : from) !== slug) continue;
    const other = step(bot, sources ? from : to);
    edges.push({ count, id: other.id, type: other.type, from_step: step(bot, from), to_step: step(bot, to) });
  }
  res.json({ edges: edges.sort(byCountThenId) });
};

interface FunnelBody {
  version: Version;
  start_time: string;
  end_time: string;
  steps: { order?: number; event_id?: string }[];
  breakdown_property?: string;
}

/** The flow funnel: per cohort, entries into each step, never more than the step before. */
const Analytics_ComputeFlowFunnel: OperationHandler = (input, res) => {
  const body = input.body as FunnelBody;
  const bot = botOf(input.ctx.seed, input.path.bot_id as string);
  const q: SeriesQuery = {
    bots: [bot],
    teamId: '',
    window: readWindow(body as unknown as Record<string, unknown>),
    unit: 'year',
    versions: new Set([body.version]),
    channels: undefined,
    languages: undefined,
    groupBy: [],
  };
  const level = { channel_type: 1, language: 2 }[body.breakdown_property ?? ''];
  const graphs = flowGraph(q, input.ctx.clock, input.ctx.knobs, (cell) =>
    level === undefined ? '' : (cell.path[level] ?? ''),
  );
  if (level === undefined && graphs.size === 0) graphs.set('', emptyGraph());
  const steps = body.steps
    .map((s, i) => ({ order: s.order ?? i + 1, eventId: s.event_id ?? '', i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  const result = [...graphs.keys()].sort().map((cohort) => {
    const graph = graphs.get(cohort) as FlowGraph;
    let previous = Number.POSITIVE_INFINITY;
    return {
      values: steps.map((s) => {
        const slug = slugOf(bot, s.eventId);
        const entries = slug === undefined ? 0 : (graph.visits.get(slug) ?? 0) - selfLoops(graph, slug);
        previous = Math.min(previous, entries);
        return { event_id: s.eventId, count: previous, order: s.order, breakdown_value: cohort };
      }),
    };
  });
  res.json({ result });
};

/** The Flows handlers by operationId. */
export const flowHandlers = {
  Analytics_GetFlows,
  Analytics_GetFlowStepDetails,
  Analytics_GetFlowStepEdges,
  Analytics_ComputeFlowFunnel,
} satisfies Partial<Record<OperationId, OperationHandler>>;
