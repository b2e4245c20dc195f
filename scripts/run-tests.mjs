// Runs every compiled test under dist/ with Node's own test runner, then checks every response the
// tests received against the OpenAPI document (test/contract): one the document does not describe
// fails the run.
// Usage: node scripts/run-tests.mjs [substring…]   (only files whose path contains one of the substrings)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.js$/;
const filters = process.argv.slice(2);

function collect(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (TEST_FILE.test(entry)) out.push(path);
  }
  return out;
}

const files = collect('dist')
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error('No test files found under dist/ — run `npm run build` first.');
  process.exit(1);
}
// Each test process (and each server process a test starts) appends the responses it sent here.
const contractLog = mkdtempSync(join(tmpdir(), 'guildhall-contract-'));
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', GUILDHALL_CONTRACT_LOG: contractLog } },
);
const contract = spawnSync(
  process.execPath,
  ['--enable-source-maps', 'dist/test/contract/check-recorded-responses.js', contractLog],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
rmSync(contractLog, { recursive: true, force: true });
process.exit((result.status ?? 1) || (contract.status ?? 1));
