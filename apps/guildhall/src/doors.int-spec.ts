import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EnqueueTracksCommand, systemContext } from '#core';
import { playerStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { HealthController } from '#api/health/health.controller';
import { PlayerWorker } from '#bot/voice/player-worker';
import { useSeedMusicLibrary } from '#test/support/seed-library';
import { createBotContext, createGuildhallApp } from './guildhall-app';

const GUILD = '766045633697021973';

describe('the doors one process opens', () => {
  // One directory for every app: embedded chDB binds one data directory per process.
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-doors-'));
  // What the worker plays comes from a real library: the demo's FFmpeg-made seed tracks.
  let restoreEnv: () => void;
  before(async () => (restoreEnv = await useSeedMusicLibrary()));
  after(() => {
    restoreEnv();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const has = (app: INestApplicationContext, token: abstract new (...args: never[]) => unknown) => {
    try {
      app.get(token);
      return true;
    } catch {
      return false;
    }
  };

  it('given the bot entry, then the Discord door runs without HTTP, and its voice worker plays what is queued', async () => {
    // given
    const app = await createBotContext({ dataDir, logLevel: 'silent', playerWorker: true });
    try {
      assert.equal(has(app, HealthController), false, 'no HTTP controller in the bot process');
      assert.equal(has(app, PlayerWorker), true);
      // when
      const context = { ...systemContext('discord'), actor: { kind: 'discord-user' as const, id: '42' } };
      await app
        .get(CommandBus)
        .execute(new EnqueueTracksCommand(GUILD, 'never gonna give you up', { requestedBy: '42' }, context));
      // then: the worker, on its subscription, starts the track
      const store = app.get(EventStore);
      const deadline = Date.now() + 10_000;
      let types: string[] = [];
      while (!types.includes('TrackStarted') && Date.now() < deadline) {
        types = (await store.readStream(playerStreamId(GUILD))).map((e) => e.type);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(types.includes('TrackStarted'), `the worker never started the track: ${types.join(', ')}`);
    } finally {
      await app.close();
    }
  });

  it('given the player worker off, then the HTTP app serves without the Discord door', async () => {
    const app = await createGuildhallApp({ dataDir, logLevel: 'silent', playerWorker: false });
    try {
      await app.init();
      assert.equal(has(app, PlayerWorker), false, 'no Discord door in an HTTP-only process');
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  it('given the player worker on, then one process opens both doors', async () => {
    const app = await createGuildhallApp({ dataDir, logLevel: 'silent', playerWorker: true });
    try {
      await app.init();
      assert.equal(has(app, PlayerWorker), true);
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
