import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptySoundcloudSearch, youtubePlaylist, youtubeSearch, youtubeVideo } from './ytdlp-fixtures';

/** A stand-in `yt-dlp` on disk, and the argument lists it was called with. */
export interface FakeYtDlp {
  readonly path: string;
  calls(): string[][];
}

/**
 * Writes an executable that answers like yt-dlp: `-J` prints the real info JSON for the known
 * video (its stream URL replaced by `streamUrl`), playlist and searches, `-o -` streams `audioFile`, and any other target
 * fails the way yt-dlp does ("ERROR: [youtube] …: Video unavailable", exit 1).
 */
export function installFakeYtDlp(
  dir: string,
  media: { audioFile?: string; streamUrl?: string } = {},
): FakeYtDlp {
  const log = join(dir, 'yt-dlp.calls');
  const script = join(dir, 'fake-yt-dlp.js');
  // The stream URL a real run would give expires and needs YouTube; tests point it at their own server.
  const video = media.streamUrl
    ? JSON.parse(JSON.stringify(youtubeVideo).replaceAll(youtubeVideo.url, media.streamUrl))
    : youtubeVideo;
  writeFileSync(log, '');
  writeFileSync(
    script,
    `const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
const target = args[args.length - 1];
const print = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
const fail = (id) => {
  process.stderr.write('ERROR: [youtube] ' + id + ': Video unavailable. This video is no longer available\\n');
  process.exit(1);
};
if (target.startsWith('ytsearch1:')) {
  print(JSON.parse(${JSON.stringify(JSON.stringify(youtubeSearch('@Q@')))}.replaceAll('@Q@', target.slice(10))));
} else if (target.startsWith('scsearch1:')) {
  print(JSON.parse(${JSON.stringify(JSON.stringify(emptySoundcloudSearch('@Q@')))}.replaceAll('@Q@', target.slice(10))));
} else if (target.includes('playlist?list=PLrock')) {
  print(${JSON.stringify(youtubePlaylist)});
} else if (/v=(dQw4w9WgXcQ|fJ9rUzIMcZQ|1w7OgIMMRc4)/.test(target)) {
  if (args.includes('-o')) fs.createReadStream(${JSON.stringify(media.audioFile ?? '/dev/null')}).pipe(process.stdout);
  else print(${JSON.stringify(video)});
} else {
  fail((/v=([\\w-]+)/.exec(target) || [, 'unknown'])[1]);
}
`,
  );
  const path = join(dir, 'yt-dlp');
  writeFileSync(path, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(script)} "$@"\n`);
  chmodSync(path, 0o755);
  return {
    path,
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string[]),
  };
}
