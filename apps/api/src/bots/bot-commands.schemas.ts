import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import {
  BOT_COMMAND_ARG_TYPES,
  BOT_COMMAND_COOLDOWN_UNITS,
  BOT_COMMAND_LIMITS as L,
  BOT_COMMAND_SORTS,
} from '#domain';

/**
 * Bots on Discord's command list, as `POST /bot-api/bots/{id}/commands` takes it and
 * `GET /v1/bots/{bot_id}/commands` gives it back. The limits are the domain's (bot-command-list.rules.ts),
 * which checks them and words the 400s.
 */

/** An arg is its name, or `{text, type}`. */
const ARG: SchemaObject = {
  oneOf: [
    { type: 'string', minLength: 1, maxLength: L.textMaxLength },
    {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, maxLength: L.textMaxLength },
        type: { type: 'string', enum: [...BOT_COMMAND_ARG_TYPES] },
      },
      required: ['text', 'type'],
      additionalProperties: false,
    },
  ],
};
type BotCommandArg = { text: string; type: string };
const texts = (maxItems: number, maxLength: number, example: string[], description?: string) => ({
  type: 'array' as const,
  items: { type: 'string' as const, minLength: 1, maxLength },
  maxItems,
  nullable: true,
  example,
  description,
});

/** One command as sent; absent optional fields are stored as null. */
export class BotCommandInput {
  @ApiProperty({ minLength: 1, maxLength: L.textMaxLength, example: 'anime' }) name!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: L.descriptionMaxLength,
    example: 'Shows your information about an anime from [AniList](https://anilist.co)',
    description: 'Limited markdown; line breaks as \\n',
  })
  description?: string | null;
  @ApiPropertyOptional({
    type: 'array',
    items: ARG,
    maxItems: L.maxArgs,
    nullable: true,
    example: [{ text: 'name', type: 'required' }, 'options'],
    description: "An arg's name, or {text, type}",
  })
  args?: (string | BotCommandArg)[] | null;
  @ApiPropertyOptional({ type: Number, minimum: 0, nullable: true, example: 5 }) cooldown?: number | null;
  @ApiPropertyOptional({
    type: String,
    enum: BOT_COMMAND_COOLDOWN_UNITS,
    nullable: true,
    example: 'm',
    description: 'null means seconds',
  })
  cooldownUnit?: string | null;
  @ApiPropertyOptional(texts(L.maxAliases, L.textMaxLength, ['ani'])) aliases?: string[] | null;
  @ApiPropertyOptional(texts(L.maxExamples, L.exampleMaxLength, ['!anime Toradora'])) examples?:
    string[] | null;
  @ApiPropertyOptional(texts(L.maxPermissions, L.textMaxLength, ['Manage Channel'])) permissions?:
    string[] | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: L.textMaxLength,
    example: 'Anime Commands',
  })
  category?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.prefixMaxLength, example: '!' })
  prefix?: string | null;
}

/** The body of Bots on Discord's `POST /bot-api/bots/{id}/commands`. */
export class BotCommandsInput {
  @ApiPropertyOptional({
    type: String,
    enum: BOT_COMMAND_SORTS,
    nullable: true,
    example: 'default',
    description: "null or absent means 'default'",
  })
  sort?: string | null;
  @ApiProperty({
    type: [BotCommandInput],
    nullable: true,
    maxItems: L.maxCommands,
    description: 'null unsets the command data',
  })
  commands!: BotCommandInput[] | null;
}

/** One command as stored: every field present, the absent ones null. */
export class BotCommandResponse {
  @ApiProperty({ example: 'anime' }) name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Shows your information about an anime from [AniList](https://anilist.co)',
  })
  description!: string | null;
  @ApiProperty({
    type: 'array',
    items: ARG,
    nullable: true,
    example: [{ text: 'name', type: 'required' }, 'options'],
  })
  args!: (string | BotCommandArg)[] | null;
  @ApiProperty({ type: Number, nullable: true, example: 5 }) cooldown!: number | null;
  @ApiProperty({ type: String, enum: BOT_COMMAND_COOLDOWN_UNITS, nullable: true, example: 'm' })
  cooldownUnit!: string | null;
  @ApiProperty(texts(L.maxAliases, L.textMaxLength, ['ani'])) aliases!: string[] | null;
  @ApiProperty(texts(L.maxExamples, L.exampleMaxLength, ['!anime Toradora'])) examples!: string[] | null;
  @ApiProperty(texts(L.maxPermissions, L.textMaxLength, ['Manage Channel'])) permissions!: string[] | null;
  @ApiProperty({ type: String, nullable: true, example: 'Anime Commands' }) category!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '!' }) prefix!: string | null;
}

/** `GET /v1/bots/{bot_id}/commands`: both null when no list is set. */
export class BotCommandsResponse {
  @ApiProperty({ type: String, enum: BOT_COMMAND_SORTS, nullable: true, example: 'default' }) sort!:
    string | null;
  @ApiProperty({ type: [BotCommandResponse], nullable: true }) commands!: BotCommandResponse[] | null;
}
