/**
 * Headless Chromium for the browser tests, from the npm package `@sparticuz/chromium`, which ships
 * the browser binary (Brotli-compressed) inside the package: `npm install` is all a machine needs.
 * A system Chromium is used only when the user names it in `CHROMIUM_PATH`.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { packagePath } from '../../src/core/paths.js';

/** The environment variable that names a Chromium of the user's own instead of the package's. */
export const CHROMIUM_PATH_VARIABLE = 'CHROMIUM_PATH';

/** The arguments every launch gets: no sandbox (root in CI), and no background traffic, as this
 * machine and CI have no network beyond loopback. The package's own serverless arguments are not
 * used: they turn off web security, which would hide CORS and CSP faults from the tests. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium: `CHROMIUM_PATH` if set, else the one shipped by the npm package. */
export async function launchChromium(): Promise<Browser> {
  const chosen = process.env[CHROMIUM_PATH_VARIABLE];
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen))
      throw new Error(
        `${CHROMIUM_PATH_VARIABLE} is "${chosen}", which does not exist. Unset it to use the Chromium of @sparticuz/chromium.`,
      );
    return chromium.launch({ executablePath: chosen, args: ARGS, timeout: 30_000 });
  }
  const unpacked = await unpackedChromium();
  return chromium.launch({
    executablePath: unpacked.executable,
    args: ARGS,
    timeout: 30_000,
    // The binary was built against these NSS and Expat libraries (Amazon Linux 2023); handing them
    // over lets it start where the system has none (a slim Node image), and changes nothing here.
    env: { ...process.env, LD_LIBRARY_PATH: joinPaths(unpacked.libraries, process.env.LD_LIBRARY_PATH) },
  });
}

interface Unpacked {
  executable: string;
  libraries: string;
}

/** The package's browser, decompressed once per package version into node_modules/.cache. */
async function unpackedChromium(): Promise<Unpacked> {
  const source = sparticuzRoot();
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
  const target = packagePath('node_modules', '.cache', 'bot-analytics-mock', `chromium-${version}`);
  const unpacked = { executable: join(target, 'chromium'), libraries: join(target, 'lib') };
  if (existsSync(unpacked.executable)) return unpacked;
  // Test files run in parallel workers: each unpacks into a folder of its own and renames it into
  // place, so no worker ever sees a half-written binary; the first rename wins.
  const scratch = `${target}.${process.pid}-${randomUUID()}`;
  await mkdir(scratch, { recursive: true });
  try {
    await pipeline(
      createReadStream(join(source, 'bin', 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(scratch, 'chromium')),
    );
    await chmod(join(scratch, 'chromium'), 0o755);
    await untar(brotliDecompressSync(readFileSync(join(source, 'bin', 'al2023.tar.br'))), scratch);
    await rename(scratch, target).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(unpacked.executable)) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return unpacked;
}

/** The installed package's folder (its `exports` do not expose package.json to resolve directly). */
function sparticuzRoot(): string {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'bin'))) {
    if (dirname(dir) === dir) throw new Error(`Cannot find the @sparticuz/chromium package above ${entry}.`);
    dir = dirname(dir);
  }
  return dir;
}

/** Writes the regular files and folders of a (ustar) tar archive under `into`. */
async function untar(archive: Buffer, into: string): Promise<void> {
  for (let at = 0; at + 512 <= archive.length; ) {
    const name = field(archive, at, 100);
    if (name === '') break;
    const size = Number.parseInt(field(archive, at + 124, 12) || '0', 8);
    const type = String.fromCharCode(archive[at + 156] ?? 0);
    const path = join(into, name);
    if (!path.startsWith(`${into}/`)) throw new Error(`Unsafe path in the Chromium archive: ${name}`);
    if (type === '5') await mkdir(path, { recursive: true });
    else if (type === '0' || type === '\0') {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, archive.subarray(at + 512, at + 512 + size));
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/** A NUL-padded text field of a tar header. */
function field(archive: Buffer, start: number, length: number): string {
  const raw = archive.subarray(start, start + length).toString('utf8');
  const end = raw.indexOf('\0');
  return (end === -1 ? raw : raw.slice(0, end)).trim();
}

function joinPaths(first: string, rest: string | undefined): string {
  return rest ? `${first}:${rest}` : first;
}
