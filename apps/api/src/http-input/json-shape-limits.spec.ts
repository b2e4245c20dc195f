import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonShapeBreach } from './json-shape-limits';

const limits = { maxDepth: 4, maxKeys: 3, maxItems: 5 };

describe('jsonShapeBreach', () => {
  it('given bodies within every limit, then nothing is refused', () => {
    for (const text of [
      '{"a":1,"b":[1,2,3,4,5],"c":{"d":[{}]}}',
      '[]',
      '{}',
      '"just a string"',
      '{"a":"{{{{{[[[[[,,,,,,\\"}}}}"}',
    ]) {
      assert.equal(jsonShapeBreach(text, limits), null, text);
    }
  });

  it('given nesting one level past the limit, then the refusal names the limit', () => {
    assert.equal(jsonShapeBreach('[[[[1]]]]', limits), null);
    assert.equal(
      jsonShapeBreach('[[[[[1]]]]]', limits),
      'The request body is nested more than 4 levels deep',
    );
    assert.equal(
      jsonShapeBreach('{"a":{"b":{"c":{"d":{}}}}}', limits),
      'The request body is nested more than 4 levels deep',
    );
  });

  it('given an object with one field too many, then it is refused, wherever it sits', () => {
    assert.equal(jsonShapeBreach('{"a":1,"b":2,"c":3}', limits), null);
    assert.equal(
      jsonShapeBreach('{"x":[{"a":1,"b":2,"c":3,"d":4}]}', limits),
      'An object in the request body has more than 3 fields',
    );
  });

  it('given an array with one item too many, then it is refused; commas inside strings do not count', () => {
    assert.equal(jsonShapeBreach('[",,,,,,,,",1,2,3,4]', limits), null);
    assert.equal(
      jsonShapeBreach('{"a":[1,2,3,4,5,6]}', limits),
      'An array in the request body has more than 5 items',
    );
  });

  it('given separators after a closed container, then they count towards its parent only', () => {
    assert.equal(jsonShapeBreach('[[1,2,3,4,5],[1,2,3,4,5],1,2,3]', limits), null);
  });

  it('given escaped quotes and backslashes, then strings end where JSON says', () => {
    assert.equal(jsonShapeBreach('{"a\\\\":"\\\\","b":"\\"[[[[[[","c":1}', limits), null);
  });

  it('given 3,000 levels or a megabyte of fields, then the breach is named, and a body just within every limit passes', () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    const wide = `{${Array.from({ length: 120_000 }, (_, i) => `"f${i}":1`).join(',')}}`;
    assert.match(jsonShapeBreach(deep, { maxDepth: 32, maxKeys: 100, maxItems: 1000 }) ?? '', /32 levels/);
    assert.match(jsonShapeBreach(wide, { maxDepth: 32, maxKeys: 100, maxItems: 1000 }) ?? '', /100 fields/);
    const within = `[${Array.from({ length: 1000 }, () => `{${'"k":"v",'.repeat(99)}"k":1}`).join(',')}]`;
    assert.equal(jsonShapeBreach(within, { maxDepth: 32, maxKeys: 100, maxItems: 1000 }), null);
  });
});
