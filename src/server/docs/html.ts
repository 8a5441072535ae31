/** HTML helpers for the docs pages: escaping and the page frame. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A value made safe to embed in an inline <script> as a JavaScript literal. */
export function scriptLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1b1f24; }
  h1 small { font-weight: normal; color: #57606a; font-size: 0.6em; }
  table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
  th, td { text-align: left; padding: 0.3rem 0.8rem 0.3rem 0; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  code { background: #f6f8fa; padding: 0 0.25em; border-radius: 4px; }
  .source { font-size: 0.8em; padding: 0 0.4em; border-radius: 4px; white-space: nowrap; }
  .source-doc { background: #dafbe1; } .source-vendor-spec { background: #ddf4ff; }
  .source-client { background: #fbefff; } .source-inferred { background: #fff8c5; }
  .source-ref { font-size: 0.8em; word-break: break-all; }
  nav { margin-bottom: 1rem; }
`;

/** A whole HTML page; no external resource but the ones `head` names (served by the mock itself). */
export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}
