/** Realistic values from faker, always seeded from a derived RNG: never faker's global instance. */
import { base, en, Faker } from '@faker-js/faker';
import type { Rng } from './rng.js';

// One private instance, re-seeded right before every synchronous use, so no call sees another's state.
const instance = new Faker({ locale: [en, base] });

/** A faker seeded from the stream: use it at once, synchronously (it is re-seeded by the next caller). */
export function fakerFrom(rng: Rng): Faker {
  instance.seed(rng.uint32());
  return instance;
}
