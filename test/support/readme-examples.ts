/**
 * The shell examples of README.md, read as the README test runs them: each fenced `sh` (or `bash`,
 * `shell`) block, where it is, under which heading, and whether a marker excludes it and why.
 *
 * Conventions for README authors (also in README.md, "Layout"):
 * - Every shell block runs as typed against a fresh `npm start`-like server on the real clock,
 *   `localhost:4010` replaced by that server's address; each curl answer must be a 2xx.
 * - An example that shows an error on purpose ends its command with `# → 400` (any status).
 * - A block that cannot run in a test says so on the line before its fence:
 *   `<!-- not run by test/readme-examples.test.ts: <why> -->`.
 */

/** One fenced shell block of the README. */
export interface ShellExample {
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest heading above it. */
  heading: string;
  /** The block's text, without the fences. */
  script: string;
  /** Why the README test does not run it, when a marker says so. */
  excluded?: string;
}

/** The languages whose blocks are run. */
const SHELL = new Set(['sh', 'bash', 'shell']);
/** The exclusion marker, with its reason. */
const MARKER = /^<!--\s*not run by test\/readme-examples\.test\.ts:\s*(.*?)\s*-->$/;

/** The shell blocks of a Markdown text; throws on a marker that stands before no shell block. */
export function shellExamples(markdown: string): ShellExample[] {
  const lines = markdown.split('\n');
  const examples: ShellExample[] = [];
  let heading = '(top)';
  let marker: { reason: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      const close = new RegExp(`^\\s*${fence[2]?.[0] === '`' ? '`' : '~'}{${fence[2]?.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end] ?? '')) end++;
      const language = (fence[3] ?? '').toLowerCase();
      if (SHELL.has(language)) {
        examples.push({
          line: i + 1,
          heading,
          script: lines.slice(i + 1, end).join('\n'),
          ...(marker ? { excluded: marker.reason } : {}),
        });
      } else if (marker)
        throw new Error(
          `README.md:${marker.line}: the marker stands before a ${language || 'plain'} block, not a shell block.`,
        );
      marker = undefined;
      i = end;
      continue;
    }
    const markerMatch = MARKER.exec(line.trim());
    if (markerMatch) {
      marker = { reason: markerMatch[1] ?? '', line: i + 1 };
      continue;
    }
    if (marker && line.trim() !== '')
      throw new Error(`README.md:${marker.line}: the marker must stand right before a shell block.`);
    const title = /^#{1,6}\s+(.*)$/.exec(line);
    if (title) heading = title[1] ?? heading;
  }
  if (marker) throw new Error(`README.md:${marker.line}: the marker stands before no block.`);
  return examples;
}

/**
 * The script as the test runs it: the README's address replaced by the server's, and a command
 * ending in `# → NNN` made to expect that status from its curl calls.
 */
export function runnableScript(script: string, hostPort: string): string {
  const commands: string[] = [];
  let current: string[] = [];
  for (const line of script.split('\n')) {
    current.push(line);
    if (/\\\s*$/.test(line)) continue;
    commands.push(expectStatus(current.join('\n')));
    current = [];
  }
  if (current.length > 0) commands.push(expectStatus(current.join('\n')));
  return commands.join('\n').replaceAll('localhost:4010', hostPort);
}

function expectStatus(command: string): string {
  const status = /#\s*(?:→|->)\s*(\d{3})\s*$/.exec(command)?.[1];
  if (status === undefined) return command;
  return command.replace(/(^\s*|[;&|(]\s*)curl(?=\s)/gm, `$1README_EXPECT_STATUS=${status} curl`);
}

/**
 * Bash run before each example: stop at the first failing command, and a `curl` that also checks
 * the HTTP status of every answer (2xx, or the `# → NNN` one), printing the status it got.
 * `%{stderr}` leaves curl's standard output to the example, pipes included.
 */
export const PRELUDE = String.raw`set -euo pipefail
shopt -s inherit_errexit
curl() {
  local log code=0
  log=$(mktemp)
  command curl --max-time 30 -w '%{stderr}readme-test-status %{http_code}\n' "$@" 2>"$log" || code=$?
  grep -v '^readme-test-status ' "$log" >&2 || true
  local statuses
  statuses=$(sed -n 's/^readme-test-status //p' "$log")
  rm -f "$log"
  if [ "$code" -ne 0 ]; then echo "README test: curl $* exited $code" >&2; return "$code"; fi
  if [ -z "$statuses" ]; then echo "README test: no HTTP status from curl $* (is -w used? the test needs it)" >&2; return 1; fi
  local status
  for status in $statuses; do
    if [ -n "${'$'}{README_EXPECT_STATUS:-}" ]; then
      if [ "$status" != "$README_EXPECT_STATUS" ]; then
        echo "README test: curl $* answered $status, the README says $README_EXPECT_STATUS" >&2; return 1
      fi
    elif [ "$status" -lt 200 ] || [ "$status" -ge 300 ]; then
      echo "README test: curl $* answered $status, not a 2xx (mark an intended error with # → $status)" >&2; return 1
    fi
  done
}
`;
