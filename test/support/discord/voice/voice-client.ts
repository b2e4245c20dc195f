import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import {
  VoiceConnectionStatus,
  createAudioPlayer,
  createAudioResource,
  entersState,
  joinVoiceChannel,
  StreamType,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import type { Client } from 'discord.js';
import type { FakeVoice } from './fake-voice';

/**
 * Makes this process trust the fake's voice CA, for tests that run @discordjs/voice in-process
 * (Node 24's `tls.setDefaultCACertificates`). A Guildhall process under test gets
 * `NODE_EXTRA_CA_CERTS: voice.caPath` instead.
 */
export function trustVoiceCa(voice: FakeVoice): void {
  const current = getCACertificates('default');
  if (!current.includes(voice.ca)) setDefaultCACertificates([...current, voice.ca]);
}

/** Joins a voice channel through discord.js's adapter, as the player does, and waits until Ready. */
export async function joinAndWait(
  client: Client,
  guildId: string,
  channelId: string,
  timeoutMs = 5_000,
): Promise<VoiceConnection> {
  const guild = await client.guilds.fetch(guildId);
  const connection = joinVoiceChannel({ guildId, channelId, adapterCreator: guild.voiceAdapterCreator });
  try {
    return await entersState(connection, VoiceConnectionStatus.Ready, timeoutMs);
  } catch (error) {
    connection.destroy();
    throw error;
  }
}

/** Plays an Ogg Opus file (passed through, as Guildhall does) on the connection. */
export function playOggOpus(connection: VoiceConnection, path: string): AudioPlayer {
  const player = createAudioPlayer();
  connection.subscribe(player);
  player.play(createAudioResource(path, { inputType: StreamType.OggOpus }));
  return player;
}
