import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyAuthenticator } from '#core';
import { SqliteEventStore } from '#eventstore';
import { ApiKeysReadModel, openReadModelDb } from '#projections';
import { runCli } from '../support/server-process';

const OWNER = '210987654321098765';
const GUILD = '766045633697021973';

interface IssuedJson {
  key_id: string;
  key: string;
  owner_id: string;
  tier: string;
  scopes: string[];
  guild_id: string | null;
  label: string | null;
  position: number;
}

describe('keys CLI, run as its own process on a temporary DATA_DIR', () => {
  let dataDir: string;
  const cli = (...args: string[]) => runCli(dataDir, ['keys', ...args]);
  const plaintexts: string[] = [];
  let guildKey: IssuedJson;

  /** What the HTTP guard would answer for `key`, from the read model the CLI keeps. */
  async function authenticate(key: string) {
    const db = openReadModelDb({ dataDir });
    try {
      return await new ApiKeyAuthenticator(new ApiKeysReadModel(db), {
        dataDir,
        demoKeys: 'auto',
      }).authenticate(key);
    } finally {
      db.close();
    }
  }

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-keys-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given a user and a guild, when `keys issue --json` runs, then one JSON object carries the key, once', async () => {
    const { code, stdout, stderr } = await cli(
      'issue',
      '--user',
      OWNER,
      '--guild',
      GUILD,
      '--tier',
      'premium',
      '--scope',
      'bot:42',
      '--scope',
      'admin',
      '--label',
      'dashboard',
      '--json',
    );
    assert.equal(code, 0, stderr);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    guildKey = JSON.parse(lines[0]) as IssuedJson;
    plaintexts.push(guildKey.key);
    assert.match(guildKey.key, new RegExp(`^ghk_${guildKey.key_id}_[0-9A-Za-z]{43}$`));
    assert.deepEqual(
      [guildKey.owner_id, guildKey.guild_id, guildKey.tier, guildKey.scopes, guildKey.label],
      [OWNER, GUILD, 'premium', ['admin', 'bot:42'], 'dashboard'],
    );
  });

  it('given a user, when `keys issue` runs without --json, then the key is printed exactly once with a warning', async () => {
    const { code, stdout } = await cli('issue', '--user', OWNER);
    assert.equal(code, 0);
    const keys = stdout.match(/ghk_[0-9a-z]{16}_[0-9A-Za-z]+/g) ?? [];
    assert.equal(keys.length, 1);
    plaintexts.push(keys[0]);
    assert.match(stdout, /shown only once/);
  });

  it('given two keys, when `keys list --user --json` runs, then both are listed without any secret or hash', async () => {
    const { code, stdout } = await cli('list', '--user', OWNER, '--json');
    assert.equal(code, 0);
    const { keys } = JSON.parse(stdout) as { keys: Record<string, unknown>[] };
    assert.deepEqual(
      keys.map((k) => k.key_id),
      plaintexts.map((p) => p.slice(4, 20)),
    );
    assert.deepEqual(Object.keys(keys[0]).sort(), [
      'guild_id',
      'issued_at',
      'key_id',
      'label',
      'owner_id',
      'revision',
      'revoke_reason',
      'revoked_at',
      'scopes',
      'tier',
    ]);
    for (const plaintext of plaintexts) assert.ok(!stdout.includes(plaintext.slice(21)));
  });

  it('given the listed keys, when the guard checks the issued key, then it authenticates as its owner and guild', async () => {
    const principal = await authenticate(guildKey.key);
    assert.deepEqual(principal, {
      keyId: guildKey.key_id,
      ownerId: OWNER,
      tier: 'premium',
      scopes: ['admin', 'bot:42'],
      guildId: GUILD,
    });
  });

  it('given an active key, when `keys revoke` runs twice, then it is revoked once and the second run says so', async () => {
    const first = await cli('revoke', guildKey.key_id, '--reason', 'rotated');
    assert.deepEqual([first.code, first.stdout.trim()], [0, `revoked ${guildKey.key_id}`]);
    const second = await cli('revoke', guildKey.key_id);
    assert.deepEqual([second.code, second.stdout.trim()], [0, `${guildKey.key_id} was already revoked`]);
    const { stdout } = await cli('list');
    assert.match(stdout, /│ key id +│ owner +│ tier +│ guild +│ scopes +│ status +│ label +│/);
    assert.match(stdout, new RegExp(`│ ${guildKey.key_id} +│ ${OWNER} +│ premium .*│ revoked \\d{4}-`));
    assert.equal(await authenticate(guildKey.key), null);
  });

  it('given --version, then the CLI prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = await runCli(dataDir, [flag]);
      assert.deepEqual([run.code, run.stdout], [0, `${version}\n`]);
    }
  });

  it('given bad input, when keys commands run, then they exit 1 with a message naming the problem', async () => {
    const unknown = await cli('revoke', 'ffffffffffffffff');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /does not exist/);
    const tier = await cli('issue', '--user', OWNER, '--tier', 'gold');
    assert.equal(tier.code, 1);
    assert.match(tier.stderr, /unknown tier "gold"/);
    const scope = await cli('issue', '--user', OWNER, '--scope', 'owner');
    assert.match(scope.stderr, /unknown scope "owner"/);
    const missing = await cli('issue');
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /--user/);
  });

  it('given every key the CLI issued, when every stored event is scanned, then no plaintext key or secret is there', async () => {
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      const events = await store.readAll({ maxCount: 10_000 });
      assert.ok(events.some((e) => e.type === 'ApiKeyIssued'));
      const stored = events.map((e) => JSON.stringify(e)).join('\n');
      for (const plaintext of plaintexts) {
        assert.ok(!stored.includes(plaintext), 'a plaintext key is in the event store');
        assert.ok(!stored.includes(plaintext.slice(21)), 'a key secret is in the event store');
      }
    } finally {
      await store.close();
    }
  });
});
