import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOCKERFILE = readFileSync('docker/Dockerfile', 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments dropped, by stage. */
function stages(text: string): string[][] {
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const result: string[][] = [];
  for (const instruction of instructions) {
    if (instruction.startsWith('FROM ')) result.push([]);
    result.at(-1)!.push(instruction);
  }
  return result;
}

describe('docker/Dockerfile', () => {
  const [deps, build, runtime] = stages(DOCKERFILE);

  it('given the linter at its strictest, then it finds nothing; given a broken file, then it does', () => {
    // The script `npm run lint` runs, not a copy of its rules.
    const lint = (file: string) =>
      spawnSync(process.execPath, ['scripts/lint-dockerfile.mjs', file], { encoding: 'utf8' });
    const clean = lint('docker/Dockerfile');
    assert.equal(clean.status, 0, clean.stderr);
    const dir = mkdtempSync(join(tmpdir(), 'dockerfile-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:24\nMAINTAINER x\nCMD a\nCMD b\n');
    const broken = lint(join(dir, 'Dockerfile'));
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /^2 Dockerfile problem\(s\)$/m, broken.stderr);
  });

  it('installs from the lock file with npm ci, the runtime dependencies without dev ones', () => {
    const installs = DOCKERFILE.split('\n').filter((line) => /\bnpm (ci|install|i)\b/.test(line));
    assert.ok(installs.length >= 2 && installs.every((line) => /\bnpm ci\b/.test(line)), installs.join('\n'));
    assert.ok(deps.includes('RUN npm ci --omit=dev --no-audit --no-fund'), deps.join('\n'));
    assert.ok(runtime.includes('COPY --from=deps /app/node_modules ./node_modules'));
  });

  it('builds with the production tsconfig and copies no tests, benchmarks or scripts into any stage', () => {
    assert.ok(build.includes('RUN npm run build:prod'));
    const copies = [...deps, ...build, ...runtime].filter((line) => line.startsWith('COPY '));
    assert.deepEqual(
      copies.filter((line) => /\b(test|bench|scripts)\b/.test(line)),
      [],
    );
  });

  it('runs as the node user, with a liveness check on /health/live', () => {
    assert.ok(runtime.includes('USER node'));
    const healthcheck = runtime.find((line) => line.startsWith('HEALTHCHECK '));
    assert.match(healthcheck ?? '', /\/health\/live/);
    assert.equal(runtime.at(-1), 'CMD ["node", "dist/apps/guildhall/src/main.js"]');
  });

  it('given tsconfig.prod.json, then the files it compiles include no test, harness or benchmark', () => {
    const files = execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.prod.json', '--listFilesOnly'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((file) => file.startsWith(process.cwd()) && !file.includes('/node_modules/'));
    assert.ok(
      files.some((file) => file.endsWith('apps/guildhall/src/main.ts')),
      'the server entry point',
    );
    assert.ok(
      files.some((file) => file.endsWith('apps/cli/src/main.ts')),
      'the CLI entry point',
    );
    const strays = files.filter((file) =>
      /(\.spec\.ts|-spec\.ts|\/testing\/|testing-app\.ts|\/test\/|\/bench\/)/.test(file),
    );
    assert.deepEqual(strays, []);
  });
});

describe('package-lock.json', () => {
  it('names every optional dependency of every locked package, so npm ci accepts it on any platform', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter(
          (name) => !lock.packages[`node_modules/${name}`] && !lock.packages[`${path}/node_modules/${name}`],
        )
        .map((name) => `${path || '(root)'} → ${name}`),
    );
    assert.deepEqual(missing, []);
  });
});
