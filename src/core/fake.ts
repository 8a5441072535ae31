/** Realistic values from faker, always seeded from a derived RNG: never faker's global instance. */
import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { Rng } from './rng.js';

// The English-only entry point: the package root loads every locale (about 1 s and 40 MB at start-up).
// Its instance is `new Faker({ locale: [en, base] })`, the same definitions as before; nothing else in
// the mock imports it, and it is re-seeded right before every synchronous use, so no call sees
// another's state.
const instance: Faker = englishFaker;

/** A faker seeded from the stream: use it at once, synchronously (it is re-seeded by the next caller). */
export function fakerFrom(rng: Rng): Faker {
  return fakerSeeded(rng.uint32());
}

/** A faker seeded with a seed drawn earlier from a stream (for values drawn lazily, only when shown). */
export function fakerSeeded(seed: number): Faker {
  instance.seed(seed);
  return instance;
}
