import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonWithFragments, LabelledRows, RowShape } from '../../src/core/json-fragments.js';

const POINT = new RowShape('date', ['value']);
const DAY = new RowShape('date', ['conversations', 'messages', 'active_users']);

/** Numbers as series hold them, and the odd ones JSON.stringify writes specially. */
const number = fc.oneof(
  fc.integer({ min: 0, max: 2_147_483_647 }),
  fc.double(),
  fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7),
);
const text = fc.string({ unit: 'binary' });

/** Rows of a shape: labels (a list the shape keeps text for) and columns, possibly shorter than the labels. */
const rows = (shape: RowShape) =>
  fc
    .tuple(fc.array(text, { maxLength: 6 }), fc.array(fc.array(number, { maxLength: 7 }), { maxLength: 4 }))
    .map(([labels, columns]) => new LabelledRows(shape, Object.freeze(labels), columns));

/** Bodies as the APIs build them: plain objects and lists holding fragments, among other values. */
const body = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    rows(POINT),
    rows(DAY),
    tie('object'),
    fc.array(tie('object'), { maxLength: 3 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
  object: fc.dictionary(text, tie('value'), { maxKeys: 5 }),
}));

describe('jsonWithFragments', () => {
  it('writes the text JSON.stringify writes for any body holding fragments', () => {
    fc.assert(
      fc.property(body.object, (value) => {
        const object = value as Record<string, unknown>;
        expect(jsonWithFragments(object)).toBe(JSON.stringify(object));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes rows from the text it keeps for a label list, the same text each time and for the list's next values", () => {
    const labels = Object.freeze(['2025-02-01T00:00:00.000Z', '2025-02-02T00:00:00.000Z']);
    const first = new LabelledRows(POINT, labels, [[397, 341]]);
    const again = new LabelledRows(POINT, labels, [[5]]);
    expect(first.text()).toBe(
      '[{"date":"2025-02-01T00:00:00.000Z","value":397},{"date":"2025-02-02T00:00:00.000Z","value":341}]',
    );
    // A shorter column: 0 where a value is missing, as the rows' plain value says.
    expect(again.text()).toBe(JSON.stringify(again.toJSON()));
    expect(JSON.parse(again.text())).toEqual([
      { date: labels[0], value: 5 },
      { date: labels[1], value: 0 },
    ]);
  });

  it('leaves an object with its own toJSON to JSON.stringify, and skips what JSON.stringify skips', () => {
    const shown = { toJSON: () => 'shown', data: new LabelledRows(POINT, ['a'], [[1]]) };
    const value = {
      a: undefined,
      b: () => 1,
      c: Symbol('x'),
      d: shown,
      e: [undefined, { data: new LabelledRows(DAY, ['x'], [[1], [2], [3]]) }, () => 1],
      f: new Date(0),
    };
    expect(jsonWithFragments(value)).toBe(JSON.stringify(value));
  });
});
