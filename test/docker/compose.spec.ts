import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  restart?: string;
  env_file?: string | string[];
  environment?: Record<string, string | number>;
  command?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync('docker/compose.yaml', 'utf8')) as { services: Record<string, Service> };
const { services } = compose;
const SECRET = /password|token|secret|requirepass/i;

describe('docker/compose.yaml', () => {
  it('runs KurrentDB (not the retired eventstore/eventstore image), ClickHouse, Redis and Guildhall, each at a pinned version', () => {
    assert.deepEqual(Object.keys(services).sort(), ['clickhouse', 'guildhall', 'kurrentdb', 'redis']);
    assert.match(
      services.kurrentdb.image!,
      /^(kurrentplatform\/kurrentdb|docker\.kurrent\.io\/kurrent-[a-z]+\/kurrentdb):\d+\.\d+/,
    );
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      assert.match(service.image!, /:\d+(\.\d+)*(-alpine)?$/, `${name} is pinned to a version, not latest`);
    }
    assert.match(services.guildhall.environment!.EVENTSTORE_URL as string, /^kurrentdb:\/\/kurrentdb:2113\b/);
  });

  it('restarts every service unless stopped, and checks each one, Guildhall on /health/ready', () => {
    for (const [name, service] of Object.entries(services)) {
      assert.equal(service.restart, 'unless-stopped', name);
      assert.ok(service.healthcheck?.test.length, `${name} has a healthcheck`);
    }
    assert.match(services.guildhall.healthcheck!.test.join(' '), /\/health\/ready/);
    assert.deepEqual(
      Object.entries(services.guildhall.depends_on!)
        .map(([name, { condition }]) => `${name}:${condition}`)
        .sort(),
      ['clickhouse:service_healthy', 'kurrentdb:service_healthy', 'redis:service_healthy'],
    );
  });

  it('takes every credential from docker/.env: no password or token is written in the file', () => {
    assert.equal(services.guildhall.env_file, '.env');
    const values = Object.values(services).flatMap((service) => [
      ...Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]),
      // An argument is named by the one before it (`--requirepass <password>`).
      ...(service.command ?? []).map((arg, i, args) => [args[i - 1] ?? 'command', arg]),
    ]);
    let urlsWithCredentials = 0;
    for (const [key, value] of values) {
      if (SECRET.test(key))
        assert.match(value, /^\$\{[A-Z_]+:\?[^}]+\}$/, `${key} comes from .env, required`);
      // A URL's credentials too: user and password are interpolations.
      const credentials = /^[a-z]+:\/\/(.*)@[^@]*$/.exec(value)?.[1];
      if (credentials === undefined) continue;
      urlsWithCredentials++;
      assert.match(credentials, /^(\$\{[^}]+\})?:\$\{[A-Z_]+:\?[^}]+\}$/, `${key}: ${value}`);
    }
    assert.equal(urlsWithCredentials, 2, 'CLICKHOUSE_URL and REDIS_URL carry their credentials');
  });

  it('given docker/.env.example, then it names every variable the file requires, with no secret filled in', () => {
    const example = readFileSync('docker/.env.example', 'utf8');
    const required = new Set(
      [...readFileSync('docker/compose.yaml', 'utf8').matchAll(/\$\{([A-Z_]+):[?-]/g)].map((m) => m[1]),
    );
    const lines = new Map(
      example
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => line.split('=', 2) as [string, string]),
    );
    for (const name of required) assert.ok(lines.has(name), `${name} in .env.example`);
    for (const [name, value] of lines)
      if (SECRET.test(name)) assert.equal(value, '', `${name} is left empty`);
    assert.match(readFileSync('.gitignore', 'utf8'), /^\.env$/m, '.env is never committed');
  });
});
