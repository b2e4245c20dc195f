/** One track of the demo library: what its tags say, and the tone and cover that stand in for it. */
export interface DemoTrack {
  readonly title: string;
  readonly artist: string;
  /** The real length of the generated audio, the seeds' duration. */
  readonly seconds: number;
  /** The page the seeds show for it: tagged `PURL`, so a query for it plays this file. */
  readonly sourceUrl: string;
  /** The seeds' identifier, tagged `IDENTIFIER`. */
  readonly sourceId: string;
  /** The seeds' thumbnail, tagged `THUMBNAIL`; the embedded cover is served by the artwork route. */
  readonly thumbnailUrl: string;
  /** The sine tone the file holds, so each track sounds (and decodes) distinct. */
  readonly frequencyHz: number;
  /** Colour of the generated cover, `RRGGBB`. */
  readonly cover: string;
}

const youtube = (id: string, url = `https://www.youtube.com/watch?v=${id}`) => ({
  sourceUrl: url,
  sourceId: id,
  thumbnailUrl: `https://i.ytimg.com/vi/${id}/default.jpg`,
});

const spotify = (id: string, image: string) => ({
  sourceUrl: `https://open.spotify.com/track/${id}`,
  sourceId: id,
  thumbnailUrl: `https://i.scdn.co/image/${image}`,
});

/**
 * Every track the Hexify (000) and Elixir Music (004) seeds show, as they show it. The tones are
 * notes of an A-minor scale, one per track.
 */
export const DEMO_TRACKS = {
  rick: {
    title: 'Never Gonna Give You Up',
    artist: 'Rick Astley',
    seconds: 213,
    // Hexify's queue example shows this exact short form as the track's `url`.
    ...youtube('dQw4w9WgXcQ', 'https://youtube.com/watch?v=dQw4w9WgXcQ'),
    frequencyHz: 220,
    cover: 'c0392b',
  },
  bohemian: {
    title: 'Bohemian Rhapsody',
    artist: 'Queen',
    seconds: 354,
    ...youtube('fJ9rUzIMcZQ'),
    frequencyHz: 247,
    cover: '8e44ad',
  },
  magia: {
    title: 'Andrés Cepeda - Magia ft. Sebastián Yatra',
    artist: 'Andrés Cepeda',
    seconds: 203,
    ...youtube('_n1o4D6G_XE'),
    frequencyHz: 262,
    cover: '2980b9',
  },
  calma: {
    title: 'Pedro Capó, Farruko - Calma (Remix - Official Video)',
    artist: 'Pedro Capó',
    seconds: 238,
    ...youtube('1_zgKRBrT0Y'),
    frequencyHz: 294,
    cover: '16a085',
  },
  caraluna: {
    title: 'Bacilos - Caraluna (Official Music Video)',
    artist: 'Warner Música',
    seconds: 269,
    ...youtube('-zgDXIi1uYw'),
    frequencyHz: 330,
    cover: 'd35400',
  },
  exBestFriend: {
    title: "my ex's best friend (with blackbear)",
    artist: 'mgk',
    seconds: 139,
    ...spotify('7kDUspsoYfLkWnZR7qwHZl', 'ab67616d0000b273d4d4929a3a86fe2f9fadbd42'),
    frequencyHz: 349,
    cover: '2c3e50',
  },
  tuyo: {
    title: 'Tuyo (Narcos Theme)',
    artist: 'Rodrigo Amarante',
    seconds: 151,
    ...spotify('6g2BiiVQqY5v1S4HIrM54F', 'ab67616d0000b27364d924aebcb26f08aac1bf3b'),
    frequencyHz: 392,
    cover: 'f39c12',
  },
} satisfies Record<string, DemoTrack>;

/** The Elixir seed's playlist answer (Magia, Calma, Caraluna): an m3u in the library, found by its name. */
export const DEMO_PLAYLIST = {
  name: 'Elixir sample playlist',
  tracks: [DEMO_TRACKS.magia, DEMO_TRACKS.calma, DEMO_TRACKS.caraluna],
} as const;

/** The file a demo track is written to, inside the library: `Title.opus`. */
export const demoFileName = (track: DemoTrack): string => `${track.title.replace(/[/\\]/g, '_')}.opus`;
