/** The column names of a CSV body (its header row), RFC 4180 quoting, delimiter sniffed. */

const DELIMITERS = [',', '|', ';', '\t'];

/** The first record of a CSV text split into fields, with its delimiter. */
export function csvColumns(text: string): { columns: string[]; delimiter: string } {
  const line = firstRecord(text);
  // The delimiter that occurs most outside quotes (the mock can switch to `|` by scenario).
  let delimiter = ',';
  let most = -1;
  for (const d of DELIMITERS) {
    const count = splitRecord(line, d).length;
    if (count > most) {
      most = count;
      delimiter = d;
    }
  }
  return { columns: splitRecord(line, delimiter), delimiter };
}

function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

function splitRecord(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.replace(/^\uFEFF/, ''));
}
