import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseM3u } from './m3u';

describe('parseM3u', () => {
  it('given an extended playlist, when parsed, then each entry carries its EXTINF artist, title and duration', () => {
    // given
    const text =
      '\uFEFF#EXTM3U\r\n#EXTINF:123,Queen - Bohemian Rhapsody\r\nrock/bohemian.mp3\r\n\r\n#EXTINF:-1 tvg-id="x",Radio One\r\nhttp://radio.example/stream\r\n';
    // when
    const entries = parseM3u(text);
    // then
    assert.deepEqual(entries, [
      { location: 'rock/bohemian.mp3', durationMs: 123_000, artist: 'Queen', title: 'Bohemian Rhapsody' },
      { location: 'http://radio.example/stream', durationMs: undefined, title: 'Radio One' },
    ]);
  });

  it('given a plain playlist with comments, when parsed, then only locations remain', () => {
    assert.deepEqual(parseM3u('# my mix\na.mp3\n/abs/b.flac\n'), [
      { location: 'a.mp3' },
      { location: '/abs/b.flac' },
    ]);
  });

  it('given an EXTINF without a following location, when parsed, then it is dropped', () => {
    assert.deepEqual(parseM3u('#EXTINF:10,Lonely\n'), []);
  });
});
