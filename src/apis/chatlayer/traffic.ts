/**
 * A bot's conversations of one hour, split exactly by version, channel, language and campaign.
 * Each split is drawn from its own key (bot, level, parent categories, hour), so a cell has the same
 * count however deep or however filtered the request that asks for it: groups add up to their
 * parent, and a filter only drops cells.
 */
import type { Knobs } from '../../core/knobs.js';
import { hashFrom, hashState, Rng, splitCount } from '../../core/rng.js';
import { conversationsInHour } from '../../core/world.js';
import { API, type Bot } from './bot.js';

/**
 * A node of a bot's split tree: the categories chosen so far, one per level, and the hash states
 * of the keys that start with them, derived once per bot and reused by every hour.
 */
export interface SplitNode {
  path: readonly string[];
  /** hashState(seed, API, bot, 'split', <the next level's dimension>, ...path); none at the last level. */
  split: number;
  children: (SplitNode | undefined)[];
  /** hashState(seed, API, bot, what, ...path) by `what` (see cellRng). */
  states: Map<string, number>;
}

/** Conversations of one hour in one category per split level, from the version down to `depth`. */
export interface Cell {
  path: readonly string[];
  count: number;
  /** The node of the path: the same object for every hour of the bot (a cheap identity for memos). */
  node: SplitNode;
}

/** How deep to split (a LEVEL) and which categories to keep per level (undefined: all). */
export interface CellQuery {
  depth: number;
  keep: readonly (ReadonlySet<string> | undefined)[];
}

function nodeOf(bot: Bot, path: readonly string[]): SplitNode {
  const dimension = bot.dimensions[path.length];
  return {
    path,
    split: dimension ? hashState(bot.key.seed, API, bot.id, 'split', dimension.name, ...path) : 0,
    children: [],
    states: new Map(),
  };
}

const roots = new WeakMap<Bot, SplitNode>();

function rootOf(bot: Bot): SplitNode {
  let root = roots.get(bot);
  if (!root) {
    root = nodeOf(bot, []);
    roots.set(bot, root);
  }
  return root;
}

/** Visits a cell: its node (path and hash states) and its conversations. */
export type CellVisitor = (node: SplitNode, count: number) => void;

function split(
  bot: Bot,
  hour: number,
  count: number,
  node: SplitNode,
  q: CellQuery,
  visit: CellVisitor,
): void {
  const level = node.path.length;
  const dimension = bot.dimensions[level];
  if (!dimension) return;
  // Rng.derive(seed, API, bot, 'split', dimension, ...path, hour), from the prefix hashed once.
  const parts = splitCount(count, dimension.weights, new Rng(hashFrom(node.split, hour)));
  const keep = q.keep[level];
  for (let i = 0; i < parts.length; i++) {
    const n = parts[i] as number;
    if (n === 0) continue;
    let child = node.children[i];
    if (!child) {
      child = nodeOf(bot, [...node.path, dimension.values[i] ?? '']);
      node.children[i] = child;
    }
    if (keep && !keep.has(child.path[level] as string)) continue;
    if (level >= q.depth) visit(child, n);
    else split(bot, hour, n, child, q, visit);
  }
}

/** Visits the non-empty cells of an hour that pass the query's filters, without listing them. */
export function eachCell(bot: Bot, hour: number, knobs: Knobs, q: CellQuery, visit: CellVisitor): void {
  const total = conversationsInHour(bot.key, hour, knobs);
  if (total > 0) split(bot, hour, total, rootOf(bot), q, visit);
}

/** The non-empty cells of an hour (conversations started in it) that pass the query's filters. */
export function cellsInHour(bot: Bot, hour: number, knobs: Knobs, q: CellQuery): Cell[] {
  const out: Cell[] = [];
  eachCell(bot, hour, knobs, q, (node, count) => out.push({ path: node.path, count, node }));
  return out;
}

/** The stream of `what` for a cell's hour: Rng.derive(seed, API, bot, what, ...path, hour), its prefix hashed once. */
export function cellRng(bot: Bot, what: string, cell: Cell, hour: number): Rng {
  let state = cell.node.states.get(what);
  if (state === undefined) {
    state = hashState(bot.key.seed, API, bot.id, what, ...cell.path);
    cell.node.states.set(what, state);
  }
  return new Rng(hashFrom(state, hour));
}

/** Messages and total duration of a cell's conversations; the cell must be split down to LEVEL.language. */
export function cellStats(bot: Bot, hour: number, cell: Cell): { messages: number; durationSeconds: number } {
  const rng = cellRng(bot, 'stats', cell, hour);
  // Every conversation has at least one message; the rest, and the seconds, are Poisson totals.
  const messages = cell.count + rng.poisson(cell.count * (bot.meanMessages - 1));
  return { messages, durationSeconds: rng.poisson(messages * bot.secondsPerMessage) };
}
