/**
 * Per (version, channel, language) cell and hour: the users, recognised intents, knowledge-base
 * answers and voice minutes of that cell's conversations. Each is drawn from its own key and from
 * the cell's conversations or messages, so users ≤ conversations, intents and answers ≤ messages,
 * whatever window or filter asks for them.
 */
import { splitCount } from '../../core/rng.js';
import type { Bot } from './bot.js';
import { habitsOf } from './habits.js';
import { type Cell, cellRng, cellStats } from './traffic.js';

/** Distinct users among the cell's conversations (at least one when it has any). */
export function cellUsers(bot: Bot, hour: number, cell: Cell): number {
  if (cell.count === 0) return 0;
  return (
    cell.count - cellRng(bot, 'users', cell, hour).binomial(cell.count - 1, habitsOf(bot).returningShare)
  );
}

/** Recognised intents of the cell's messages, aligned with the bot's intents. */
export function cellIntents(bot: Bot, hour: number, cell: Cell): number[] {
  const habits = habitsOf(bot);
  const rng = cellRng(bot, 'intents', cell, hour);
  const recognised = rng.binomial(cellStats(bot, hour, cell).messages, habits.recognisedShare);
  return splitCount(recognised, habits.intents.weights, rng);
}

/** Knowledge-base answers of the cell's messages, by tag (aligned with the bot's tags). */
export function cellAnswers(bot: Bot, hour: number, cell: Cell): number[] {
  const habits = habitsOf(bot);
  const rng = cellRng(bot, 'knowledge', cell, hour);
  const answers = rng.binomial(cellStats(bot, hour, cell).messages, habits.knowledgeShare);
  return splitCount(answers, habits.tags.weights, rng);
}

/** Voice minutes of the cell's conversations (0 for a bot that takes no calls). */
export function cellVoiceMinutes(bot: Bot, hour: number, cell: Cell): number {
  const perConversation = habitsOf(bot).voiceMinutes;
  if (perConversation === 0 || cell.count === 0) return 0;
  return cellRng(bot, 'voice', cell, hour).poisson(cell.count * perConversation);
}
