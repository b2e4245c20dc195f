import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { mergePatch } from './json-merge-patch';

describe('mergePatch', () => {
  const db = new DatabaseSync(':memory:');
  const sqlite = db.prepare('SELECT json_patch(?, ?) AS patched');
  // [target, patch] as JSON texts
  const cases: [string, string][] = [
    ['{"enabled":false,"spamProtection":false,"wordFilter":[]}', '{"enabled":true,"wordFilter":["a"]}'],
    ['{"a":1,"b":2}', '{"a":null,"c":3}'],
    ['{"a":null,"b":{"c":1,"d":2}}', '{"b":{"c":null,"e":[1,{"f":null}]},"g":{"h":null}}'],
    ['{"a":1}', '{}'],
    ['[1,2]', '{"a":1}'],
    ['{"a":1}', '[1,2]'],
    ['{"a":1}', 'null'],
    ['{"a":{"b":1}}', '{"a":"text"}'],
    // Texts as JSON.stringify writes them (SQLite keeps an escape as written; stringify never varies).
    ['{"a":"x"}', JSON.stringify({ a: { b: null, c: 'é\u0001\ud800"' } })],
    ['{"x":1}', '{"__proto__":{"polluted":true}}'],
  ];

  for (const [target, patch] of cases) {
    it(`given ${target} patched with ${patch}, then the result is SQLite's json_patch`, () => {
      // given
      const expected = (sqlite.get(target, patch) as { patched: string }).patched;
      // when
      const patched = JSON.stringify(mergePatch(JSON.parse(target), JSON.parse(patch)));
      // then
      assert.equal(patched, expected);
    });
  }

  it('given a target, when patched, then the target is left as it was', () => {
    const target = { a: 1, b: { c: 2 } };
    mergePatch(target, { a: null, b: { c: 3 } });
    assert.deepEqual(target, { a: 1, b: { c: 2 } });
  });
});
