/**
 * The interactions-popularity report: how often each interaction was reached in the window. Every
 * conversation starts with the welcome interaction; every user message reaches one interaction of
 * its story, one of their context fallbacks, or the story's fallback.
 */
import type { Knobs } from '../../core/knobs.js';
import type { RequestClock } from '../../core/request-clock.js';
import { Rng, splitCount } from '../../core/rng.js';
import { sharesOf } from '../../core/rounding.js';
import type { Window } from '../../core/time.js';
import { hoursIn } from '../../core/world.js';
import { type Account, SOURCES, type Story } from './account.js';
import { cellConversations, cellUserMessages, dataWindow } from './traffic.js';

/** One entry, in the vendor's three forms: a story interaction, a context fallback, or fallback/welcome. */
export type PopularityEntry =
  | { id: string; name: string; usage: number; value: number }
  | { parentId: string; type: 'contextFallback'; name: string; usage: number; value: number }
  | { type: 'fallback' | 'welcome'; name: string; usage: number; value: number };

const FALLBACK_NAME = 'Fallback Interaction';
const WELCOME_NAME = 'Welcome Interaction';

/** The entries of a story in base order, as its `entryWeights` list them (its fallback is left out). */
function storyEntries(story: Story): PopularityEntry[] {
  return story.interactions.flatMap((interaction) => {
    const own: PopularityEntry = { id: interaction.id, name: interaction.name, usage: 0, value: 0 };
    if (!interaction.contextFallback) return [own];
    const context: PopularityEntry = {
      parentId: interaction.id,
      type: 'contextFallback',
      name: FALLBACK_NAME,
      usage: 0,
      value: 0,
    };
    return [own, context];
  });
}

/** Counts the hits of each selected story's entries, its fallback (next to last) and welcome (last). */
function countHits(account: Account, knobs: Knobs, window: Window, stories: readonly number[]): number[][] {
  const cells = cellConversations(account, knobs);
  const storyCount = account.stories.length;
  const { seed, api, tenant } = account.key;
  const hits = stories.map((t) =>
    new Array<number>((account.stories[t]?.entryWeights.length ?? 0) + 1).fill(0),
  );
  const { first, last } = hoursIn(window);
  for (let h = first; h <= last; h++) {
    const conversations = cells(h);
    stories.forEach((t, k) => {
      const story = account.stories[t] as Story;
      const row = hits[k] as number[];
      let welcomes = 0;
      let messages = 0;
      SOURCES.forEach((_, s) => {
        const cell = s * storyCount + t;
        welcomes += conversations[cell] ?? 0;
        messages += cellUserMessages(account, h, cell, conversations[cell] ?? 0);
      });
      if (welcomes === 0) return;
      row[row.length - 1] = (row[row.length - 1] ?? 0) + welcomes;
      const rng = Rng.derive(seed, api, tenant, 'interactions', story.id, h);
      splitCount(messages, story.entryWeights, rng).forEach((n, i) => {
        row[i] = (row[i] ?? 0) + n;
      });
    });
  }
  return hits;
}

/**
 * The report for the account's stories (or the one `storyId` names): story interactions with their
 * context fallbacks, then the fallback and welcome of the selected stories, sorted by value
 * descending (stable, so ties keep that order), with usages adding up to 100.
 */
export function interactionsPopularity(
  account: Account,
  knobs: Knobs,
  window: Window,
  clock: RequestClock,
  storyId: string | undefined,
): PopularityEntry[] {
  const selected = account.stories.flatMap((story, t) =>
    storyId === undefined || story.id === storyId ? [t] : [],
  );
  const hits = countHits(account, knobs, dataWindow(account, window, clock), selected);
  const entries: PopularityEntry[] = [];
  let fallbacks = 0;
  let welcomes = 0;
  selected.forEach((t, k) => {
    const row = hits[k] ?? [];
    storyEntries(account.stories[t] as Story).forEach((entry, i) => {
      entries.push({ ...entry, value: row[i] ?? 0 });
    });
    fallbacks += row[row.length - 2] ?? 0;
    welcomes += row[row.length - 1] ?? 0;
  });
  entries.push({ type: 'fallback', name: FALLBACK_NAME, usage: 0, value: fallbacks });
  entries.push({ type: 'welcome', name: WELCOME_NAME, usage: 0, value: welcomes });
  const usage = sharesOf(entries.map((e) => e.value));
  return entries.map((e, i) => ({ ...e, usage: usage[i] ?? 0 })).sort((a, b) => b.value - a.value);
}
