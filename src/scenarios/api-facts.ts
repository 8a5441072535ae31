/** What scenario files are checked against: each registered API's operations, named errors and extra knobs. */
import type { ApiModule, KnobSpec, NamedError } from '../core/api.js';
import { loadSpec } from '../core/spec.js';

/** The facts of one API that a scenario may name. */
export interface ApiFacts {
  name: string;
  /** operationId → the statuses its spec documents. */
  operations: ReadonlyMap<string, readonly string[]>;
  errors: Readonly<Record<string, NamedError>>;
  knobs: Readonly<Record<string, KnobSpec>>;
}

const cache = new WeakMap<ApiModule, ApiFacts>();

/** The facts of some API modules (each spec is read once per process). */
export function apiFacts(modules: readonly ApiModule[]): ApiFacts[] {
  return modules.map((module) => {
    let facts = cache.get(module);
    if (!facts) {
      // Read from the spec when a scenario first names an operation of this API: a start whose
      // scenarios name none does not load the spec for them.
      let operations: ReadonlyMap<string, readonly string[]> | undefined;
      facts = {
        name: module.name,
        get operations() {
          operations ??= new Map(
            loadSpec(module).operations.map((op) => [op.operationId, op.responses.map((r) => r.status)]),
          );
          return operations;
        },
        errors: module.errors ?? {},
        knobs: module.knobs ?? {},
      };
      cache.set(module, facts);
    }
    return facts;
  });
}
