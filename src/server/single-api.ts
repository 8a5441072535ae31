/** Single-API mode: when exactly one API is mounted it is also served at `/`, for clients without a path prefix. */

/** The API served at `/` as well as under its prefix, if exactly one is mounted. */
export function rootApi<T>(mounted: readonly T[]): T | undefined {
  return mounted.length === 1 ? mounted[0] : undefined;
}
