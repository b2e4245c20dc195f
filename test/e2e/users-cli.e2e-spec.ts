import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/server-process';

const USER = '437086154215391233';
const LABEL = 'Zephyrine laptop';
const MASTER_KEY = 'ab'.repeat(32);

const rawDataDir = (dir: string): Buffer =>
  Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name))),
  );

describe('users CLI: forgetting a user, as its own process on a temporary DATA_DIR', () => {
  let dataDir: string;
  const cli = (...args: string[]) => runCli(dataDir, args, { PERSONAL_DATA_MASTER_KEY: MASTER_KEY });
  const labels = async () =>
    (
      JSON.parse((await cli('keys', 'list', '--user', USER, '--json')).stdout) as {
        keys: { label: string }[];
      }
    ).keys.map((k) => k.label);

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-users-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given a key with a label, when `users forget` runs, then the label reads erased and no file holds it', async () => {
    // given
    assert.equal((await cli('keys', 'issue', '--user', USER, '--label', LABEL, '--json')).code, 0);
    assert.deepEqual(await labels(), [LABEL]);
    // when
    const { code, stdout, stderr } = await cli('users', 'forget', USER, '--json');
    // then
    assert.equal(code, 0, stderr);
    const body = JSON.parse(stdout) as { user_id: string; keys_forgotten: number; position: number };
    assert.deepEqual([body.user_id, body.keys_forgotten], [USER, 1]);
    assert.ok(Number.isInteger(body.position));
    assert.deepEqual(await labels(), ['[erased]']);
    assert.equal(rawDataDir(dataDir).includes('Zephyrine'), false);
    // The configured master key is used: none is generated into the data directory.
    assert.equal(existsSync(join(dataDir, 'personal-data.key')), false);
  });

  it('given an id that is not a snowflake, when `users forget` runs, then it fails naming id', async () => {
    const { code, stderr } = await cli('users', 'forget', 'abc');
    assert.notEqual(code, 0);
    assert.match(stderr, /\bid\b/);
  });

  it('given a malformed master key, when the CLI starts, then it fails naming the variable', async () => {
    const { code, stderr } = await runCli(dataDir, ['users', 'forget', USER], {
      PERSONAL_DATA_MASTER_KEY: 'short',
    });
    assert.notEqual(code, 0);
    assert.match(stderr, /PERSONAL_DATA_MASTER_KEY/);
  });
});
