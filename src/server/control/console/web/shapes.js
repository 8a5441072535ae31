// What an answer looks like as a chart or a table. Pure functions of the parsed body: each
// recognises one shape the five APIs answer with (no API names: a shape is a shape).

const TIME_KEYS = ['date', 'period_start', 'month', 'timestamp', 'x'];
const LABEL_KEYS = ['name', 'label', 'title', 'url', 'key', 'group', 'id'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRecords = (v) => Array.isArray(v) && v.length > 0 && v.every(isObject);
const numericKeys = (record) => Object.keys(record).filter((k) => typeof record[k] === 'number');

/** A bucket instant shortened for an axis: the date, and the time when it is not midnight. */
function bucketLabel(value) {
  const text = String(value);
  const time = text.slice(11, 16);
  return text.length > 10 && time !== '00:00' ? `${text.slice(0, 10)} ${time}` : text.slice(0, 10);
}

/** General Bots wraps answers in {success, data, error}. */
function unwrap(body) {
  return isObject(body) && 'success' in body && 'data' in body ? body.data : body;
}

/** Chatlayer SeriesData: {data: {x_values, series: [{values, labels}]}}. */
function seriesData(body) {
  const data = body?.data;
  if (!isObject(data) || !Array.isArray(data.x_values) || !Array.isArray(data.series)) return undefined;
  return {
    kind: 'line',
    title: 'Series per bucket',
    labels: data.x_values.map(bucketLabel),
    datasets: data.series.map((s) => ({
      label: Object.values(s.labels ?? {}).join(' · ') || 'total',
      data: s.values,
    })),
  };
}

/** Logicdialog series: {series: [{label, data: [{date, value}]}]}. */
function labelledSeries(body) {
  if (!isObject(body) || !isRecords(body.series) || !Array.isArray(body.series[0].data)) return undefined;
  return {
    kind: 'line',
    title: 'Series per bucket',
    labels: body.series[0].data.map((d) => bucketLabel(d.date)),
    datasets: body.series.map((s) => ({ label: s.label ?? s.key, data: s.data.map((d) => d.value) })),
  };
}

/** ChatBot.com reports: {data: [{date, value}], groups: [{group, data}]} — bars per group, or the total as a line. */
function pointsWithGroups(body) {
  if (!isObject(body) || !isRecords(body.data) || !('date' in body.data[0]) || !('value' in body.data[0]))
    return undefined;
  const labels = body.data.map((d) => bucketLabel(d.date));
  if (isRecords(body.groups))
    return {
      kind: 'stacked',
      title: 'Per bucket, by group',
      labels,
      datasets: body.groups.map((g) => ({ label: g.group, data: g.data.map((d) => d.value) })),
    };
  return {
    kind: 'line',
    title: 'Per bucket',
    labels,
    datasets: [{ label: 'total', data: body.data.map((d) => d.value) }],
  };
}

/** The busiest-period grid: 7 rows (days) of 24 cells (hours) → a heatmap. */
function grid(body) {
  if (!Array.isArray(body) || body.length === 0 || !body.every(isRecords)) return undefined;
  const cells = body.flat();
  if (!cells.every((c) => 'day' in c && 'hour' in c && typeof c.value === 'number')) return undefined;
  return {
    kind: 'heatmap',
    title: 'Busiest period (day × hour)',
    rows: DAYS,
    cells: cells.map((c) => ({ x: String(c.hour), y: DAYS[c.day] ?? String(c.day), v: c.value })),
  };
}

/** A list of named values (popularity, breakdowns, responses, URLs) → horizontal bars. */
function namedValues(records, title) {
  if (!isRecords(records)) return undefined;
  const labelKey = LABEL_KEYS.find((k) => typeof records[0][k] === 'string');
  const keys = numericKeys(records[0]).filter(
    (k) => !['share', 'usage'].includes(k) || records[0].value === undefined,
  );
  if (!labelKey || keys.length === 0) return undefined;
  return {
    kind: 'bars',
    title,
    labels: records.map((r) => r[labelKey]),
    datasets: keys.slice(0, 5).map((k) => ({ label: k, data: records.map((r) => r[k] ?? 0) })),
  };
}

/** Records keyed by a time (General Bots' daily, monthly, volume, duration) → a line per numeric field. */
function timeRecords(records, title) {
  if (!isRecords(records)) return undefined;
  const timeKey = TIME_KEYS.find((k) => typeof records[0][k] === 'string');
  const keys = numericKeys(records[0]);
  if (!timeKey || keys.length === 0) return undefined;
  return {
    kind: 'line',
    title,
    labels: records.map((r) => bucketLabel(r[timeKey])),
    datasets: keys.map((k) => ({ label: k, data: records.map((r) => r[k] ?? 0) })),
  };
}

/** An object of numbers by category (a score distribution) → bars. */
function distribution(record, title) {
  if (!isObject(record)) return undefined;
  const entries = Object.entries(record);
  if (entries.length < 2 || !entries.every(([, v]) => typeof v === 'number')) return undefined;
  return {
    kind: 'bars',
    title,
    labels: entries.map(([k]) => k),
    datasets: [{ label: title, data: entries.map(([, v]) => v) }],
  };
}

/** The charts an answer can be drawn as (none when it is not a series, a grid or a breakdown). */
export function chartsOf(answer) {
  const body = unwrap(answer);
  const whole = seriesData(answer) ?? labelledSeries(body) ?? pointsWithGroups(body) ?? grid(body);
  if (whole) return [whole];
  if (Array.isArray(body))
    return [namedValues(body, 'By item') ?? timeRecords(body, 'Per bucket')].filter(Boolean);
  if (!isObject(body)) return [];
  const charts = [];
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) charts.push(timeRecords(value, key) ?? namedValues(value, key));
    else if (isObject(value)) {
      const nested = Object.entries(value).map(([k, v]) => namedValues(v, `${key}: ${k}`));
      charts.push(distribution(value, key), ...nested);
    }
  }
  return charts.filter(Boolean);
}

/** Whether every value a chart would draw is 0 (an empty tenant, an empty window). */
export function isEmptyChart(chart) {
  const values =
    chart.kind === 'heatmap' ? chart.cells.map((c) => c.v) : chart.datasets.flatMap((d) => d.data);
  return values.every((v) => !v);
}

/** The first list of records in an answer, as columns and rows; undefined when there is none. */
export function tableOf(answer) {
  const body = unwrap(answer);
  let records = isRecords(body) ? body : undefined;
  if (!records && Array.isArray(body) && body.every(isRecords)) records = body.flat();
  if (!records && isObject(body)) records = Object.values(body).find(isRecords);
  if (!records && isObject(body?.data)) records = Object.values(body.data).find(isRecords);
  if (!records && isObject(body)) records = [body];
  if (!records) return undefined;
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const cell = (v) => (v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return { columns, rows: records.map((r) => columns.map((c) => cell(r[c]))) };
}

/**
 * Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into a table; the first row is
 * the header. The delimiter is a comma, or `|` when the header has no comma (a scenario can switch).
 */
export function parseCsv(text) {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = header.includes(',') || !header.includes('|') ? ',' : '|';
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [columns = [], ...rest] = rows;
  return { columns, rows: rest };
}
