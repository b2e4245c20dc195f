import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MusicTrackResolver } from './music-track-resolver';
import { TrackOpener } from './playback/track-opener';
import { InvalidQueryError, TrackNotFoundError } from './resolver-errors';
import { tempDir } from './testing/temp-dir';
import { writeTone } from './testing/test-audio';

/**
 * Symlinks and file URLs must not lead out of MUSIC_DIR: `secret/` beside the library holds a
 * tagged mp3 and a text file standing for /etc/passwd; the library links to both.
 */
describe('the local library stays inside MUSIC_DIR', () => {
  const tmp = tempDir();
  const music = join(tmp.dir, 'music');
  const secret = join(tmp.dir, 'secret');
  let resolver: MusicTrackResolver;
  let opener: TrackOpener;

  before(async () => {
    await writeTone(join(secret, 'private.mp3'), { seconds: 1, tags: { title: 'Private Recording' } });
    writeFileSync(join(secret, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    await writeTone(join(music, 'album/inside.mp3'), { seconds: 1, tags: { title: 'Inside Song' } });
    mkdirSync(join(music, 'links'));
    symlinkSync(join(secret, 'private.mp3'), join(music, 'links/private.mp3'));
    symlinkSync(join(secret, 'passwd'), join(music, 'links/passwd.mp3'));
    symlinkSync(join(music, 'album/inside.mp3'), join(music, 'links/inside-again.mp3'));
    symlinkSync(secret, join(music, 'secret-dir'));
    const config = { musicDir: music, ytDlpPath: undefined, ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' };
    resolver = new MusicTrackResolver({ ...config, artworkUrlTemplate: null });
    opener = new TrackOpener(config);
  });
  after(() => tmp.remove());

  it('given a link to a file outside, when searched by its tags, then nothing is found', async () => {
    await assert.rejects(resolver.resolveQuery('private recording'), TrackNotFoundError);
  });

  it('given links to files outside, when asked for by relative path, then nothing is found', async () => {
    for (const path of ['links/private.mp3', 'links/passwd.mp3', 'secret-dir/private.mp3']) {
      await assert.rejects(resolver.resolveQuery(path), TrackNotFoundError, path);
    }
  });

  it('given a folder holding links out and in, when played as a playlist, then only the link inside is queued', async () => {
    const result = await resolver.resolveQuery('links');
    assert.equal(result.kind, 'playlist');
    assert.deepEqual(
      result.tracks.map((t) => t.title),
      ['Inside Song'],
    );
  });

  it('given the absolute path or file URL of a link out, when resolved, then the query is invalid', async () => {
    await assert.rejects(resolver.resolveQuery(join(music, 'links/passwd.mp3')), InvalidQueryError);
    await assert.rejects(
      resolver.resolveQuery(pathToFileURL(join(music, 'links/passwd.mp3')).href),
      InvalidQueryError,
    );
  });

  for (const url of [
    'file://127.0.0.1/etc/passwd',
    `file://${music}/album%2Finside.mp3`,
    'file://evil.example/x.mp3',
  ]) {
    it(`given the malformed file URL ${url}, when resolved, then 400 (invalid query), not a crash`, async () => {
      await assert.rejects(
        resolver.resolveQuery(url),
        (e: Error) => e instanceof InvalidQueryError && /file URL/.test(e.message),
      );
    });
  }

  it('given a stored track whose file links outside the library, when played, then it does not open', async () => {
    for (const uri of [
      join(music, 'links/passwd.mp3'),
      join(music, 'secret-dir/private.mp3'),
      join(secret, 'passwd'),
    ]) {
      await assert.rejects(
        opener.open({ uri, source: 'local', isStream: false }, { positionMs: 0, volume: 100 }),
        /not in the music library/,
        uri,
      );
    }
  });

  it('given a file inside reached through a link inside, when played, then it plays', async () => {
    const opened = await opener.open(
      { uri: join(music, 'links/inside-again.mp3'), source: 'local', isStream: false },
      { positionMs: 0, volume: 100 },
    );
    opened.close();
    await opened.settled();
    assert.equal(opened.failure(), undefined);
  });
});
