import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { holdsMoreValuesThan, validationFailure } from './validation';

describe('holdsMoreValuesThan', () => {
  it('given values at the limit, then no; one past it, then yes, counting every field, item and scalar', () => {
    // {a, b:[1, 2]} holds the object, a, the array, 1 and 2: five values
    assert.equal(holdsMoreValuesThan({ a: 1, b: [1, 2] }, 5), false);
    assert.equal(holdsMoreValuesThan({ a: 1, b: [1, 2, 3] }, 5), true);
    assert.equal(holdsMoreValuesThan('text', 1), false);
  });

  it('given a huge body, then it stops looking soon after the limit instead of walking it all', () => {
    // given 5,000 objects whose one field counts every time it is read
    let reads = 0;
    const huge = Array.from({ length: 5_000 }, () =>
      Object.defineProperty({}, 'i', { enumerable: true, get: () => ++reads }),
    );
    // when
    assert.equal(holdsMoreValuesThan(huge, 1_000), true);
    // then at most the objects it counted up to the limit were opened
    assert.ok(reads <= 1_000, `read ${reads} fields of 5,000`);
  });
});

describe('validationFailure', () => {
  it('given 1,000 problems, then ten are named and the rest counted', () => {
    const fields = Array.from({ length: 1_000 }, (_, i) => ({ field: `f${i}`, message: `f${i} is wrong` }));
    const body = validationFailure(fields).getResponse() as Record<string, unknown>;
    assert.equal((body.fields as unknown[]).length, 10);
    assert.equal(body.more_errors, 990);
    assert.match(String(body.message), /^f0 is wrong; .*; f9 is wrong; and 990 more$/);
  });

  it('given a few problems, then all are named and nothing is counted', () => {
    const body = validationFailure([{ field: 'a', message: 'a is wrong' }]).getResponse();
    assert.deepEqual(body, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'a is wrong',
      fields: [{ field: 'a', message: 'a is wrong' }],
    });
  });
});
