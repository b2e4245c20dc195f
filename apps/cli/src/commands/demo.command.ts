import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#domain';
import type { EventStore } from '#eventstore';
import {
  ChangeSettingsCommand,
  IssueApiKeyCommand,
  RecordUserProfileCommand,
  RegisterGuildCommand,
  deriveApiKey,
  systemContext,
  type CommandResult,
  type UsageRecordingCommandBus,
} from '#core';
import { DEMO_BOTS, loadDemoBots } from '../demo/demo-bots';
import { DEMO_GUILDS } from '../demo/demo-dataset';
import { loadDemoHistory } from '../demo/demo-history';
import { DEMO_KEYS, DEMO_USERS } from '../demo/demo-keys';
import { loadDemoPlayers } from '../demo/demo-music';

/**
 * The demo keys' secrets come from a random seed kept in the data directory, so every run prints
 * the same keys without storing them, and no two installations share a key. Anyone who can read the
 * seed can derive every demo key, so the seed also marks the directory as a demo one: a server accepts
 * demo keys only there (`DEMO_KEYS=auto`), and the demo refuses to turn a directory that already holds
 * other events into one, unless forced.
 */
async function demoSeed(dataDir: string, store: EventStore, force: boolean): Promise<Buffer> {
  const file = join(dataDir, 'demo-seed');
  if (!existsSync(file)) {
    if (!force && (await store.headPosition()) >= 0) {
      throw new Error(
        `${dataDir} holds events but is not a demo data directory (no demo-seed); load the demo into a fresh DATA_DIR, or run "demo --force" to make this one a demo directory whose demo keys anyone reading demo-seed can derive`,
      );
    }
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/**
 * Loads the demo dataset through the command bus, like any other door. Running it again changes
 * nothing: unchanged registrations decide no events and issued keys are recognised by their ids.
 * The last line printed is one JSON object whose `keys` maps each seed to a working key.
 */
export async function runDemo(
  commandBus: UsageRecordingCommandBus,
  store: EventStore,
  dataDir: string,
  { force = false } = {},
): Promise<void> {
  const context = systemContext('cli', 'demo');
  // First: the seed marks the directory as a demo one before the demo writes anything into it.
  const seed = await demoSeed(dataDir, store, force);
  let written = 0;
  const count = (result: CommandResult) => (written += result.eventTypes.length);
  // Before the guilds: a new guild's registration there must already include the history's joins.
  const history = await loadDemoHistory(commandBus, store, DEMO_GUILDS, context);
  written += history;
  if (history > 0) console.log(`${'hexify'.padEnd(14)} usage history: ${history} events (analytics example)`);
  for (const guild of DEMO_GUILDS) {
    count(await commandBus.execute(new RegisterGuildCommand(guild.guildId, guild.profile, context)));
    if (guild.settings) {
      count(await commandBus.execute(new ChangeSettingsCommand(guild.guildId, guild.settings, context)));
    }
    console.log(`${guild.seed.padEnd(14)} guild ${guild.guildId} "${guild.profile.name}"`);
  }
  for (const user of DEMO_USERS) {
    count(await commandBus.execute(new RecordUserProfileCommand(user.userId, user, context)));
    console.log(`${'hush'.padEnd(14)} user ${user.userId} "${user.username}"`);
  }
  written += await loadDemoBots(commandBus, context);
  written += await loadDemoPlayers(commandBus, store, context);
  const keys: Record<string, string> = {};
  for (const demo of DEMO_KEYS) {
    const { key } = deriveApiKey(seed, demo.keyId);
    try {
      await commandBus.execute(new IssueApiKeyCommand(demo.ownerId, { ...demo, key, demo: true }, context));
      written++;
    } catch (error) {
      // Already issued by an earlier run: the same seed derives the same key.
      if (!(error instanceof DomainError && error.reason === 'conflict')) throw error;
    }
    keys[demo.seed] = key;
    console.log(
      `${demo.seed.padEnd(14)} key ${demo.keyId} (${demo.tier}${demo.scopes.length ? `, ${demo.scopes.join(' ')}` : ''}${demo.guildId ? `, guild ${demo.guildId}` : ''})`,
    );
  }
  console.log(`${written} events written`);
  console.log(
    JSON.stringify({
      guilds: DEMO_GUILDS.map((g) => g.guildId),
      bots: DEMO_BOTS.map((b) => b.botId),
      events_written: written,
      keys,
    }),
  );
}
