import { describe, expect, it } from 'vitest';
import { Journal, type JournalRecord } from '../../src/core/journal.js';

function record(url: string, headers: JournalRecord['headers'] = {}, receivedAtNs = 0): JournalRecord {
  return {
    receivedAtMs: Date.UTC(2025, 2, 1, 12),
    receivedAtNs,
    method: 'GET',
    url,
    api: null,
    operationId: null,
    scenario: null,
    headers,
    status: null,
    fault: null,
    durationMs: null,
    responseHeaders: null,
    responseBytes: null,
  };
}

describe('Journal', () => {
  it('keeps the last entries, oldest first, with increasing ids', () => {
    const journal = new Journal(3);
    for (const url of ['/a', '/b', '/c', '/d', '/e']) journal.add(record(url));
    expect(journal.list().map((e) => [e.id, e.url])).toEqual([
      [3, '/c'],
      [4, '/d'],
      [5, '/e'],
    ]);
  });

  it('keeps each entry as it was completed when the ring wraps, and never writes over one still in flight', () => {
    const journal = new Journal(2);
    const done = (url: string, status: number) => {
      const entry = journal.add(record(url));
      entry.status = status;
      entry.durationMs = 1;
      journal.answered(entry);
      return entry;
    };
    done('/a', 200);
    // In flight while the ring wraps over it twice: its record stays its own.
    const slow = journal.add(record('/slow'));
    for (const [i, url] of ['/b', '/c', '/d'].entries()) done(url, 201 + i);
    slow.status = 504;
    slow.durationMs = 9;
    journal.answered(slow);
    expect(journal.list().map((e) => [e.id, e.url, e.status])).toEqual([
      [4, '/c', 202],
      [5, '/d', 203],
    ]);
    const told: [number, string, number | null][] = [];
    journal.watch((e) => told.push([e.id, e.url, e.status]));
    done('/e', 204);
    expect(told).toEqual([[6, '/e', 204]]);
    expect(journal.list().map((e) => [e.id, e.url, e.status])).toEqual([
      [5, '/d', 203],
      [6, '/e', 204],
    ]);
  });

  it('tells watchers only of requests received while they watched, whatever object the ring reused', () => {
    const journal = new Journal(1);
    const told: number[] = [];
    const stop = journal.watch((e) => told.push(e.id));
    const first = journal.add(record('/a'));
    first.durationMs = 1;
    journal.answered(first);
    stop();
    const unwatched = journal.add(record('/b'));
    journal.watch((e) => told.push(e.id));
    unwatched.durationMs = 1;
    journal.answered(unwatched);
    expect(told).toEqual([1]);
  });

  it('lists entries with their arrival on the monotonic clock, for merging journals', () => {
    const journal = new Journal(2);
    journal.add(record('/a', {}, 10));
    journal.add(record('/b', {}, 20));
    journal.add(record('/c', {}, 30));
    expect(journal.timed().map(({ entry, arrivedNs }) => [entry.url, arrivedNs])).toEqual([
      ['/b', 20],
      ['/c', 30],
    ]);
  });

  it('lists an entry as completed after it was added, with its time and headers formatted', () => {
    const journal = new Journal(10);
    const entry = journal.add(record('/x', { accept: 'a/b', 'x-many': ['1', '2'], gone: undefined }));
    entry.status = 200;
    entry.durationMs = 1.5;
    expect(journal.list()).toEqual([
      {
        id: 1,
        receivedAt: '2025-03-01T12:00:00.000Z',
        method: 'GET',
        url: '/x',
        api: null,
        operationId: null,
        scenario: null,
        headers: { accept: 'a/b', 'x-many': '1, 2' },
        status: 200,
        fault: null,
        durationMs: 1.5,
        responseHeaders: null,
        responseBytes: null,
      },
    ]);
  });

  it('keeps nothing with a limit of 0, and nothing after clear', () => {
    const none = new Journal(0);
    none.add(record('/a'));
    expect(none.list()).toEqual([]);
    const journal = new Journal(2);
    journal.add(record('/a'));
    journal.clear();
    journal.add(record('/b'));
    expect(journal.list().map((e) => e.url)).toEqual(['/b']);
  });
});
