import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AudioPlayerStatus,
  getVoiceConnections,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import type { Client } from 'discord.js';
import { readyBot } from '../bot-client';
import { startFakeDiscord, type FakeDiscord, type FakeVoiceOptions, type StoredGuild } from '../index';
import { playOggOpus, trustVoiceCa } from './voice-client';

/**
 * A local Discord with its voice side, a ready discord.js bot trusting its CA, a guild with two voice
 * channels. Whatever the test leaves playing or connected is stopped afterwards, even when it fails
 * (a paused player or an open connection would keep the test process alive).
 */
export interface VoiceWorld {
  discord: FakeDiscord;
  client: Client;
  guild: StoredGuild;
  /** The ids of the voice channels "Stage" and "Lounge". */
  stage: string;
  lounge: string;
  /** A temporary folder for generated audio, removed afterwards. */
  dir: string;
  /** Plays an Ogg Opus file on the connection; the player is stopped when the test ends. */
  play(connection: VoiceConnection, path: string): AudioPlayer;
}

export async function withVoiceWorld(
  test: (world: VoiceWorld) => Promise<void>,
  options: FakeVoiceOptions = {},
): Promise<void> {
  const discord = await startFakeDiscord({ voice: options });
  const dir = mkdtempSync(join(tmpdir(), 'voice-world-'));
  try {
    trustVoiceCa(discord.voice);
    const guild = discord.addGuild({
      name: 'Tavern',
      channels: [{ name: 'general' }, { name: 'Stage', type: 'voice' }, { name: 'Lounge', type: 'voice' }],
    });
    const channelId = (name: string) => [...guild.channels.values()].find((c) => c.name === name)!.id;
    const client = await readyBot(discord);
    const players: AudioPlayer[] = [];
    const play = (connection: VoiceConnection, path: string) => {
      const player = playOggOpus(connection, path);
      players.push(player);
      return player;
    };
    try {
      await test({
        discord,
        client,
        guild,
        stage: channelId('Stage'),
        lounge: channelId('Lounge'),
        dir,
        play,
      });
    } finally {
      for (const player of players) if (player.state.status !== AudioPlayerStatus.Idle) player.stop(true);
      for (const connection of getVoiceConnections().values()) connection.destroy();
      await client.destroy();
    }
  } finally {
    await discord.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until `condition` holds, checking every 20 ms; rejects with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
