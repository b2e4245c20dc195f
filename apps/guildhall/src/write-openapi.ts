import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { servedOpenApiDocument } from './openapi-document';

/** `npm run openapi:write [-- <file>]`: the served OpenAPI document, written to a file (dist/openapi.json). */
async function main(file = 'dist/openapi.json'): Promise<void> {
  const document = await servedOpenApiDocument();
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  console.warn(`OpenAPI document written to ${file}`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
