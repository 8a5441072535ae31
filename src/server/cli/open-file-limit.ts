/** The process's open-file limit and the connection cap it allows by default (--max-connections). */
import { readFileSync } from 'node:fs';

/** The limit assumed where it cannot be read (not Linux): the usual default soft limit. */
const USUAL_LIMIT = 1024;
/** The most connections the default allows, whatever the limit: each costs memory too. */
const MOST_BY_DEFAULT = 16384;

/**
 * The soft limit on open files of this process (Node raises it to the hard limit at start), read
 * from /proc/self/limits on Linux; the usual 1024 elsewhere or when it cannot be read.
 */
export function openFileLimit(): number {
  try {
    const line = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (!line) return USUAL_LIMIT;
    return line[1] === 'unlimited' ? MOST_BY_DEFAULT * 2 : Number(line[1]);
  } catch {
    return USUAL_LIMIT;
  }
}

/**
 * The default cap for a limit: seven eighths of it, leaving the rest for the listening socket,
 * stdio, spec and docs files, cluster channels and file watches (896 under the usual 1024), and
 * at most 16384.
 */
export function defaultMaxConnections(limit: number): number {
  return Math.max(1, Math.min(MOST_BY_DEFAULT, Math.floor((limit * 7) / 8)));
}
