/**
 * The flow of one conversation: a deterministic walk through a bot's dialogs, derived from the
 * conversation id, and placed inside the window the request says contains it.
 */
import type { Knobs } from '../../core/knobs.js';
import type { RequestClock } from '../../core/request-clock.js';
import { Rng } from '../../core/rng.js';
import { isoMs, type Window } from '../../core/time.js';
import { tenantProfile } from '../../core/world.js';
import { API, type Bot } from './bot.js';
import { DIALOG_WEIGHTS, DIALOGS, INTRODUCTION, type StepTemplate, type StepType } from './catalog.js';

/** A dialog step (doc shape). */
export interface Step {
  id: string;
  type: StepType;
}

/** A move from one step to the next (doc shape); `id` is `<message_id>:<n>` (inferred). */
export interface FlowTransition {
  id: string;
  from_step: Step;
  to_step: Step;
  depth: number;
  timestamp: string;
}

/** The flow response (doc shape). */
export interface ConversationFlow {
  bot_id: string;
  conversation_id: string;
  user_id: string;
  transitions: FlowTransition[];
}

/** A transition before it is placed in time: its message and its offset from the conversation start. */
interface Move {
  messageId: string;
  from: StepTemplate;
  to: StepTemplate;
  offsetMs: number;
}

const INVALID_ANSWER = 0.2;

/** The walk: the introduction, then one to four dialogs, each entered by a user message. */
function walk(bot: Bot, conversationId: string): Move[] {
  const rng = Rng.derive(bot.key.seed, API, bot.id, 'flow', conversationId);
  const moves: Move[] = [];
  let messageId = rng.uuid(); // the conversation start
  let current = INTRODUCTION[0] as StepTemplate;
  let at = 0;
  const go = (to: StepTemplate): void => {
    moves.push({ messageId, from: current, to, offsetMs: at });
    current = to;
    at += rng.int(150, 900); // the bot's own processing between steps
  };
  const userMessage = (): void => {
    messageId = rng.uuid();
    at += rng.int(4, 60) * 1000;
  };
  for (const step of INTRODUCTION.slice(1)) go(step);
  for (let d = rng.int(1, 4); d > 0; d--) {
    const dialog = DIALOGS[rng.weightedIndex(DIALOG_WEIGHTS)] ?? (DIALOGS[0] as (typeof DIALOGS)[number]);
    userMessage();
    for (const step of dialog.steps) {
      go(step);
      if (step[1] !== 'INPUT_VALIDATION') continue;
      // The step waits for the user's answer; an invalid one loops back onto the step.
      while (rng.chance(INVALID_ANSWER)) {
        userMessage();
        go(step);
      }
      userMessage();
    }
    if (dialog.ends) break;
  }
  return moves;
}

/** A step of the bot: its slug and six hex digits stable per bot. */
export function stepOf(bot: Bot, [slug, type]: StepTemplate): Step {
  return { id: `${slug}-${Rng.derive(bot.key.seed, API, bot.id, 'step', slug).hex(6)}`, type };
}

/**
 * Offsets → instants inside [lo, hi): the conversation starts at a point derived from its id, and
 * is compressed when it is longer than the window.
 */
function place(moves: readonly Move[], lo: number, hi: number, rng: Rng): number[] {
  const span = hi - lo;
  const duration = moves.at(-1)?.offsetMs ?? 0;
  if (duration < span) {
    const base = lo + Math.floor(rng.next() * (span - duration));
    return moves.map((m) => base + m.offsetMs);
  }
  return moves.map((m) => lo + Math.floor((m.offsetMs * (span - 1)) / Math.max(1, duration)));
}

/**
 * The flow of a conversation inside the window, or undefined when the window can hold none
 * (wholly after now, before the bot existed, or an empty world). `messageId` keeps that message's
 * transitions only; depths keep their place in the whole conversation.
 */
export function conversationFlow(
  bot: Bot,
  conversationId: string,
  window: Window,
  clock: RequestClock,
  knobs: Knobs,
  messageId: string | undefined,
): ConversationFlow | undefined {
  const lo = Math.max(window.start, tenantProfile(bot.key).createdAt);
  // Placed up to now itself while the window reaches past it: the flow holds for this millisecond.
  const hi = clock.capped(window.end);
  if (knobs.empty || hi <= lo) return undefined;
  const moves = walk(bot, conversationId);
  const times = place(moves, lo, hi, Rng.derive(bot.key.seed, API, bot.id, 'placement', conversationId));
  const perMessage = new Map<string, number>();
  const transitions: FlowTransition[] = moves.map((move, depth) => {
    const n = perMessage.get(move.messageId) ?? 0;
    perMessage.set(move.messageId, n + 1);
    return {
      id: `${move.messageId}:${n}`,
      from_step: stepOf(bot, move.from),
      to_step: stepOf(bot, move.to),
      depth,
      timestamp: isoMs(times[depth] ?? lo),
    };
  });
  return {
    bot_id: bot.id,
    conversation_id: conversationId,
    user_id: Rng.derive(bot.key.seed, API, bot.id, 'user', conversationId).uuid(),
    transitions:
      messageId === undefined ? transitions : transitions.filter((t) => t.id.startsWith(`${messageId}:`)),
  };
}
