import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WordFilter, foldForMatching, wordsOf } from './word-filter';

const match = (terms: string[], text: string) => new WordFilter(terms).firstMatch(text);

describe('word filter: whole words', () => {
  it('given a listed word, when a message holds it among other words, then it matches', () => {
    assert.equal(match(['bad'], 'this is bad, really'), 'bad');
  });

  it('given a listed word, when it only appears inside other words, then nothing matches', () => {
    for (const text of ['badge', 'a sinbad tale', 'badbad', 'bad2', '2bad']) {
      assert.equal(match(['bad'], text), null, text);
    }
    assert.equal(match(['ass'], 'a classic Scunthorpe passage'), null);
  });

  it('given punctuation, underscores or line breaks around the word, then they separate words', () => {
    for (const text of ['bad!', '(bad)', '"bad"', 'so_bad', 'x\nbad\ny', '...bad...', '#bad']) {
      assert.equal(match(['bad'], text), 'bad', JSON.stringify(text));
    }
  });

  it('given a term of several words, then it matches them in a row whatever separates them', () => {
    for (const text of ['a bad word here', 'BAD-WORD', 'bad,   word', 'bad\tword!']) {
      assert.equal(match(['bad word'], text), 'bad word', text);
    }
    for (const text of ['badword', 'bad words', 'bad other word', 'word bad']) {
      assert.equal(match(['bad word'], text), null, text);
    }
  });

  it('given several terms, then the first in the message wins, and the shorter at the same word', () => {
    assert.equal(match(['zeta', 'alpha'], 'alpha then zeta'), 'alpha');
    assert.equal(match(['bad word', 'bad'], 'so bad word'), 'bad');
  });

  it('given a term that is only punctuation, then it is ignored and the filter is empty', () => {
    const filter = new WordFilter(['!!!', '...']);
    assert.equal(filter.isEmpty, true);
    assert.equal(filter.firstMatch('!!! ...'), null);
  });

  it('given no terms or an empty message, then nothing matches', () => {
    assert.equal(match([], 'anything'), null);
    assert.equal(match(['bad'], ''), null);
  });

  it('reports the term as the guild wrote it, never the text of the message', () => {
    assert.equal(match(['Café'], 'I love CAFE'), 'Café');
  });
});

describe('word filter: Unicode folding', () => {
  it('ignores case, including full case folding (ß and SS)', () => {
    assert.equal(match(['bad'], 'BAD Bad bAd'), 'bad');
    assert.equal(match(['straße'], 'die STRASSE'), 'straße');
    assert.equal(match(['strasse'], 'die Straße'), 'strasse');
  });

  it('applies NFKC: full-width, styled and ligature letters are their plain letters', () => {
    assert.equal(match(['bad'], 'ＢＡＤ'), 'bad');
    assert.equal(match(['bad'], '𝐛𝐚𝐝'), 'bad');
    assert.equal(match(['fish'], 'ﬁsh'), 'fish');
  });

  it('ignores diacritics and stacked combining marks, composed or not', () => {
    assert.equal(match(['bad'], 'bád'), 'bad');
    assert.equal(match(['bad'], 'b̸a̸d̸'), 'bad');
    assert.equal(match(['café'], 'cafe'), 'café');
    assert.equal(match(['cafe\u0301'], 'café'), 'cafe\u0301');
  });

  it('ignores invisible characters hidden inside a word', () => {
    for (const hidden of ['\u200b', '\u200d', '\u00ad', '\u2060', '\ufeff']) {
      assert.equal(match(['bad'], `b${hidden}ad`), 'bad', `U+${hidden.codePointAt(0)!.toString(16)}`);
    }
  });

  it('does not fold leetspeak: digits stay digits', () => {
    assert.equal(match(['bad'], 'b4d'), null);
    assert.equal(match(['b4d'], 'B4D'), 'b4d');
  });

  it('matches words of other scripts', () => {
    assert.equal(match(['плохо'], 'Это ПЛОХО!'), 'плохо');
    assert.equal(match(['κακός'], 'ΚΑΚΌΣ'), 'κακός');
  });

  it('folds both sides alike', () => {
    assert.equal(foldForMatching('ＣＡＦÉ'), 'cafe');
    assert.deepEqual(wordsOf('Hello, W̸orld!  2nd'), ['hello', 'world', '2nd']);
  });
});

describe('word filter: an adversarial input', () => {
  it('given a message where every word starts a long term that fails at its last word, then nothing matches', () => {
    // The walk from each word is bounded by the longest term (20 words), so the cost is linear in the
    // message; speed itself is a benchmark's business, not a timed test's.
    // Every word of the message starts a walk down a 20-word term that fails only at its last word.
    const term = `${'a '.repeat(19)}z`;
    const filter = new WordFilter([term, ...Array.from({ length: 99 }, (_, i) => `a w${i}`)]);
    const message = 'a '.repeat(100_000);
    assert.equal(filter.firstMatch(message), null);
    assert.equal(filter.firstMatch(`${message}${term}`), term);
  });
});
