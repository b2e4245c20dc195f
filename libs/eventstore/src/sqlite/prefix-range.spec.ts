import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { prefixRange } from './prefix-range';

/** The ids SQLite finds between the bounds, against the ids that really start with the prefix. */
function inRange(prefix: string, ids: readonly string[]): { found: string[]; expected: string[] } {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE s (id TEXT PRIMARY KEY)');
  const insert = db.prepare('INSERT INTO s VALUES (?)');
  for (const id of ids) insert.run(id);
  const range = prefixRange(prefix);
  assert.ok(range);
  const rows =
    range.to === undefined
      ? db.prepare('SELECT id FROM s WHERE id >= ? ORDER BY id').all(range.from)
      : db.prepare('SELECT id FROM s WHERE id >= ? AND id < ? ORDER BY id').all(range.from, range.to);
  db.close();
  const found = rows.map((row) => String(row.id)).sort();
  return { found, expected: ids.filter((id) => id.startsWith(prefix)).sort() };
}

describe('prefixRange', () => {
  it('given ASCII stream ids, then exactly those starting with the prefix are in the range', () => {
    const { found, expected } = inRange('guild-', [
      'guild-1',
      'guild-',
      'guild.',
      'guild',
      'guilds-1',
      'player-1',
      'guild-\u{10ffff}x',
    ]);
    assert.deepEqual(found, expected);
  });

  it('given a prefix ending in U+10FFFF or just below the surrogates, then the bound skips to the next code point', () => {
    assert.deepEqual(prefixRange('a\u{10ffff}'), { from: 'a\u{10ffff}', to: 'b' });
    assert.deepEqual(prefixRange('a\ud7ff'), { from: 'a\ud7ff', to: 'a\ue000' });
    assert.deepEqual(prefixRange('\u{10ffff}'), { from: '\u{10ffff}', to: undefined });
    const { found, expected } = inRange('é\ud7ff', ['é\ud7ff1', 'é\ue000', 'é\u{10000}', 'é\ud7fe']);
    assert.deepEqual(found, expected);
  });

  it('given non-ASCII and astral prefixes, then UTF-8 order keeps the range exact', () => {
    const ids = ['¡ñ-1', '¡ñ', '¡ò', '¡ñ\u{1f600}', '¡n', '😀-1', '😀', '😁', '\u{1f5ff}'];
    for (const prefix of ['¡ñ', '😀', '']) {
      const { found, expected } = inRange(prefix, ids);
      assert.deepEqual(found, expected, prefix);
    }
  });

  it('given a lone surrogate in the prefix, then there is no range to compare with', () => {
    assert.equal(prefixRange('a\ud800'), undefined);
    assert.equal(prefixRange('\udc00b'), undefined);
  });
});
