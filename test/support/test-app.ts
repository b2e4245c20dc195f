import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { RegisterGuildCommand, systemContext } from '#core';
import type { GuildProfile } from '#domain';
import type { GuildhallConfig } from '#config';
import { createApiApp } from '#api/create-api-app';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly dataDir: string;
  registerGuild(guildId: string, profile?: Partial<GuildProfile>): Promise<void>;
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
  const app = await createApiApp({ dataDir, logLevel: 'silent', ...overrides });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    dataDir,
    async registerGuild(guildId, profile = {}) {
      await app
        .get(CommandBus)
        .execute(
          new RegisterGuildCommand(
            guildId,
            { ...HEXIFY_PROFILE, ...profile },
            systemContext('system', 'test'),
          ),
        );
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
