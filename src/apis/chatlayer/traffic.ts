/**
 * A bot's conversations of one hour, split exactly by version, channel, language and campaign.
 * Each split is drawn from its own key (bot, level, parent categories, hour), so a cell has the same
 * count however deep or however filtered the request that asks for it: groups add up to their
 * parent, and a filter only drops cells.
 */
import type { Knobs } from '../../core/knobs.js';
import { Rng, splitCount } from '../../core/rng.js';
import { conversationsInHour } from '../../core/world.js';
import { API, type Bot } from './bot.js';

/** Conversations of one hour in one category per split level, from the version down to `depth`. */
export interface Cell {
  path: readonly string[];
  count: number;
}

/** How deep to split (a LEVEL) and which categories to keep per level (undefined: all). */
export interface CellQuery {
  depth: number;
  keep: readonly (ReadonlySet<string> | undefined)[];
}

function split(bot: Bot, hour: number, count: number, path: string[], q: CellQuery, out: Cell[]): void {
  const level = path.length;
  const dimension = bot.dimensions[level];
  if (!dimension) return;
  const rng = Rng.derive(bot.key.seed, API, bot.id, 'split', dimension.name, ...path, hour);
  const parts = splitCount(count, dimension.weights, rng);
  const keep = q.keep[level];
  for (let i = 0; i < parts.length; i++) {
    const n = parts[i] ?? 0;
    const value = dimension.values[i] ?? '';
    if (n === 0 || (keep && !keep.has(value))) continue;
    const next = [...path, value];
    if (level >= q.depth) out.push({ path: next, count: n });
    else split(bot, hour, n, next, q, out);
  }
}

/** The non-empty cells of an hour (conversations started in it) that pass the query's filters. */
export function cellsInHour(bot: Bot, hour: number, knobs: Knobs, q: CellQuery): Cell[] {
  const out: Cell[] = [];
  const total = conversationsInHour(bot.key, hour, knobs);
  if (total > 0) split(bot, hour, total, [], q, out);
  return out;
}

/** Messages and total duration of a cell's conversations; the cell must be split down to LEVEL.language. */
export function cellStats(bot: Bot, hour: number, cell: Cell): { messages: number; durationSeconds: number } {
  const rng = Rng.derive(bot.key.seed, API, bot.id, 'stats', ...cell.path, hour);
  // Every conversation has at least one message; the rest, and the seconds, are Poisson totals.
  const messages = cell.count + rng.poisson(cell.count * (bot.meanMessages - 1));
  return { messages, durationSeconds: rng.poisson(messages * bot.secondsPerMessage) };
}
