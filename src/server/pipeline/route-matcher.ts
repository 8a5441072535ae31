/** Matches a request path against the spec's path templates (`/v1/bots/{bot_id}/flow`). */
import type { SpecOperation } from '../../core/spec.js';

interface CompiledPath {
  /** The spec's path template (`/v1/bots/{bot_id}/flow`). */
  path: string;
  regex: RegExp;
  names: string[];
  literalScore: number;
  operations: Map<string, SpecOperation>;
}

/** The outcome of a match: an operation, a path with other methods, or nothing. */
export type RouteMatch =
  | { kind: 'found'; operation: SpecOperation; params: Record<string, string> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function slashesIn(path: string): number {
  let n = 0;
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) n++;
  return n;
}

/** Compiles every path once; matching prefers the path with more literal segments. */
export class RouteMatcher {
  private readonly paths: CompiledPath[] = [];
  /**
   * The paths without parameters, by their text, each only if no path tried before it matches that
   * text too: then finding it here is what trying the paths in order finds, without the regexes.
   */
  private readonly literals = new Map<string, CompiledPath>();
  /**
   * The paths by how many `/` they have, each list in the order above. A parameter never spans a
   * `/`, so a path's regex only matches request paths with as many: the others need not be tried.
   */
  private readonly bySlashes = new Map<number, CompiledPath[]>();

  constructor(operations: readonly SpecOperation[]) {
    const byPath = new Map<string, CompiledPath>();
    for (const op of operations) {
      let compiled = byPath.get(op.path);
      if (!compiled) {
        const names: string[] = [];
        const source = op.path
          .split(/(\{[^}]+\})/)
          .map((part) => {
            const m = /^\{([^}]+)\}$/.exec(part);
            if (!m) return escapeRegex(part);
            names.push(m[1] as string);
            // An empty value is still this path (`/reports/` is `/reports/{report_id}` with ''), as
            // a client that routes by the spec reads it; the parameter's schema then judges it.
            return '([^/]*)';
          })
          .join('');
        compiled = {
          path: op.path,
          regex: new RegExp(`^${source}$`),
          names,
          literalScore: op.path.split('/').filter((s) => s && !s.startsWith('{')).length,
          operations: new Map(),
        };
        byPath.set(op.path, compiled);
      }
      compiled.operations.set(op.method, op);
    }
    this.paths = [...byPath.values()].sort((a, b) => b.literalScore - a.literalScore);
    this.paths.forEach((compiled, i) => {
      if (compiled.names.length > 0) return;
      const text = compiled.path;
      if (!this.paths.slice(0, i).some((earlier) => earlier.regex.test(text)))
        this.literals.set(text, compiled);
    });
    for (const compiled of this.paths) {
      const n = slashesIn(compiled.path);
      const list = this.bySlashes.get(n);
      if (list) list.push(compiled);
      else this.bySlashes.set(n, [compiled]);
    }
  }

  /**
   * Finds the operation for a method and a path (the path after the API prefix, still URL-encoded).
   * The trailing slash, decided once for every API: the path as sent wins; if it names nothing, a
   * trailing slash is ignored (`/usage/` is `/usage`). No vendor documents either way (inferred).
   */
  match(method: string, path: string): RouteMatch {
    const exact = this.matchExactly(method, path);
    if (exact.kind !== 'none' || path.length < 2 || !path.endsWith('/')) return exact;
    return this.matchExactly(method, path.slice(0, -1));
  }

  private matchExactly(method: string, path: string): RouteMatch {
    const literal = this.literals.get(path);
    if (literal !== undefined) return this.found(literal, method, []);
    for (const compiled of this.bySlashes.get(slashesIn(path)) ?? []) {
      const m = compiled.regex.exec(path);
      if (m) return this.found(compiled, method, m);
    }
    return { kind: 'none' };
  }

  /** The answer for a path that matched (`m`: its regex's groups; none for a literal path). */
  private found(compiled: CompiledPath, method: string, m: ArrayLike<string | undefined>): RouteMatch {
    const operation = compiled.operations.get(method === 'HEAD' ? 'GET' : method);
    if (!operation) {
      const allowed = [...compiled.operations.keys()];
      // HEAD is served wherever GET is.
      if (allowed.includes('GET')) allowed.push('HEAD');
      return { kind: 'method', allowed };
    }
    const params: Record<string, string> = {};
    compiled.names.forEach((name, i) => {
      const raw = m[i + 1] as string;
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    return { kind: 'found', operation, params };
  }
}
