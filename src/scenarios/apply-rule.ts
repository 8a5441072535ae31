/** Carries out a rule on a response: its headers, its fault, and its status, named error or body. */
import type { Request, Response } from 'express';
import type { ApiModule } from '../core/api.js';
import type { ScenarioRule } from '../core/scenario.js';
import type { SpecOperation } from '../core/spec.js';
import { DEFAULT_STALL_MS, resetConnection, stall, truncateBody } from './faults.js';

/** The request as the rule needs it: who answers, which operation, its parameters and clock. */
export interface RuleTarget {
  req: Request;
  res: Response;
  module: ApiModule;
  operation: SpecOperation;
  params: Record<string, string>;
  query: URLSearchParams;
  now: number;
}

/** Sets headers now and again just before the head is sent, so that they win over what a handler sets. */
function overrideHeaders(res: Response, headers: Readonly<Record<string, string>>): void {
  res.set(headers);
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
}

function sendBody(res: Response, status: number, body: unknown): void {
  if (typeof body === 'string') {
    if (!res.get('Content-Type')) res.type('text/plain');
    res.status(status).send(body);
  } else {
    res.status(status).json(body);
  }
}

/**
 * Applies a rule. Returns true when the response is dealt with (answered, reset or stalled); throws
 * the API's MockError for a status or a named error; returns false to let the request go on.
 */
export async function applyRule(rule: ScenarioRule, target: RuleTarget): Promise<boolean> {
  const { req, res, module, operation } = target;
  if (rule.headers) overrideHeaders(res, rule.headers);
  if (rule.fault === 'reset') {
    resetConnection(res);
    return true;
  }
  if (rule.fault === 'stall') {
    await stall(req, res, rule.stallMs ?? DEFAULT_STALL_MS);
    return true;
  }
  if (rule.fault === 'truncate') truncateBody(res);
  const named = rule.error === undefined ? undefined : module.errors?.[rule.error];
  if (named) throw named.build({ operation, params: target.params, query: target.query, now: target.now });
  if (rule.body !== undefined) {
    sendBody(res, rule.status ?? 200, rule.body);
    return true;
  }
  if (rule.status === undefined || rule.status === 200) return false;
  if (rule.status < 300) {
    res.status(rule.status).end();
    return true;
  }
  throw module.documentedError(rule.status, operation);
}
