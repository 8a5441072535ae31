/**
 * One verify run: starts the mock in process, obtains credentials (client-credentials flow where the
 * vendor needs it), sends each probe to the target one at a time, asks the mock the same question
 * with its clock at the live call's instant, and compares the live answer with the spec and the mock.
 */
import type { ApiModule } from '../core/api.js';
import { realNow, sleep } from '../core/clock.js';
import type { Probe, ProbeAnswer } from '../core/probe.js';
import { type LoadedSpec, loadSpec, resolveRef } from '../core/spec.js';
import { isoMs } from '../core/time.js';
import { type MockServer, startMockServer } from '../server/mock-server.js';
import { API_MODULES } from '../server/registry.js';
import { NoAnswerError, type OutgoingRequest, type ReceivedAnswer, send } from './http.js';
import { mockDifferences } from './mock-compare.js';
import type { VerifyOptions } from './options.js';
import type { Redactor } from './redact.js';
import type { ProbeResult, VerifyReport } from './result.js';
import { SpecChecker } from './spec-check.js';
import { pathAndQuery, requestFor } from './target-request.js';
import { accessTokenOf, tokenPlan } from './token.js';

/** A probe as sent to each side: the live one and the mock's twin (same name, its own tokens and ids). */
interface ProbePair {
  live: Probe;
  mock: Probe;
}

/** Thrown to stop the run: the target cannot be verified (exit 2). */
class RunProblem extends Error {}

/** Response headers the spec documents for an operation's status, lower-cased, the mock's own left out. */
function documentedHeaders(spec: LoadedSpec, operationId: string, status: number): string[] {
  const operation = spec.operations.find((o) => o.operationId === operationId);
  const responses = (operation?.raw.responses ?? {}) as Record<string, unknown>;
  const response = resolveRef(spec.document, responses[String(status)]);
  return Object.keys((response.headers ?? {}) as Record<string, unknown>)
    .map((name) => name.toLowerCase())
    .filter((name) => !name.startsWith('x-mock-'));
}

/** Pairs the follow-ups of the live answer with those of the mock's answer, by name. */
function followUps(probe: Probe, live: ProbeAnswer, mocked: ProbeAnswer): ProbePair[] {
  if (!probe.next) return [];
  const mine = new Map(probe.next(mocked).map((p) => [p.name, p]));
  return probe.next(live).flatMap((p) => {
    const twin = mine.get(p.name);
    return twin ? [{ live: p, mock: twin }] : [];
  });
}

class Runner {
  private readonly checker: SpecChecker;
  private credentials: Record<string, string>;
  private answered = false;
  private authChecked = false;
  readonly results: ProbeResult[] = [];

  constructor(
    private readonly options: VerifyOptions,
    private readonly spec: LoadedSpec,
    private readonly mock: MockServer,
    private readonly redactor: Redactor,
  ) {
    this.checker = new SpecChecker(spec);
    this.credentials = { ...options.headers };
  }

  /** The names of the headers that carry the credentials now (after a token flow, Authorization). */
  credentialHeaders(): string[] {
    return Object.keys(this.credentials);
  }

  private mockBase(): string {
    return `${this.mock.url}/${this.spec.api}`;
  }

  /** Sends to the target; a target that never answered stops the run. */
  private async sendLive(request: OutgoingRequest): Promise<ReceivedAnswer> {
    try {
      const answer = await send(request, this.options.timeoutMs);
      this.answered = true;
      return answer;
    } catch (error) {
      if (error instanceof NoAnswerError && !this.answered)
        throw new RunProblem(`target unreachable: ${error.message} (${this.redactor.url(request.url)})`);
      throw error;
    }
  }

  /** Runs one probe pair and records its result; returns the live and mock answers. */
  async run(pair: ProbePair, liveUrl?: string): Promise<[ReceivedAnswer, ReceivedAnswer] | undefined> {
    const { live: probe } = pair;
    const liveRequest = requestFor(probe, this.options.target, this.credentials);
    if (liveUrl) liveRequest.url = liveUrl;
    const result: ProbeResult = {
      name: probe.name,
      operationId: probe.operationId,
      method: probe.method,
      request: this.redactor.url(liveUrl ?? pathAndQuery(probe)),
      verdict: 'pass',
      differences: [],
      ms: 0,
    };
    this.results.push(result);
    const started = realNow();
    let live: ReceivedAnswer;
    try {
      live = await this.sendLive(liveRequest);
    } catch (error) {
      if (!(error instanceof NoAnswerError) && !(error instanceof RunProblem)) throw error;
      result.verdict = 'error';
      result.error = this.redactor.text(error.message);
      result.ms = realNow() - started;
      if (error instanceof RunProblem) throw error;
      return undefined;
    }
    result.ms = realNow() - started;
    result.status = live.status;
    result.live = live;
    result.probe = probe;
    const refused = this.refusal(probe, live);
    if (refused) {
      result.verdict = 'error';
      result.error = refused;
      throw new RunProblem(refused);
    }
    // The mock answers as it would have at the instant of the live call.
    const mockRequest = requestFor(pair.mock, this.mockBase(), this.credentials, {
      'X-Mock-Now': isoMs(started),
    });
    const mocked = await send(mockRequest, Math.max(this.options.timeoutMs, 30_000));
    result.mockStatus = mocked.status;
    const operation = this.spec.operations.find((o) => o.operationId === probe.operationId);
    if (!operation)
      throw new Error(
        `Failed to verify: probe ${probe.name} names ${probe.operationId}, which the spec lacks.`,
      );
    result.differences = [
      ...this.checker.check(operation, live),
      ...mockDifferences(live, mocked, {
        documentedHeaders: documentedHeaders(this.spec, probe.operationId, live.status),
        verbatim: probe.verbatim ?? [],
      }),
    ].map((d) => ({ ...d, message: this.redactor.text(d.message) }));
    result.verdict = result.differences.length > 0 ? 'drift' : 'pass';
    return [live, mocked];
  }

  /** The first answer to a credentialed request tells whether the credentials work at all. */
  private refusal(probe: Probe, live: ReceivedAnswer): string | undefined {
    if (probe.anonymous || probe.expectStatus !== undefined || this.authChecked) return undefined;
    this.authChecked = true;
    if (live.status !== 401 && live.status !== 403) return undefined;
    const flags = this.options.clientId ? '--client-id/--client-secret' : '--header';
    return `auth refused: ${probe.name} answered ${live.status} to the credentials given (check ${flags}): ${this.redactor.text(live.text.slice(0, 200))}`;
  }

  /** The client-credentials flow, when the API has one and client credentials were given. */
  async authenticate(module: ApiModule): Promise<void> {
    const auth = module.probes?.auth;
    if (!auth) return;
    this.redactor.addSecret(this.options.clientSecret);
    this.redactor.addSecret(this.options.clientId);
    const plan = tokenPlan(auth, this.options);
    if (!plan) return;
    const answers = await this.run({ live: plan.probe, mock: plan.probe }, plan.url);
    const token = answers && accessTokenOf(answers[0].body);
    if (!answers || !token)
      throw new RunProblem(
        `auth refused: the token endpoint ${this.redactor.url(plan.url)} answered ${answers ? answers[0].status : 'nothing'}${answers ? `: ${this.redactor.text(answers[0].text.slice(0, 200))}` : ''}`,
      );
    this.redactor.addSecret(token);
    this.credentials = { ...this.credentials, Authorization: `Bearer ${token}` };
    this.redactor.addSecretHeader('Authorization', `Bearer ${token}`);
  }

  /** Every probe, follow-ups right after the probe they follow, `delayMs` apart. */
  async probes(queue: ProbePair[]): Promise<void> {
    let first = this.results.length === 0;
    while (queue.length > 0) {
      const pair = queue.shift() as ProbePair;
      if (!first) await sleep(this.options.delayMs);
      first = false;
      const answers = await this.run(pair);
      if (answers) queue.unshift(...followUps(pair.live, answers[0], answers[1]));
    }
  }
}

/** The API module and its probes, or a message naming what is accepted. */
export function probedApi(name: string): ApiModule {
  const module = API_MODULES.find((m) => m.name === name && m.probes);
  if (!module) {
    const known = API_MODULES.filter((m) => m.probes).map((m) => m.name);
    throw new RunProblem(`unknown API '${name}'. Expected one of ${known.join(', ')}.`);
  }
  return module;
}

/** Runs verify; never throws for a target problem: the report's `problem` says it (exit 2). */
export async function runVerify(options: VerifyOptions, redactor: Redactor): Promise<VerifyReport> {
  const now = options.now ?? realNow();
  for (const [name, value] of Object.entries(options.headers)) redactor.addSecretHeader(name, value);
  const report: VerifyReport = {
    api: options.api,
    target: redactor.url(options.target),
    startedAt: isoMs(now),
    results: [],
    credentialHeaders: Object.keys(options.headers),
  };
  let mock: MockServer | undefined;
  try {
    const module = probedApi(options.api);
    const spec = loadSpec(module.name);
    mock = await startMockServer({ apis: [module.name], admin: false });
    const runner = new Runner(options, spec, mock, redactor);
    report.results = runner.results;
    await runner.authenticate(module);
    report.credentialHeaders = runner.credentialHeaders();
    const probes = (module.probes?.build({ now, params: options.params, spec }) ?? []).filter(
      (p) => options.includeWrites || !p.write,
    );
    await runner.probes(probes.map((p) => ({ live: p, mock: p })));
  } catch (error) {
    if (!(error instanceof RunProblem)) throw error;
    report.problem = redactor.text(error.message);
  } finally {
    await mock?.close();
  }
  return report;
}
