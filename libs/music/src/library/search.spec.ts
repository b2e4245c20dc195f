import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, search } from './search';
import type { LibraryEntry } from './tags';

const entry = (path: string, title: string, artist: string, album = ''): LibraryEntry => ({
  path,
  identifier: path,
  title,
  artist,
  album,
  durationMs: 1000,
  disc: 0,
  trackNo: 0,
  hasArtwork: false,
  mtimeMs: 0,
  size: 0,
});

const library = [
  entry('a.mp3', 'Halo (Live)', 'Beyoncé'),
  entry('b.mp3', 'Halo', 'Beyoncé'),
  entry('c.mp3', 'Crazy in Love', 'Beyoncé', 'Dangerously in Love'),
  entry('jazz/d.flac', 'So What', 'Miles Davis', 'Kind of Blue'),
];

describe('library search', () => {
  it('given accents and punctuation, when normalized, then they fold away', () => {
    assert.equal(normalize('Beyoncé – Halo!'), 'beyonce halo');
  });

  it('given two titles containing the words, when searching, then the exact title wins', () => {
    assert.deepEqual(
      search(library, 'halo').map((e) => e.path),
      ['b.mp3'],
    );
  });

  it('given "artist title", when searching, then words may span artist and title', () => {
    assert.deepEqual(
      search(library, 'beyonce crazy').map((e) => e.path),
      ['c.mp3'],
    );
  });

  it('given album or folder words, when searching, then they match too', () => {
    assert.deepEqual(
      search(library, 'kind of blue').map((e) => e.path),
      ['jazz/d.flac'],
    );
    assert.deepEqual(
      search(library, 'jazz').map((e) => e.path),
      ['jazz/d.flac'],
    );
  });

  it('given a word nothing contains, when searching, then nothing matches', () => {
    assert.deepEqual(search(library, 'halo polka'), []);
  });
});
