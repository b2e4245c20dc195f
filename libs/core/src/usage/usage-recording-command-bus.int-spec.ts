import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '#config';
import { DomainError, usageStreamId } from '#domain';
import { EventStore } from '#eventstore';
import type { CommandContext } from '../command-handling/command-context';
import { systemContext } from '../command-handling/command-context';
import { CoreModule } from '../core.module';
import { ChangeSettingsCommand } from '../guild/change-settings/change-settings.command';
import { RegisterGuildCommand } from '../guild/register-guild/register-guild.command';
import { UsageRecordingCommandBus } from './usage-recording-command-bus';

const GUILD = '123456789012345678';
const OWNER = '210987654321098765';
const byKey: CommandContext = {
  actor: { kind: 'apikey', id: 'key-1' },
  door: 'rest',
  correlationId: 'corr-1',
  causationId: null,
  onBehalfOf: OWNER,
};

describe('UsageRecordingCommandBus', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-usage-'));
  let app: INestApplicationContext;
  let bus: UsageRecordingCommandBus;
  const usage = async (guildId: string) => app.get(EventStore).readStream(usageStreamId(guildId));

  before(async () => {
    @Module({
      imports: [
        ConfigModule.forRoot({ dataDir, runProjections: false, logLevel: 'silent' }),
        CoreModule.forRoot({ serving: false }),
      ],
    })
    class UsageTestModule {}
    app = await NestFactory.createApplicationContext(UsageTestModule, { logger: false });
    bus = app.get(UsageRecordingCommandBus);
    const profile = { name: 'Guild', ownerId: OWNER, memberCount: 10, botCount: 1, onlineCount: 5 };
    await bus.execute(
      new RegisterGuildCommand(GUILD, { ...profile, premium: false, features: [] }, systemContext()),
    );
  });
  after(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a command the domain refuses, when a key runs it, then it is refused and no usage is recorded', async () => {
    await assert.rejects(
      bus.execute(new ChangeSettingsCommand(GUILD, {}, byKey)),
      (error: unknown) => error instanceof DomainError && error.code === 'empty_changes',
    );
    assert.deepEqual(await usage(GUILD), []);
  });

  it('given then an accepted command, when a key runs it, then exactly one invocation is recorded, after it', async () => {
    const result = await bus.execute(new ChangeSettingsCommand(GUILD, { prefix: '?' }, byKey));
    const recorded = await usage(GUILD);
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0].type, 'CommandInvoked');
    assert.ok(recorded[0].position > result.position!, 'recorded after the command was stored');
    assert.deepEqual(
      { ...(recorded[0].data as object), at: undefined },
      {
        guildId: GUILD,
        name: 'settings',
        category: 'utility',
        userId: OWNER,
        actor: 'apikey:key-1',
        door: 'rest',
        at: undefined,
      },
    );
  });

  it("given the system's own command, when it runs, then it is not usage", async () => {
    await bus.execute(new ChangeSettingsCommand(GUILD, { prefix: '!' }, systemContext('cli')));
    assert.equal((await usage(GUILD)).length, 1);
  });
});
