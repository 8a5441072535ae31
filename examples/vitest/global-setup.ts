/** Vitest globalSetup: one mock for the whole run, started before the tests and closed after them. */
import { startMockServer } from 'bot-analytics-mock';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The mock's base URL (control plane at `${mockUrl}/__mock`). */
    mockUrl: string;
    /** Where the client under test should send its DigitalCX requests. */
    digitalcxUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A fixed seed and clock: every run sees the same data.
  const mock = await startMockServer({ seed: 42, now: '2025-03-01T12:00:00Z' });
  project.provide('mockUrl', mock.url);
  project.provide('digitalcxUrl', mock.urls.digitalcx as string);
  return () => mock.close();
}
