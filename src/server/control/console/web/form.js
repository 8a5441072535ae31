// The preview form, built from an operation's parameters in the spec: enums as selects, dates as
// date inputs, and values a request can be sent with as they are (defaults, examples, a window
// ending today on the mock's clock).
import { h } from './dom.js';

const DATE_PATTERN = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const START = /^(from|start|datefrom|startdate|start_date|start_time|since)$/i;
const END = /^(to|end|dateto|enddate|end_date|end_time|until)$/i;
const DAY_MS = 86_400_000;

/** Follows a local `$ref` (#/components/...) in the spec. */
export function resolve(spec, node) {
  if (!node?.$ref) return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((at, key) => at?.[key], spec);
}

/** The GET operations of a spec (the preview reads; it does not create reports or tokens). */
export function operationsOf(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const op = item.get;
    if (!op?.operationId) continue;
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((ref) => {
      const param = resolve(spec, ref);
      const schema = resolve(spec, param.schema) ?? {};
      const items = resolve(spec, schema.items);
      return { ...param, schema: items ? { ...schema, items } : schema };
    });
    out.push({
      path,
      operationId: op.operationId,
      summary: op.summary ?? '',
      parameters,
      security: op.security ?? spec.security ?? [],
    });
  }
  return out;
}

function isDate(schema) {
  return schema.format === 'date' || schema.format === 'date-time' || DATE_PATTERN.test(schema.pattern ?? '');
}

function day(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The window a date pair gets: the last 7 days up to today on the mock's clock, or the last day
 * where the spec says a window may be at most one day long (DigitalCX).
 */
function windowOf(parameters, nowMs) {
  const oneDay = parameters.some((p) =>
    /at most one day/i.test(`${p.description ?? ''} ${p.schema.description ?? ''}`),
  );
  const end = Math.floor(nowMs / DAY_MS) * DAY_MS;
  return { start: day(end - (oneDay ? 1 : 7) * DAY_MS), end: day(end) };
}

function initialValue(param, schema, window) {
  if (isDate(schema)) {
    if (START.test(param.name)) return window.start;
    if (END.test(param.name)) return window.end;
    return param.required ? window.end : '';
  }
  if (schema.default !== undefined) return String(schema.default);
  if (!param.required) return '';
  const example = param.example ?? schema.example ?? schema.examples?.[0];
  if (example !== undefined) return String(example);
  if (schema.enum) return String(schema.enum[0]);
  return 'console';
}

function input(param, schema, value) {
  const items = schema.type === 'array' ? (schema.items ?? {}) : schema;
  const name = `${param.in}:${param.name}`;
  const choices = items.enum ?? (schema.type === 'boolean' ? [true, false] : undefined);
  if (choices) {
    const options = [
      param.required ? null : h('option', { value: '' }, '(not sent)'),
      ...choices.map((c) => h('option', { value: String(c), selected: String(c) === value }, String(c))),
    ];
    return h('select', { name, required: param.required }, options);
  }
  if (isDate(schema)) return h('input', { name, type: 'date', value, required: param.required });
  const numeric = schema.type === 'integer' || schema.type === 'number';
  return h('input', {
    name,
    type: numeric ? 'number' : 'text',
    value,
    min: schema.minimum,
    max: schema.maximum,
    required: param.required,
    placeholder: schema['x-accepts'] ?? '',
  });
}

/** The form's fields for an operation; `nowMs` is the mock's clock. */
export function fieldsFor(operation, nowMs) {
  const window = windowOf(operation.parameters, nowMs);
  return operation.parameters.map((param) => {
    const schema = param.schema;
    const value = initialValue(param, schema, window);
    const where = param.in === 'query' ? '' : ` (${param.in})`;
    return h(
      'label',
      { class: 'param', title: param.description ?? '' },
      h('span', {}, `${param.name}${param.required ? ' *' : ''}${where}`),
      input(param, schema, value),
    );
  });
}

/** A credential each security scheme accepts (not a magic value: the caller has every right). */
function credentials(spec, operation) {
  const first = Object.keys(operation.security[0] ?? {})[0];
  const scheme = spec.components?.securitySchemes?.[first];
  if (!scheme) return {};
  if (scheme.type === 'http' && scheme.scheme === 'basic')
    return { Authorization: `Basic ${btoa('console:preview')}` };
  if (scheme.type === 'apiKey' && scheme.in === 'header') return { [scheme.name]: 'console_preview' };
  return { Authorization: 'Bearer console_preview' };
}

/** The URL and headers of the request the form describes, under the API's prefix. */
export function requestOf(spec, api, operation, form) {
  const data = new FormData(form);
  let path = operation.path;
  const query = new URLSearchParams();
  const headers = credentials(spec, operation);
  for (const param of operation.parameters) {
    const value = String(data.get(`${param.in}:${param.name}`) ?? '');
    if (value === '') continue;
    if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeURIComponent(value));
    else if (param.in === 'query') query.append(param.name, value);
    else if (param.in === 'header') headers[param.name] = value;
  }
  const search = query.toString();
  return { url: `/${api}${path}${search ? `?${search}` : ''}`, headers };
}
