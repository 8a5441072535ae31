/** Walks a paginated endpoint to a later page (DigitalCX style: a `continuationToken` header and parameter). */

const TOKEN = 'continuationToken';

/** The URL of page `page` (1-based), or why there is none. */
export async function urlOfPage(
  base: string,
  url: string,
  headers: Record<string, string>,
  page: number,
): Promise<{ url: string } | { missing: string }> {
  let current = url;
  for (let n = 1; n < page; n++) {
    const res = await fetch(`${base}${current}`, { headers, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    const token = res.headers.get(TOKEN);
    if (res.status !== 200 || !token)
      return { missing: `page ${n} answered ${res.status} without a next page` };
    current = `${url}&${TOKEN}=${encodeURIComponent(token)}`;
  }
  return { url: current };
}
