/**
 * The requests `verify` sends to Chatlayer, derived from the spec: every operation with its required
 * parameters filled for the last 7 days (so operations added to the spec are probed without a change
 * here), plus the documented bucket error and a 401. Writes (subscriptions, track…) only with
 * --include-writes, with a body built from the spec's example or required fields.
 */
import type { Probe, ProbeContext, ProbeSet } from '../../core/probe.js';
import type { Schema, SpecOperation, SpecParameter } from '../../core/spec.js';
import { isoSeconds, MS_DAY, startOf } from '../../core/time.js';

/** Values for well-known parameters; `--param` wins, then these, then the spec's default, enum or example. */
function knownValue(param: SpecParameter, now: number): string | undefined {
  const today = startOf(now, 'day');
  const date = param.schema.format === 'date';
  const at = (ms: number) => (date ? new Date(ms).toISOString().slice(0, 10) : isoSeconds(ms));
  if (/^(start|from|since|begin)/i.test(param.name)) return at(today - 7 * MS_DAY);
  if (/^(end|to|until)(_|$|[A-Z])/i.test(param.name)) return at(today);
  if (param.name === 'version') return 'LIVE';
  const values = Array.isArray(param.schema.enum) ? param.schema.enum.map(String) : [];
  if (param.name === 'bucket' && values.includes('1d')) return '1d';
  return undefined;
}

function fromSchema(schema: Schema): string | undefined {
  if (schema.default !== undefined) return String(schema.default);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return String(schema.enum[0]);
  if (schema.example !== undefined) return String(schema.example);
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return String(schema.examples[0]);
  const items = schema.items as Schema | undefined;
  return items ? fromSchema(items) : undefined;
}

function parameterValue(param: SpecParameter, ctx: ProbeContext): string | undefined {
  return ctx.params[param.name] ?? knownValue(param, ctx.now) ?? fromSchema(param.schema);
}

/** The ids in paths: the caller's own with --param, else ids any mock account has. */
function pathValue(name: string, ctx: ProbeContext): string {
  return ctx.params[name] ?? `verify-${name.replace(/_id$/, '').replace(/_/g, '-')}`;
}

/** A JSON body for a write: the spec's example, else the required fields with plain values. */
function bodyOf(op: SpecOperation): unknown {
  const raw = op.raw.requestBody as
    | { content?: Record<string, { example?: unknown; schema?: Schema }> }
    | undefined;
  const media = raw?.content?.['application/json'];
  if (media?.example !== undefined) return media.example;
  const schema = op.requestBody?.contentTypes['application/json'];
  if (schema?.example !== undefined) return schema.example;
  const out: Record<string, unknown> = {};
  const properties = (schema?.properties ?? {}) as Record<string, Schema>;
  for (const name of (schema?.required ?? []) as string[]) {
    const prop = properties[name] ?? {};
    const value = fromSchema(prop);
    out[name] =
      prop.type === 'integer' || prop.type === 'number'
        ? Number(value ?? 1)
        : prop.type === 'boolean'
          ? false
          : prop.type === 'array'
            ? []
            : prop.type === 'object'
              ? {}
              : (value ?? 'verify');
  }
  return out;
}

function probeOf(op: SpecOperation, ctx: ProbeContext): Probe | undefined {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValue(name, ctx)));
  const query: Record<string, string> = {};
  for (const param of op.parameters.filter((p) => p.in === 'query')) {
    const value =
      param.required || ctx.params[param.name] !== undefined ? parameterValue(param, ctx) : undefined;
    if (value !== undefined) query[param.name] = value;
    else if (param.required) return undefined; // nothing valid to send: listed by the coverage test
  }
  const probe: Probe = {
    name: `${op.operationId}${query.start_time || query.bucket ? ' last 7 days' : ''}`,
    operationId: op.operationId,
    method: op.method as Probe['method'],
    path,
    query,
  };
  if (op.method !== 'GET') {
    probe.write = true;
    if (op.requestBody) probe.body = bodyOf(op);
  }
  return probe;
}

function build(ctx: ProbeContext): Probe[] {
  const probes = ctx.spec.operations.flatMap((op) => probeOf(op, ctx) ?? []);
  const conversations = probes.find((p) => p.operationId === 'Analytics_GetConversations');
  if (conversations) {
    const today = startOf(ctx.now, 'day');
    const oneDay = { start_time: isoSeconds(today - MS_DAY), end_time: isoSeconds(today) };
    probes.push(
      {
        ...conversations,
        name: 'Analytics_GetConversations by hour, grouped by channel',
        query: { ...conversations.query, ...oneDay, bucket: '1h', group_by: 'channel_type' },
      },
      {
        // vendor doc: "The interval should be smaller than the range specified in the [start_time,end_time)".
        ...conversations,
        name: 'Analytics_GetConversations bucket not smaller than the range (400)',
        query: { ...conversations.query, ...oneDay, bucket: '1d' },
        expectStatus: 400,
      },
      {
        ...conversations,
        name: 'Analytics_GetConversations without credentials (401)',
        anonymous: true,
        expectStatus: 401,
      },
    );
  }
  return probes;
}

/** Chatlayer's probes: `Authorization: Basic` with the token id and secret. */
export const probes: ProbeSet = {
  build,
  params: {
    bot_id: 'your bot id (default verify-bot)',
    team_id: 'your team id (default verify-team)',
    conversation_id: 'a conversation of that bot, for the flow (default verify-conversation)',
  },
  example:
    'verify chatlayer --target https://analytics.api.chatlayer.ai --header "Authorization: Basic $(printf %s "$ID:$SECRET" | base64)" --param bot_id=… --param team_id=…',
};
