/**
 * A session's user info (the AdditionalSessionInfo and Variables columns), drawn with faker only when
 * a response shows it: faker is the costliest part of a row, and most requests do not ask for it.
 */
import { fakerSeeded } from '../../core/fake.js';
import type { Rng } from '../../core/rng.js';

/** The two user-info columns, as the JSON strings the log holds. */
export interface UserInfo {
  additional: string;
  variables: string;
}

function draw(seed: number, page: string): UserInfo {
  const faker = fakerSeeded(seed);
  const additional = {
    browser: faker.helpers.arrayElement(['Chrome', 'Safari', 'Firefox', 'Edge']),
    os: faker.helpers.arrayElement(['Windows', 'macOS', 'iOS', 'Android']),
    referrer: `https://www.example-shop.com${page}`,
    ipCountry: faker.location.countryCode(),
  };
  const variables = {
    firstName: faker.person.firstName(),
    customerId: faker.string.numeric(8),
    email: faker.internet.email().toLowerCase(),
  };
  return { additional: JSON.stringify(additional), variables: JSON.stringify(variables) };
}

/**
 * Takes the session's faker seed from its stream now (so every later draw of the stream is
 * unchanged) and draws the values on the first call, once.
 */
export function lazyUserInfo(rng: Rng, page: string): () => UserInfo {
  const seed = rng.uint32();
  let value: UserInfo | undefined;
  return () => {
    value ??= draw(seed, page);
    return value;
  };
}
