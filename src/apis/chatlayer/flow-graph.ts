/**
 * The flow graph of a bot's conversations over a window: step visits, edges and drop-offs. Each
 * (version, channel, language) cell of an hour sends its conversations through the same dialog
 * structure one conversation's walk follows (flow.ts): welcome → main menu, then one to four
 * dialogs chosen by weight, a question repeating itself on a wrong answer, the handover ending
 * it. Counts are split exactly at every branch, so for every step: edges in = visits = edges out +
 * drop-offs (the entry step has no edges in), and every conversation's own transitions are edges.
 */
import type { Knobs } from '../../core/knobs.js';
import { splitCount } from '../../core/rng.js';
import { MS_HOUR } from '../../core/time.js';
import { type Bot, LEVEL } from './bot.js';
import { DIALOG_WEIGHTS, DIALOGS, INTRODUCTION, type StepTemplate } from './catalog.js';
import { cellQuery, liveHours, type SeriesQuery } from './conversation-series.js';
import { type Cell, cellRng, cellsInHour } from './traffic.js';

/** Visits, edges ("from|to" slugs) and drop-offs, by step slug. */
export interface FlowGraph {
  visits: Map<string, number>;
  edges: Map<string, number>;
  dropoffs: Map<string, number>;
}

/** A wrong answer makes a question repeat itself (as in flow.ts). */
export const INVALID_ANSWER = 0.2;
/** The most dialogs a conversation enters (flow.ts draws one to four). */
const MAX_DIALOGS = 4;

/** An empty graph. */
export function emptyGraph(): FlowGraph {
  return { visits: new Map(), edges: new Map(), dropoffs: new Map() };
}

function bump(map: Map<string, number>, key: string, n: number): void {
  if (n > 0) map.set(key, (map.get(key) ?? 0) + n);
}

/** Every step template by slug: the introduction's and the dialogs'. */
export const STEP_TEMPLATES: ReadonlyMap<string, StepTemplate> = new Map(
  [...INTRODUCTION, ...DIALOGS.flatMap((d) => d.steps)].map((t) => [t[0], t]),
);

/** Sends `count` conversations of one cell and hour through the dialogs, into `graph`. */
export function addCell(graph: FlowGraph, bot: Bot, hour: number, cell: Cell): void {
  const rng = cellRng(bot, 'flow-graph', cell, hour);
  const n = cell.count;
  const [welcome, menu] = INTRODUCTION.map((t) => t[0]) as [string, string];
  bump(graph.visits, welcome, n);
  bump(graph.visits, menu, n);
  bump(graph.edges, `${welcome}|${menu}`, n);
  let at = new Map<string, number>([[menu, n]]);
  for (let stage = 1; stage <= MAX_DIALOGS && at.size > 0; stage++) {
    const next = new Map<string, number>();
    // A walk draws its number of dialogs, 1 to 4, evenly: after dialog k it goes on with (4-k)/(5-k).
    const goOn = stage === 1 ? 1 : (MAX_DIALOGS - stage + 1) / (MAX_DIALOGS - stage + 2);
    for (const [from, here] of at) {
      const going = rng.binomial(here, goOn);
      bump(graph.dropoffs, from, here - going);
      splitCount(going, DIALOG_WEIGHTS, rng).forEach((k, d) => {
        const dialog = DIALOGS[d];
        if (!dialog || k === 0) return;
        let previous = from;
        for (const [slug, type] of dialog.steps) {
          bump(graph.edges, `${previous}|${slug}`, k);
          bump(graph.visits, slug, k);
          if (type === 'INPUT_VALIDATION') {
            let repeats = 0;
            for (let r = rng.binomial(k, INVALID_ANSWER); r > 0; r = rng.binomial(r, INVALID_ANSWER))
              repeats += r;
            bump(graph.edges, `${slug}|${slug}`, repeats);
            bump(graph.visits, slug, repeats);
          }
          previous = slug;
        }
        if (dialog.ends) bump(graph.dropoffs, previous, k);
        else bump(next, previous, k);
      });
    }
    at = next;
  }
  for (const [from, here] of at) bump(graph.dropoffs, from, here);
}

/** The graph of a query's conversations started in its window (hours starting inside it). */
export function flowGraph(
  q: SeriesQuery,
  now: number,
  knobs: Knobs,
  cellKey?: (cell: Cell) => string,
): Map<string, FlowGraph> {
  const graphs = new Map<string, FlowGraph>();
  const live = liveHours(q, now);
  const cq = cellQuery(q, LEVEL.language);
  for (let h = Math.ceil(live.start / MS_HOUR), last = Math.ceil(live.end / MS_HOUR) - 1; h <= last; h++) {
    for (const bot of q.bots) {
      for (const cell of cellsInHour(bot, h, knobs, cq)) {
        const key = cellKey ? cellKey(cell) : '';
        let graph = graphs.get(key);
        if (!graph) {
          graph = emptyGraph();
          graphs.set(key, graph);
        }
        addCell(graph, bot, h, cell);
      }
    }
  }
  return graphs;
}
