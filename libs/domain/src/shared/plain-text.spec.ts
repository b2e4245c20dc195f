import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertPlainText, findHiddenCharacter } from './plain-text';
import { normalizeSettingsChanges } from '../guild/guild.rules';
import { normalizeReviewText, normalizeTags } from '../bot/bot.rules';
import { normalizeLabel } from '../apikey/apikey.rules';

describe('hidden characters in stored text', () => {
  const hidden: [string, string][] = [
    ['NUL', '\u0000'],
    ['ESC', '\u001b'],
    ['CR', '\r'],
    ['LF', '\n'],
    ['TAB', '\t'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u009b'],
    ['RIGHT-TO-LEFT OVERRIDE', '\u202e'],
    ['LEFT-TO-RIGHT EMBEDDING', '\u202a'],
    ['FIRST STRONG ISOLATE', '\u2068'],
    ['POP DIRECTIONAL ISOLATE', '\u2069'],
    ['ZERO WIDTH SPACE', '\u200b'],
    ['ZERO WIDTH JOINER', '\u200d'],
    ['BYTE ORDER MARK', '\ufeff'],
    ['a line separator', '\u2028'],
  ];
  for (const [name, char] of hidden) {
    it(`given ${name} in a single-line field, then it is refused naming the field and the character`, () => {
      assert.throws(
        () => assertPlainText(`a${char}b`, 'prefix'),
        (error: { field?: string; message: string; code?: string }) =>
          error.field === 'prefix' &&
          error.code === 'control_character' &&
          /U\+[0-9A-F]{4}/.test(error.message),
      );
    });
  }

  it('given multi-line text, then LF passes and every other hidden character is still refused', () => {
    assert.doesNotThrow(() => assertPlainText('line one\nline two', 'text', { multiline: true }));
    assert.equal(findHiddenCharacter('a\r\nb', true), 'U+000D');
    assert.equal(findHiddenCharacter('a\u202eb', true), 'U+202E');
  });

  it('given ordinary text with emoji, accents and CJK, then nothing is found', () => {
    assert.equal(findHiddenCharacter('Café 🎵 音楽 — ok!'), null);
  });

  it('given the domain rules of every door, then prefix, tags, review text and key labels refuse them', () => {
    assert.throws(() => normalizeSettingsChanges({ prefix: '!\u0000' }), { field: 'prefix' });
    assert.throws(() => normalizeTags(['anime\u200b']), { field: 'tags' });
    assert.throws(() => normalizeReviewText('great\u202e bot'), { field: 'text' });
    assert.equal(normalizeReviewText('great\nbot'), 'great\nbot');
    assert.throws(() => normalizeLabel('ci\u001b[31m'), { field: 'label' });
  });
});
