import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogSink } from '../../../src/server/front/log-sink.js';

/** A stream that keeps what it is given; `stuck` makes it never finish a write (a reader that stopped reading). */
function fakeStream(options: { stuck?: boolean; failWith?: string } = {}) {
  const written: string[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      if (options.failWith) done(Object.assign(new Error('write failed'), { code: options.failWith }));
      else if (!options.stuck) done();
    },
  });
  return { stream, written };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('log sink', () => {
  it('writes the lines of one turn in one write', async () => {
    const out = fakeStream();
    const sink = createLogSink(out.stream, fakeStream().stream);
    sink.write('a\n');
    sink.write('b\n');
    await tick();
    expect(out.written).toEqual(['a\nb\n']);
  });

  it('drops lines once the output fails, says so once on stderr, and never throws', async () => {
    const out = fakeStream({ failWith: 'EPIPE' });
    const err = fakeStream();
    const sink = createLogSink(out.stream, err.stream);
    sink.write('first\n');
    await tick();
    await tick();
    for (let i = 0; i < 5; i++) sink.write(`line ${i}\n`);
    await tick();
    expect(sink.dropped).toBe(5);
    expect(err.written).toEqual([
      'bot-analytics-mock: log output failed (EPIPE); dropping log lines from now on, still serving.\n',
    ]);
  });

  it('drops lines while a slow output is too far behind, says so once, and keeps the first ones', async () => {
    const out = fakeStream({ stuck: true });
    const err = fakeStream();
    const sink = createLogSink(out.stream, err.stream, 10);
    sink.write('0123456789ABCDEF\n');
    await tick();
    for (let i = 0; i < 3; i++) {
      sink.write(`late ${i}\n`);
      await tick();
    }
    expect(out.written).toEqual(['0123456789ABCDEF\n']);
    expect(sink.dropped).toBe(3);
    expect(err.written).toHaveLength(1);
    expect(err.written[0]).toContain('not keeping up');
  });

  it('gives up waiting for a stuck output after the flush timeout', async () => {
    const out = fakeStream({ stuck: true });
    const sink = createLogSink(out.stream, fakeStream().stream);
    sink.write('never read\n');
    const started = performance.now();
    await sink.flush(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
