import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { snowflakeOnShard, startFakeDiscord, type FakeDiscord } from '#test/support/discord/index';
import { eventually, GatewayEvents } from '#test/support/gateway-events';
import {
  freePort,
  issueAdminKeyWithCli,
  startServerProcess,
  type ServerProcess,
} from '#test/support/server-process';

/** A Guildhall process with its Discord door logged in to the local Discord running in this test. */
async function botProcess(discord: FakeDiscord, dataDir: string, env: Record<string, string> = {}) {
  return startServerProcess(dataDir, await freePort(), {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    PLAYER_WORKER: 'off',
    ...env,
  });
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'guildhall-discord-'));

async function getJson<T>(
  server: ServerProcess,
  key: string,
  path: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, body: (await res.json()) as T };
}

describe('two Guildhall processes with shards 0 and 1 of 2', () => {
  let discord: FakeDiscord;
  const dirs = [tempDir(), tempDir()];
  const servers: ServerProcess[] = [];
  after(async () => {
    for (const server of servers) await server.kill('SIGTERM');
    await discord?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('given a guild on each shard, then each process records only the guilds of its shard', async () => {
    discord = await startFakeDiscord();
    const onShard = [snowflakeOnShard(0, 2), snowflakeOnShard(1, 2)];
    onShard.forEach((id, shard) =>
      discord.addGuild({ id, name: `Guild on shard ${shard}`, members: [{ username: `m${shard}` }] }),
    );
    const keys = await Promise.all(dirs.map((dir) => issueAdminKeyWithCli(dir)));
    for (const shard of [0, 1]) {
      servers.push(
        await botProcess(discord, dirs[shard], { DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: String(shard) }),
      );
    }

    for (const shard of [0, 1]) {
      const own = await eventually(
        () => getJson<{ name: string }>(servers[shard], keys[shard], `/v1/servers/${onShard[shard]}`),
        (res) => res.status === 200,
      );
      assert.equal(own.body.name, `Guild on shard ${shard}`);
      const other = await getJson(servers[shard], keys[shard], `/v1/servers/${onShard[1 - shard]}`);
      assert.equal(other.status, 404, `shard ${shard} has no business with the other shard's guild`);
    }
    const identified = discord.gatewayPayloads
      .filter((p) => p.op === 2)
      .map((p) => (p.d as { shard: number[] }).shard);
    assert.deepEqual(identified.sort(), [
      [0, 2],
      [1, 2],
    ]);
  });
});

interface HistoryPage {
  events: { type: string; data: { userId: string } }[];
  next_cursor: number | null;
}

describe('a bot process SIGKILLed during a stream of gateway events', () => {
  let discord: FakeDiscord;
  let server: ServerProcess | undefined;
  const dataDir = tempDir();
  after(async () => {
    await server?.kill('SIGKILL');
    await discord?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function joinedUsers(key: string): Promise<string[]> {
    const users: string[] = [];
    let cursor: number | null = -1;
    while (cursor !== null) {
      const page: HistoryPage = (
        await getJson<HistoryPage>(
          server!,
          key,
          `/v1/servers/${guildId}/events?type=MemberJoined&limit=500&after=${cursor}`,
        )
      ).body;
      users.push(...page.events.map((e) => e.data.userId));
      cursor = page.next_cursor;
    }
    return users;
  }
  let guildId: string;

  it('given joins acknowledged before the kill, then after a restart every one is stored once and the count reconciles', async () => {
    discord = await startFakeDiscord();
    const gateway = new GatewayEvents(discord);
    guildId = discord.addGuild({ name: 'Busy', members: [{ username: 'owner' }] }).id;
    const key = await issueAdminKeyWithCli(dataDir);
    server = await botProcess(discord, dataDir);
    await eventually(
      () => getJson(server!, key, `/v1/servers/${guildId}`),
      (r) => r.status === 200,
    );

    // given: members keep joining; a join is acknowledged once the API shows it
    let stop = false;
    const joining = (async () => {
      for (let i = 0; !stop; i++) {
        gateway.memberJoins(guildId, `joiner${i}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const acknowledged = await eventually(
      () => joinedUsers(key),
      (users) => users.length >= 100,
      20_000,
    );
    assert.ok(acknowledged.length >= 100);

    // when: the process is killed mid-stream, then started again on the same data
    await server.kill('SIGKILL');
    stop = true;
    await joining;
    server = await botProcess(discord, dataDir);

    // then: every acknowledged join is still there, none twice
    const stored = await joinedUsers(key);
    const storedSet = new Set(stored);
    assert.deepEqual(
      acknowledged.filter((user) => !storedSet.has(user)),
      [],
      'acknowledged joins lost',
    );
    assert.equal(storedSet.size, stored.length, 'a join recorded twice');
    // and: the new session's GUILD_CREATE brings the member count to Discord's
    const guild = discord.state.guild(guildId)!;
    const expected = guild.members.size + guild.unlistedMembers;
    const canonical = await eventually(
      () => getJson<{ member_count: number }>(server!, key, `/v1/servers/${guildId}`),
      (r) => r.body.member_count === expected,
    );
    assert.equal(canonical.body.member_count, expected);
  });
});
