import type { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Command } from 'commander';
import {
  ChangeApiKeyScopesCommand,
  ChangeApiKeyTierCommand,
  IssueApiKeyCommand,
  ListApiKeysQuery,
  Projections,
  RevokeApiKeyCommand,
  systemContext,
  UsageRecordingCommandBus,
  type CommandResult,
  type IssuedApiKey,
} from '#core';
import type { ApiKeyView } from '#projections';
import { table } from './table';

type WithApp = (work: (app: INestApplicationContext) => Promise<void>) => Promise<void>;

interface IssueOptions {
  user: string;
  guild?: string;
  tier?: string;
  scope: string[];
  label?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const context = () => systemContext('cli', 'operator');

/** Issues a key and prints it, the only time it is ever shown. */
async function issueKey(commandBus: UsageRecordingCommandBus, options: IssueOptions): Promise<void> {
  const issued: IssuedApiKey = await commandBus.execute(
    new IssueApiKeyCommand(
      options.user,
      { guildId: options.guild ?? null, tier: options.tier, scopes: options.scope, label: options.label },
      context(),
    ),
  );
  if (options.json) {
    const { keyId, key, ownerId, tier, scopes, guildId, label, position } = issued;
    console.log(
      JSON.stringify({
        key_id: keyId,
        key,
        owner_id: ownerId,
        tier,
        scopes,
        guild_id: guildId,
        label,
        position,
      }),
    );
    return;
  }
  const bound = issued.guildId ? `guild ${issued.guildId}` : 'account key';
  console.log(
    `Issued API key ${issued.keyId} to user ${issued.ownerId} (${issued.tier}, ` +
      `scopes: ${issued.scopes.join(' ') || 'none'}, ${bound})`,
  );
  console.log(issued.key);
  console.log('Store it now: it is shown only once, and only its hash is kept.');
}

const toJson = (k: ApiKeyView) => ({
  key_id: k.keyId,
  owner_id: k.ownerId,
  tier: k.tier,
  scopes: k.scopes,
  guild_id: k.guildId,
  label: k.label,
  issued_at: k.issuedAt,
  revoked_at: k.revokedAt,
  revoke_reason: k.revokeReason,
  revision: k.revision,
});

/** The keys as a table, one row each, never with a secret or a hash. */
export const keysTable = (keys: readonly ApiKeyView[]): string =>
  table(
    ['key id', 'owner', 'tier', 'guild', 'scopes', 'status', 'label'],
    keys.map((k) => [
      k.keyId,
      k.ownerId,
      k.tier,
      k.guildId ?? '-',
      k.scopes.join(' ') || '-',
      k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
      k.label ?? '',
    ]),
  );

/** Lists keys (never their secrets) after bringing the read model up to the store's head. */
async function listKeys(app: INestApplicationContext, options: { user?: string; json?: boolean }) {
  await app.get(Projections).catchUp('apikeys');
  const keys: ApiKeyView[] = await app.get(QueryBus).execute(new ListApiKeysQuery(options.user));
  if (options.json) console.log(JSON.stringify({ keys: keys.map(toJson) }));
  else if (keys.length === 0) console.log('no API keys');
  else console.log(keysTable(keys));
}

/** Commands that change nothing (revoking twice, the same tier) succeed quietly: say so. */
const report = (result: CommandResult, done: string, unchanged: string): void =>
  console.log(result.eventTypes.length > 0 ? done : unchanged);

/** Registers `keys issue|list|revoke|tier|scopes` on the CLI. */
export function registerKeysCommands(program: Command, withApp: WithApp): void {
  const keys = program.command('keys').description('issue, list and revoke API keys');
  keys
    .command('issue')
    .description('issue a key and print it once')
    .requiredOption('--user <id>', 'Discord user id of the owner')
    .option('--guild <id>', 'bind the key to this guild only')
    .option('--tier <tier>', 'free, premium or enterprise', 'free')
    .option('--scope <scope>', 'admin or bot:<botId>; repeatable', collect, [])
    .option('--label <label>', 'a note for the owner, up to 100 characters')
    .option('--json', 'print one JSON object')
    .action((options: IssueOptions) =>
      withApp((app) => issueKey(app.get(UsageRecordingCommandBus), options)),
    );
  keys
    .command('list')
    .description('list keys without their secrets')
    .option('--user <id>', 'only the keys of this owner')
    .option('--json', 'print one JSON object')
    .action((options: { user?: string; json?: boolean }) => withApp((app) => listKeys(app, options)));
  keys
    .command('revoke')
    .argument('<keyId>', 'the 16-character key id')
    .option('--reason <reason>', 'why, for the audit trail')
    .description('revoke a key for good')
    .action((keyId: string, options: { reason?: string }) =>
      withApp(async (app) => {
        const command = new RevokeApiKeyCommand(keyId, context(), { reason: options.reason });
        report(
          await app.get(UsageRecordingCommandBus).execute(command),
          `revoked ${keyId}`,
          `${keyId} was already revoked`,
        );
      }),
    );
  keys
    .command('tier')
    .argument('<keyId>')
    .argument('<tier>', 'free, premium or enterprise')
    .description("change a key's rate-limit tier")
    .action((keyId: string, tier: string) =>
      withApp(async (app) => {
        const command = new ChangeApiKeyTierCommand(keyId, tier, context());
        report(
          await app.get(UsageRecordingCommandBus).execute(command),
          `${keyId} is now ${tier}`,
          `${keyId} was already ${tier}`,
        );
      }),
    );
  keys
    .command('scopes')
    .argument('<keyId>')
    .argument('[scopes...]', 'admin or bot:<botId>; none clears them')
    .description("replace a key's scopes")
    .action((keyId: string, scopes: string[]) =>
      withApp(async (app) => {
        const command = new ChangeApiKeyScopesCommand(keyId, scopes, context());
        report(
          await app.get(UsageRecordingCommandBus).execute(command),
          `scopes of ${keyId} set`,
          `${keyId} already had these scopes`,
        );
      }),
    );
}
