import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import {
  IssueApiKeyCommand,
  Projections,
  RecordUserProfileCommand,
  RegisterGuildCommand,
  RevokeApiKeyCommand,
  systemContext,
  type IssueApiKeyOptions,
} from '#core';
import type { GuildProfile } from '#domain';
import type { GuildhallConfig } from '#config';
import { createGuildhallApp } from '#guildhall/guildhall-app';
import { recordResponses } from './contract/response-log';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly dataDir: string;
  registerGuild(guildId: string, profile?: Partial<GuildProfile>): Promise<void>;
  recordUser(userId: string, username: string, roles: string[]): Promise<void>;
  /** Issues a key and waits until the key read model knows it; returns the plaintext key and its id. */
  issueKey(ownerId: string, options?: IssueApiKeyOptions): Promise<{ key: string; keyId: string }>;
  revokeKey(keyId: string): Promise<void>;
  close(): Promise<void>;
}

export const HEXIFY_PROFILE: GuildProfile = {
  name: 'My Discord Server',
  ownerId: '210987654321098765',
  memberCount: 1250,
  botCount: 12,
  onlineCount: 640,
  premium: true,
  features: ['music', 'moderation', 'analytics'],
};

/** The real application on a fresh data directory, reached in-process through Fastify's inject. */
export async function startTestApp(overrides: Partial<GuildhallConfig> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-e2e-'));
  const app = await createGuildhallApp({ dataDir, logLevel: 'silent', ...overrides });
  recordResponses(app.getHttpAdapter().getInstance());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    dataDir,
    async registerGuild(guildId, profile = {}) {
      const context = systemContext('system', 'test');
      const command = new RegisterGuildCommand(guildId, { ...HEXIFY_PROFILE, ...profile }, context);
      const result = await app.get(CommandBus).execute(command);
      if (result.position !== undefined) await app.get(Projections).waitFor('guilds', result.position, 5_000);
    },
    async recordUser(userId, username, roles) {
      const result = await app
        .get(CommandBus)
        .execute(new RecordUserProfileCommand(userId, { username, roles }, systemContext('system', 'test')));
      if (result.position !== undefined) await app.get(Projections).waitFor('users', result.position, 5_000);
    },
    async issueKey(ownerId, options = {}) {
      const issued = await app
        .get(CommandBus)
        .execute(new IssueApiKeyCommand(ownerId, options, systemContext('cli', 'test')));
      await app.get(Projections).waitFor('apikeys', issued.position, 5_000);
      return { key: issued.key, keyId: issued.keyId };
    },
    async revokeKey(keyId) {
      const result = await app
        .get(CommandBus)
        .execute(new RevokeApiKeyCommand(keyId, systemContext('cli', 'test')));
      if (result.position !== undefined)
        await app.get(Projections).waitFor('apikeys', result.position, 5_000);
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
