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
