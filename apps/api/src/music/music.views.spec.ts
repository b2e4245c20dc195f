import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Track } from '#domain';
import { clock, elixirTrackBody } from './music.views';

const tuyo: Track = {
  trackId: 't1',
  title: 'Tuyo (Narcos Theme)',
  author: 'Rodrigo Amarante',
  durationSec: 151,
  uri: 'https://open.spotify.com/track/6g2BiiVQqY5v1S4HIrM54F',
  thumbnail: null,
  isStream: false,
  identifier: '6g2BiiVQqY5v1S4HIrM54F',
  source: 'spotify',
  requestedBy: '460177285954142208',
};

describe('music views', () => {
  for (const [sec, text] of [
    [0, '00:00'],
    [18.9, '00:18'],
    [151, '02:31'],
    [4_500, '75:00'],
  ] as const) {
    it(`given ${sec} s, when shown as a clock, then ${text}`, () => assert.equal(clock(sec), text));
  }

  it("given Tuyo 18.5 s in, when shaped for Elixir, then the seed's formattedDuration and a position in ms", () => {
    const body = elixirTrackBody(tuyo, 18_500);
    assert.equal(body.formattedDuration, '00:18/02:31');
    assert.equal(body.position, 18_500);
    assert.equal(body.duration, 151);
  });

  it('given a live stream, when shaped for Elixir, then its length shows as LIVE', () => {
    const body = elixirTrackBody({ ...tuyo, isStream: true, durationSec: 0 }, 65_000);
    assert.equal(body.formattedDuration, '01:05/LIVE');
  });
});
