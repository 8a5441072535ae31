/**
 * An account's traffic per hour and cell (source × story): conversations split exactly from the world
 * model, and per-cell paid conversations and messages derived from them. Every report reads these, so
 * filters, groups and reports agree to the unit.
 */
import { cacheKey } from '../../core/bounded-cache.js';
import { checkHourBudget } from '../../core/budget.js';
import { type Knobs, knobsKey } from '../../core/knobs.js';
import type { RequestClock } from '../../core/request-clock.js';
import { Rng } from '../../core/rng.js';
import { conversationsPerHour, splitPerHour } from '../../core/series.js';
import type { Window } from '../../core/time.js';
import { type Account, SOURCES } from './account.js';

/** A per-cell count the series reports show. */
export type Metric = 'conversations' | 'paid' | 'messages';

/** The conversations of one hour, per cell (cell = source index × stories + story index). */
export function cellConversations(account: Account, knobs: Knobs): (hour: number) => number[] {
  return splitPerHour(account.key, 'cell', account.cellWeights, conversationsPerHour(account.key, knobs));
}

/** Paid conversations of a cell in an hour: a share of its conversations, never more. */
export function cellPaid(account: Account, hour: number, cell: number, conversations: number): number {
  const { seed, api, tenant } = account.key;
  return Rng.derive(seed, api, tenant, 'paid', hour, cell).binomial(conversations, account.paidShare);
}

/** User messages of a cell's conversations in an hour: at least one per conversation. */
export function cellUserMessages(
  account: Account,
  hour: number,
  cell: number,
  conversations: number,
): number {
  if (conversations === 0) return 0;
  const { seed, api, tenant } = account.key;
  const mean = account.userMessagesMean[Math.floor(cell / account.stories.length)] ?? 1;
  return (
    conversations + Rng.derive(seed, api, tenant, 'messages', hour, cell).poisson(conversations * (mean - 1))
  );
}

/**
 * All messages of a cell's conversations: the bot's welcome, then each user message and the bot's
 * answer to it — so never fewer than the conversations.
 */
export function cellMessages(account: Account, hour: number, cell: number, conversations: number): number {
  return conversations + 2 * cellUserMessages(account, hour, cell, conversations);
}

function metricOf(
  metric: Metric,
  account: Account,
  hour: number,
  cell: number,
  conversations: number,
): number {
  if (metric === 'paid') return cellPaid(account, hour, cell, conversations);
  if (metric === 'messages') return cellMessages(account, hour, cell, conversations);
  return conversations;
}

/** Which cells a request reads and which group each one adds to (-1: left out). */
export interface GroupPlan {
  /** Number of groups (1 when the request does not group). */
  width: number;
  groupOfCell: number[];
}

/** What a request selects: the filters, and the group values when it groups. */
export interface Selection {
  sources?: readonly string[];
  storyIds?: readonly string[];
  group?: { by: 'source' | 'storyId'; values: readonly string[] };
}

/** The cells of the account a selection reads, and their groups. */
export function planOf(account: Account, selection: Selection): GroupPlan {
  const sources = selection.sources && new Set(selection.sources);
  const stories = selection.storyIds && new Set(selection.storyIds);
  const { group } = selection;
  const groupOfCell: number[] = [];
  SOURCES.forEach((source) => {
    for (const story of account.stories) {
      const selected = (!sources || sources.has(source)) && (!stories || stories.has(story.id));
      const g = group ? group.values.indexOf(group.by === 'source' ? source : story.id) : 0;
      groupOfCell.push(selected ? g : -1);
    }
  });
  return { width: group ? group.values.length : 1, groupOfCell };
}

/**
 * Per hour, the metrics summed per group: `vector(hour)[m × width + g]` is metric m of group g. The
 * cells of a group are disjoint from the others', so the groups add up to the ungrouped figure.
 */
export function hourVector(
  account: Account,
  knobs: Knobs,
  plan: GroupPlan,
  metrics: readonly Metric[],
): (hour: number) => number[] {
  // Every conversation, unsplit: the split is exact, so its sum is the hour's count itself.
  if (metrics.length === 1 && metrics[0] === 'conversations' && plan.groupOfCell.every((g) => g === 0)) {
    const total = conversationsPerHour(account.key, knobs);
    return (hour) => [total(hour)];
  }
  const cells = cellConversations(account, knobs);
  return (hour) => {
    const out = new Array<number>(metrics.length * plan.width).fill(0);
    cells(hour).forEach((conversations, cell) => {
      const g = plan.groupOfCell[cell] ?? -1;
      if (conversations === 0 || g < 0) return;
      metrics.forEach((metric, m) => {
        out[m * plan.width + g] =
          (out[m * plan.width + g] ?? 0) + metricOf(metric, account, hour, cell, conversations);
      });
    });
    return out;
  };
}

/** A name for hourVector's vector (core/series.ts caches whole days by it): everything it depends on. */
export function hourVectorName(
  account: Account,
  knobs: Knobs,
  plan: GroupPlan,
  metrics: readonly Metric[],
): string {
  const { seed, api, tenant } = account.key;
  return cacheKey(
    api,
    seed,
    tenant,
    knobsKey(knobs),
    metrics.join(','),
    plan.width,
    plan.groupOfCell.join(','),
  );
}

/**
 * The part of a window where the account can have data (after it was created, before now): the hours
 * every report walks. More than the shared hour budget is a 400 (core/budget.ts).
 */
export function dataWindow(account: Account, window: Window, clock: RequestClock): Window {
  // Hours count from the moment they begin: a window reaching past now holds until the next one does.
  return checkHourBudget(window, account.createdAt, clock.cappedToStartedHours(window.end));
}
