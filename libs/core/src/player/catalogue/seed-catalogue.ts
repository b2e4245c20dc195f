import type { TrackInfo } from '#domain';

const yt = (id: string) => ({
  uri: `https://www.youtube.com/watch?v=${id}`,
  thumbnail: `https://i.ytimg.com/vi/${id}/default.jpg`,
  identifier: id,
  source: 'youtube',
  isStream: false,
});

/** Every track the Hexify and Elixir Music seeds show, with their durations, URIs and artwork. */
export const SEED_TRACKS = {
  rick: {
    title: 'Never Gonna Give You Up',
    author: 'Rick Astley',
    durationSec: 213,
    ...yt('dQw4w9WgXcQ'),
    // The Hexify seed's `url` is this exact short form; keep it so its example reads back verbatim.
    uri: 'https://youtube.com/watch?v=dQw4w9WgXcQ',
  },
  bohemian: { title: 'Bohemian Rhapsody', author: 'Queen', durationSec: 354, ...yt('fJ9rUzIMcZQ') },
  magia: {
    title: 'Andrés Cepeda - Magia ft. Sebastián Yatra',
    author: 'Andrés Cepeda',
    durationSec: 203,
    ...yt('_n1o4D6G_XE'),
  },
  calma: {
    title: 'Pedro Capó, Farruko - Calma (Remix - Official Video)',
    author: 'Pedro Capó',
    durationSec: 238,
    ...yt('1_zgKRBrT0Y'),
  },
  caraluna: {
    title: 'Bacilos - Caraluna (Official Music Video)',
    author: 'Warner Música',
    durationSec: 269,
    ...yt('-zgDXIi1uYw'),
  },
  exBestFriend: {
    title: "my ex's best friend (with blackbear)",
    author: 'mgk',
    durationSec: 139,
    uri: 'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl',
    thumbnail: 'https://i.scdn.co/image/ab67616d0000b273d4d4929a3a86fe2f9fadbd42',
    isStream: false,
    identifier: '7kDUspsoYfLkWnZR7qwHZl',
    source: 'spotify',
  },
  tuyo: {
    title: 'Tuyo (Narcos Theme)',
    author: 'Rodrigo Amarante',
    durationSec: 151,
    uri: 'https://open.spotify.com/track/6g2BiiVQqY5v1S4HIrM54F',
    thumbnail: 'https://i.scdn.co/image/ab67616d0000b27364d924aebcb26f08aac1bf3b',
    isStream: false,
    identifier: '6g2BiiVQqY5v1S4HIrM54F',
    source: 'spotify',
  },
  /** Not in a seed: a live stream, so seek refusals and `isStream: true` can be shown. */
  lofiRadio: {
    title: 'lofi hip hop radio - beats to relax/study to',
    author: 'Lofi Girl',
    durationSec: 0,
    ...yt('jfKfPfyJRdk'),
    isStream: true,
  },
} satisfies Record<string, TrackInfo>;

export interface CataloguePlaylist {
  readonly uri: string;
  readonly title: string;
  readonly tracks: readonly TrackInfo[];
}

/** The Elixir seed's playlist response (Magia, Calma, Caraluna) under a playlist URL of our choosing. */
export const SEED_PLAYLISTS: readonly CataloguePlaylist[] = [
  {
    uri: 'https://www.youtube.com/playlist?list=PLElixirSampleLatin',
    title: 'Elixir sample playlist',
    tracks: [SEED_TRACKS.magia, SEED_TRACKS.calma, SEED_TRACKS.caraluna],
  },
];
