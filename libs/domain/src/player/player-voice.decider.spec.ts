import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import { playerDecider } from './player.decider';
import { ALICE, BOB, CHANNEL_ID, GUILD_ID, endedEvent, joined, playingRick, rick } from './player.fixtures';

const spec = DeciderSpecification.for(playerDecider);
const join = (channelId = CHANNEL_ID, requestedBy = ALICE) =>
  ({ type: 'JoinVoiceChannel', guildId: GUILD_ID, channelId, requestedBy }) as const;
const leave = (requestedBy = BOB) => ({ type: 'LeaveVoiceChannel', guildId: GUILD_ID, requestedBy }) as const;

describe('JoinVoiceChannel', () => {
  it('given no history, when a user asks to join, then VoiceChannelJoined names the channel and the user', () => {
    spec.given([]).when(join()).then([joined]);
  });

  it('given the player is in that channel, when asked to join it again, then nothing happens', () => {
    spec.given([joined]).when(join()).thenNothing();
  });

  it('given the player is in a channel, when asked to join another, then it moves there', () => {
    spec
      .given([joined])
      .when(join('555555555555555555', BOB))
      .then([
        {
          type: 'VoiceChannelJoined',
          data: { guildId: GUILD_ID, channelId: '555555555555555555', requestedBy: BOB },
        },
      ]);
  });

  it('given no history, when the channel id is no snowflake, then it is refused naming channelId', () => {
    spec.given([]).when(join('general')).thenThrows('invalid', 'invalid_channel_id', 'channelId');
  });

  it('given no history, when the requester is no snowflake, then it is refused naming requestedBy', () => {
    spec.given([]).when(join(CHANNEL_ID, 'me')).thenThrows('invalid', 'invalid_requested_by', 'requestedBy');
  });

  it('given no history, when the guild id is no snowflake, then it is refused naming guildId', () => {
    spec
      .given([])
      .when({ ...join(), guildId: 'x' })
      .thenThrows('invalid', 'invalid_guild_id', 'guildId');
  });
});

describe('LeaveVoiceChannel', () => {
  it('given the player is in a channel and idle, when asked to leave, then VoiceChannelLeft', () => {
    spec
      .given([joined])
      .when(leave())
      .then([
        { type: 'VoiceChannelLeft', data: { guildId: GUILD_ID, channelId: CHANNEL_ID, requestedBy: BOB } },
      ]);
  });

  it('given a track playing for 45 s, when asked to leave, then the track ends as stopped at 45 s first', () => {
    spec
      .given(playingRick)
      .when(leave())
      .then([
        endedEvent(rick, 'stopped', 45_000),
        { type: 'VoiceChannelLeft', data: { guildId: GUILD_ID, channelId: CHANNEL_ID, requestedBy: BOB } },
      ]);
  });

  it('given the player is in no channel, when asked to leave, then it is refused as not connected', () => {
    spec.given([]).when(leave()).thenThrows('conflict', 'not_connected');
  });

  it('given the player left, when asked to leave again, then it is refused as not connected', () => {
    spec
      .given([
        joined,
        { type: 'VoiceChannelLeft', data: { guildId: GUILD_ID, channelId: CHANNEL_ID, requestedBy: BOB } },
      ])
      .when(leave())
      .thenThrows('conflict', 'not_connected');
  });

  it('given a channel, when the requester is no snowflake, then it is refused naming requestedBy', () => {
    spec.given([joined]).when(leave('nobody')).thenThrows('invalid', undefined, 'requestedBy');
  });
});
