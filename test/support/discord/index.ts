export { FakeDiscord, startFakeDiscord, type FakeDiscordOptions, type SentInteraction } from './fake-discord';
export type { ReceivedPayload } from './gateway-connection';
export type { Delivery, ShardStats } from './gateway-server';
export type { ChannelSpec, GuildSpec, MemberSpec, RoleSpec, StoredGuild } from './guild-spec';
export type { SlashCommandSpec } from './interaction-payload';
export type { RecordedRequest } from './rest-server';
export { SnowflakeGenerator, shardOf, snowflakeOnShard, snowflakeTime } from './snowflake';
