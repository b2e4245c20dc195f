import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TrackInfo } from '#domain';
import { FallbackTrackResolver } from './fallback-track-resolver';
import { InvalidQueryError, TrackNotFoundError, TrackResolver, type ResolvedTracks } from '#domain';

const track = (title: string): TrackInfo => ({
  title,
  author: 'a',
  durationSec: 1,
  uri: `file:///${title}`,
  thumbnail: null,
  isStream: false,
  identifier: title,
  source: 'local',
});

class Fixed extends TrackResolver {
  calls = 0;
  constructor(private readonly answer: ResolvedTracks | Error) {
    super();
  }
  async resolve(): Promise<ResolvedTracks> {
    this.calls++;
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

const options = { requestedBy: '1' };

describe('FallbackTrackResolver', () => {
  it('given the first resolver finds the track, then the others are not asked', async () => {
    const second = new Fixed({ kind: 'track', tracks: [track('b')] });
    const found = await new FallbackTrackResolver([
      new Fixed({ kind: 'track', tracks: [track('a')] }),
      second,
    ]).resolve('q', options);
    assert.equal(found.tracks[0].title, 'a');
    assert.equal(second.calls, 0);
  });

  it('given the first finds nothing, then the next one answers', async () => {
    const found = await new FallbackTrackResolver([
      new Fixed(new TrackNotFoundError('q')),
      new Fixed({ kind: 'playlist', tracks: [track('b'), track('c')] }),
    ]).resolve('q', options);
    assert.equal(found.kind, 'playlist');
  });

  it('given none finds it and one found the query invalid, then the invalid-query error wins', async () => {
    const resolver = new FallbackTrackResolver([
      new Fixed(new InvalidQueryError('bad source', 'source')),
      new Fixed(new TrackNotFoundError('q')),
    ]);
    await assert.rejects(
      resolver.resolve('q', options),
      (e: unknown) => e instanceof InvalidQueryError && e.field === 'source',
    );
  });

  it('given none finds it, then not found', async () => {
    const resolver = new FallbackTrackResolver([new Fixed(new TrackNotFoundError('q'))]);
    await assert.rejects(resolver.resolve('q', options), TrackNotFoundError);
  });

  it('given a resolver fails for another reason, then that failure surfaces', async () => {
    const resolver = new FallbackTrackResolver([
      new Fixed(new Error('disk on fire')),
      new Fixed({ kind: 'track', tracks: [track('a')] }),
    ]);
    await assert.rejects(resolver.resolve('q', options), /disk on fire/);
  });
});
