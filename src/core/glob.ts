/** Glob patterns for scenario rules: `*` matches within a path segment, `**` across segments. */

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 1000;

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a glob. With `segments` (paths), `*` stops at `/` and `**` does not; without it (query and
 * header values), `*` matches anything. Every other character stands for itself.
 */
export function globRegex(pattern: string, segments: boolean): RegExp {
  const id = `${segments ? 'p' : 'v'}${pattern}`;
  let regex = cache.get(id);
  if (!regex) {
    const source = pattern
      .split(/(\*\*|\*)/)
      .map((part) => {
        if (part === '**') return '.*';
        if (part === '*') return segments ? '[^/]*' : '.*';
        return escapeRegex(part);
      })
      .join('');
    regex = new RegExp(`^${source}$`, 's');
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(id, regex);
  }
  return regex;
}

/** Whether a text matches a glob pattern. */
export function globMatches(pattern: string, text: string, segments = false): boolean {
  return globRegex(pattern, segments).test(text);
}
