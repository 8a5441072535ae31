/** A Chatlayer team: the bots it owns, derived from the team id (the API token is scoped to one team). */
import { Rng } from '../../core/rng.js';
import { API } from './bot.js';

/** Bot ids look like the vendor's object ids: 24 hex digits (inferred). */
const BOT_ID_LENGTH = 24;

/** The ids of a team's bots: one to five, a pure function of seed and team id. */
export function teamBotIds(seed: number, teamId: string): string[] {
  const rng = Rng.derive(seed, API, teamId, 'team');
  return Array.from({ length: rng.int(1, 5) }, () => rng.hex(BOT_ID_LENGTH));
}
