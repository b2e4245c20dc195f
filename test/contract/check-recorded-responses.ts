import 'reflect-metadata';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { servedOpenApiDocument } from '#guildhall/openapi-document';
import type { RecordedResponse } from '../support/contract/response-log';
import { ResponseContract } from './response-contract';

/**
 * The last step of `npm test` (scripts/run-tests.mjs): every response the test processes recorded is
 * checked against the OpenAPI document this build serves. Any response the document does not describe
 * fails the run, naming the test file, the request and what differs.
 */
async function main(dir: string): Promise<number> {
  const records = readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as RecordedResponse);
  const contract = new ResponseContract(await servedOpenApiDocument());
  const failures = new Map<string, RecordedResponse>();
  const covered = new Set<string>();
  let checked = 0;
  for (const record of records) {
    const operation = contract.operationOf(record);
    if (operation === undefined) continue;
    checked++;
    if (typeof operation !== 'string') covered.add(`${record.method} ${operation.path}`);
    for (const problem of contract.check(record)) {
      const key = `${record.method} ${record.route ?? record.url} ${record.status}: ${problem}`;
      if (!failures.has(key)) failures.set(key, record);
    }
  }
  const operations = contract.operations();
  console.log(
    `OpenAPI contract: ${checked} responses checked against the document; ` +
      `${covered.size} of ${operations.length} operations exercised, ${failures.size} problems`,
  );
  const idle = operations.filter((operation) => !covered.has(operation));
  if (idle.length > 0) console.log(`  not exercised by the tests run: ${idle.join(', ')}`);
  for (const [problem, record] of failures) {
    console.error(
      `  ✗ ${problem}\n      ${record.method} ${record.url} in ${record.source}\n      body: ${(record.body ?? '').slice(0, 300)}`,
    );
  }
  return failures.size === 0 ? 0 : 1;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
