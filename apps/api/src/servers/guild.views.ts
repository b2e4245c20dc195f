import type { GuildView } from '#projections';
import type { CanonicalServerResponse } from './guild.responses';

/** Settings in the snake_case wire shape shared by Hexify and the canonical API. */
export function settingsBody(guild: GuildView) {
  const { settings } = guild;
  return {
    prefix: settings.prefix,
    welcome_channel: settings.welcomeChannelId,
    mod_log_channel: settings.modLogChannelId,
    auto_mod: {
      enabled: settings.autoMod.enabled,
      spam_protection: settings.autoMod.spamProtection,
      word_filter: [...settings.autoMod.wordFilter],
    },
  };
}

/** Hexify's `GET /v2/servers/{id}` body, with the seed's fields in the seed's order. */
export function hexifyServerBody(guild: GuildView): HexifyServerBody {
  // Views are immutable and shared until the read model changes, so the body is built once per view.
  let body = hexifyBodies.get(guild);
  if (!body) hexifyBodies.set(guild, (body = buildHexifyServerBody(guild)));
  return body;
}

type HexifyServerBody = ReturnType<typeof buildHexifyServerBody>;
const hexifyBodies = new WeakMap<GuildView, HexifyServerBody>();

function buildHexifyServerBody(guild: GuildView) {
  return {
    id: guild.id,
    name: guild.name,
    member_count: guild.memberCount,
    premium: guild.premium,
    features: [...guild.features],
    settings: settingsBody(guild),
  };
}

/** The canonical `/v1` guild resource: everything Hexify shows, plus owner, counts and revision. */
export function canonicalServerBody(guild: GuildView): CanonicalServerResponse {
  return {
    id: guild.id,
    name: guild.name,
    owner_id: guild.ownerId,
    member_count: guild.memberCount,
    bot_count: guild.botCount,
    online_count: guild.onlineCount,
    premium: guild.premium,
    features: [...guild.features],
    // The time zone is ours, not Hexify's: only the canonical resource shows it.
    settings: { ...settingsBody(guild), time_zone: guild.settings.timeZone },
    // Null while the bot is in the guild; once removed, the rest is the guild as it was then.
    removed_at: guild.removedAt,
    revision: guild.revision,
    updated_at: guild.updatedAt,
  };
}

const nullableString = { type: ['string', 'null'] } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

/**
 * The 200 body of `GET /v2/servers/{id}` as a Fastify response schema: Fastify then serialises it
 * with a function compiled for this shape (fast-json-stringify), at about a third of JSON.stringify's
 * cost. Every field of `hexifyServerBody` must be here, or it would be left out of the response.
 */
export const HEXIFY_SERVER_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    member_count: { type: 'integer' },
    premium: { type: 'boolean' },
    features: strings,
    settings: {
      type: 'object',
      properties: {
        prefix: { type: 'string' },
        welcome_channel: nullableString,
        mod_log_channel: nullableString,
        auto_mod: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            spam_protection: { type: 'boolean' },
            word_filter: strings,
          },
        },
      },
    },
  },
} as const;
