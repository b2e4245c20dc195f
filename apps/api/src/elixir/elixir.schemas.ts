import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { clock } from '../music/music.views';
import { SNOWFLAKE_SCHEMA } from '../openapi/params';

/** Elixir's track, as its document shows it (music.views.ts `elixirTrackBody` builds it). */
export class ElixirTrackResponse {
  @ApiProperty({ example: 'Tuyo (Narcos Theme)' }) title!: string;
  @ApiProperty({ example: 'Rodrigo Amarante' }) author!: string;
  @ApiProperty({ type: Number, example: 151, description: 'seconds' }) duration!: number;
  @ApiProperty({ example: '00:18/02:31', description: '`position/duration` as mm:ss (`LIVE` for a stream)' })
  formattedDuration!: string;
  @ApiProperty({ example: 'https://open.spotify.com/track/6g2BiiVQqY5v1S4HIrM54F' }) uri!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://i.scdn.co/image/ab67616d0000b27364d924aebcb26f08aac1bf3b',
  })
  thumbnail!: string | null;
  @ApiProperty({ type: 'integer', example: 18_500, description: 'milliseconds (0 for a track just queued)' })
  position!: number;
  @ApiProperty({ example: false }) isStream!: boolean;
  @ApiProperty({ example: '6g2BiiVQqY5v1S4HIrM54F' }) identifier!: string;
  @ApiProperty({ pattern: SNOWFLAKE_SCHEMA.pattern, example: '460177285954142208' }) requestedBy!: string;
}

/** `play` answers one track, or an array of them for a playlist. */
export const ELIXIR_PLAY_SCHEMA: SchemaObject = {
  oneOf: [
    { $ref: getSchemaPath(ElixirTrackResponse) },
    { type: 'array', items: { $ref: getSchemaPath(ElixirTrackResponse) } },
  ],
};

const track = (
  title: string,
  author: string,
  duration: number,
  uri: string,
  identifier: string,
  thumbnail: string,
) => ({
  title,
  author,
  duration,
  formattedDuration: `00:00/${clock(duration)}`,
  uri,
  thumbnail,
  position: 0,
  isStream: false,
  identifier,
  requestedBy: '946443578849243156',
});

/** The document's two sample responses. */
export const ELIXIR_PLAY_EXAMPLES = {
  track: {
    summary: 'A track',
    value: track(
      "my ex's best friend (with blackbear)",
      'mgk',
      139,
      'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl',
      '7kDUspsoYfLkWnZR7qwHZl',
      'https://i.scdn.co/image/ab67616d0000b273d4d4929a3a86fe2f9fadbd42',
    ),
  },
  playlist: {
    summary: 'A playlist',
    value: [
      track(
        'Andrés Cepeda - Magia ft. Sebastián Yatra',
        'Andrés Cepeda',
        203,
        'https://www.youtube.com/watch?v=_n1o4D6G_XE',
        '_n1o4D6G_XE',
        'https://i.ytimg.com/vi/_n1o4D6G_XE/default.jpg',
      ),
      track(
        'Pedro Capó, Farruko - Calma (Remix - Official Video)',
        'Pedro Capó',
        238,
        'https://www.youtube.com/watch?v=1_zgKRBrT0Y',
        '1_zgKRBrT0Y',
        'https://i.ytimg.com/vi/1_zgKRBrT0Y/default.jpg',
      ),
    ],
  },
};

/** The answer of `stop` and `volume`. */
export class ElixirMessageResponse {
  @ApiProperty({ pattern: SNOWFLAKE_SCHEMA.pattern, example: '766045633697021973' }) guild!: string;
  @ApiProperty({ pattern: SNOWFLAKE_SCHEMA.pattern, example: '460177285954142208' }) user!: string;
  @ApiProperty({ example: 'Successfully stopped the player.' }) message!: string;
}

/** The answer of `join`. */
export class ElixirJoinResponse {
  @ApiProperty({ pattern: SNOWFLAKE_SCHEMA.pattern, example: '766045633697021973' }) guild!: string;
  @ApiProperty({ pattern: SNOWFLAKE_SCHEMA.pattern, example: '766045633697021978' }) channel!: string;
  @ApiProperty({ pattern: SNOWFLAKE_SCHEMA.pattern, example: '460177285954142208' }) user!: string;
  @ApiProperty({ example: 'Successfully joined the voice channel.' }) message!: string;
}

type ElixirField = 'channel.id' | 'user.id' | 'volume' | 'query';

const FIELD_SCHEMAS: Record<ElixirField, SchemaObject> = {
  'channel.id': {
    ...SNOWFLAKE_SCHEMA,
    description: 'The voice channel to join',
    example: '766045633697021978',
  },
  'user.id': {
    ...SNOWFLAKE_SCHEMA,
    description: 'The user associated with the API key',
    example: '460177285954142208',
  },
  volume: { type: 'integer', minimum: 0, maximum: 100, example: 45 },
  query: { type: 'string', minLength: 1, example: 'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl' },
};

const EXAMPLE_VALUES: Record<ElixirField, unknown> = {
  'channel.id': '766045633697021978',
  'user.id': '460177285954142208',
  volume: 45,
  query: 'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl',
};

/**
 * An Elixir write's body. The document writes its fields `channel.id` and `user.id`; both readings
 * are accepted (elixir-body.ts): the flat key `"user.id"` or the nested `{"user": {"id": …}}`, each
 * field in either form, and nothing else.
 */
export function ApiElixirBody(...fields: readonly ElixirField[]) {
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  const eitherForm: SchemaObject[] = [];
  const nested: Record<string, unknown> = {};
  for (const field of fields) {
    properties[field] = FIELD_SCHEMAS[field];
    if (!field.endsWith('.id')) {
      required.push(field);
      nested[field] = EXAMPLE_VALUES[field];
      continue;
    }
    const parent = field.slice(0, -'.id'.length);
    properties[parent] = {
      type: 'object',
      properties: { id: FIELD_SCHEMAS[field] },
      required: ['id'],
      additionalProperties: false,
      description: `\`${field}\`, nested`,
    };
    eitherForm.push({ anyOf: [{ required: [field] }, { required: [parent] }] });
    nested[parent] = { id: EXAMPLE_VALUES[field] };
  }
  const schema: SchemaObject = {
    type: 'object',
    properties,
    additionalProperties: false,
    ...(required.length > 0 && { required }),
    ...(eitherForm.length > 0 && { allOf: eitherForm }),
  };
  const flat = Object.fromEntries(fields.map((field) => [field, EXAMPLE_VALUES[field]]));
  return applyDecorators(
    ApiBody({
      required: true,
      schema,
      examples: {
        flat: { summary: 'Fields as the document writes them', value: flat },
        nested: { summary: 'The same, nested', value: nested },
      },
    }),
  );
}
