/**
 * With --workers, a console's stream lands on one worker, but the requests are answered by all of
 * them: while a console watches, the merged journal is read through the primary twice a second and
 * what is new is passed on. Only while someone watches, so a cluster without a console pays nothing.
 */
import type { JournalEntry, JournalWatcher } from '../../../core/journal.js';

/** How often the merged journal is read while a console watches (the page promises "within a second"). */
export const POLL_MS = 500;

/** Calls `watcher` with each answered entry of `list()` not seen in its previous answer; returns how to stop. */
export function pollJournal(
  list: () => Promise<JournalEntry[]>,
  watcher: JournalWatcher,
  everyMs = POLL_MS,
): () => void {
  let seen = new Set<string>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const answered = (await list()).filter((e) => e.durationMs !== null);
      if (stopped) return;
      for (const entry of answered) if (!seen.has(`${entry.worker}:${entry.id}`)) watcher(entry);
      seen = new Set(answered.map((e) => `${e.worker}:${e.id}`));
    } catch {
      // The primary is busy or going away: the next tick tries again, or the stream ends.
    }
    if (!stopped) timer = setTimeout(tick, everyMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
