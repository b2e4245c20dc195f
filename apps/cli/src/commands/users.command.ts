import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import {
  ErasePersonalDataCommand,
  Projections,
  systemContext,
  UsageRecordingCommandBus,
  type ErasureResult,
} from '#core';

type WithApp = (work: (app: INestApplicationContext) => Promise<void>) => Promise<void>;

/** The read models that hold personal fields and rewrite them on `PersonalDataErased`. */
const READ_MODELS_WITH_PERSONAL_DATA = ['users', 'bots', 'apikeys'];

/**
 * Forgets the user's key, records the erasure, then brings this data directory's read models past it,
 * so they hold no plaintext even when no server runs (a running server's own projections apply it too).
 */
async function forget(app: INestApplicationContext, userId: string, json: boolean): Promise<void> {
  const result: ErasureResult = await app
    .get(UsageRecordingCommandBus)
    .execute(new ErasePersonalDataCommand(userId, systemContext('cli', 'operator')));
  const projections = app.get(Projections);
  for (const name of READ_MODELS_WITH_PERSONAL_DATA) await projections.catchUp(name);
  projections.scrubWriteAheadLog();
  if (json) {
    const { keysForgotten, position } = result;
    console.log(JSON.stringify({ user_id: userId, keys_forgotten: keysForgotten, position }));
    return;
  }
  console.log(
    `Erased the personal data of user ${userId}: ${result.keysForgotten} key(s) forgotten, ` +
      `recorded at position ${result.position}.`,
  );
}

/** Registers `users forget <id>` on the CLI. */
export function registerUsersCommands(program: Command, withApp: WithApp): void {
  const users = program.command('users').description("manage users' personal data");
  users
    .command('forget')
    .argument('<id>', 'Discord user id')
    .option('--json', 'print one JSON object')
    .description("erase a user's personal data by forgetting their key (cannot be undone)")
    .action((id: string, options: { json?: boolean }) =>
      withApp((app) => forget(app, id, options.json ?? false)),
    );
}
