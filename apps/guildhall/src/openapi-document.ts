import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createGuildhallApp } from './guildhall-app';

/**
 * The OpenAPI document exactly as this build serves it at /docs/openapi.json, from an app started on
 * a throw-away data directory and asked over inject (nothing listens). `npm run openapi:write` and the
 * contract check of the test run read it here.
 */
export async function servedOpenApiDocument(): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-openapi-'));
  const app = await createGuildhallApp({ dataDir, logLevel: 'silent' });
  try {
    await app.init();
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /docs/openapi.json answered ${res.statusCode}`);
    return res.json<OpenAPIObject>();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
