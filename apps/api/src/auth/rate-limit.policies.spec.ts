import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiKeyPrincipal } from '#core';
import { HUSH_POLICY, rateLimitChecks, type LimitedRequest } from './rate-limit.policies';

const key = (tier: ApiKeyPrincipal['tier']): ApiKeyPrincipal => ({
  keyId: 'k1',
  ownerId: '1',
  tier,
  scopes: [],
  guildId: null,
});
const request = (overrides: Partial<LimitedRequest>): LimitedRequest => ({
  dialect: 'hexify',
  params: {},
  ip: '127.0.0.1',
  key: key('free'),
  routeLimit: undefined,
  ...overrides,
});
const summary = (r: LimitedRequest) =>
  rateLimitChecks(r).map((c) => `${c.key} ${c.policy.limit}/${c.policy.windowSeconds}`);

describe('rateLimitChecks', () => {
  it('given Hexify keys of each tier, then the hourly account budget follows the tier', () => {
    assert.deepEqual(summary(request({ key: key('free') })), ['account:k1 100/3600']);
    assert.deepEqual(summary(request({ key: key('premium') })), ['account:k1 1000/3600']);
    assert.deepEqual(summary(request({ key: key('enterprise') })), ['account:k1 10000/3600']);
  });

  it('given Hush server stats, then the per-server limit and the account budget both apply', () => {
    const r = request({
      dialect: 'hush',
      params: { id: '123456' },
      routeLimit: { policy: HUSH_POLICY, perParam: 'id' },
    });
    assert.deepEqual(summary(r), ['hush:per-server:id:123456 60/60', 'account:k1 100/3600']);
  });

  it('given a Hush route without a server, then the 60/min counts per key', () => {
    assert.deepEqual(summary(request({ dialect: 'hush', params: { id: '42' } })), [
      'hush:key:k1 60/60',
      'account:k1 100/3600',
    ]);
  });

  it('given BotNexus, then standard keys get 120/min and enterprise 500/min, and no hourly budget', () => {
    assert.deepEqual(summary(request({ dialect: 'botnexus', key: key('free') })), ['botnexus:key:k1 120/60']);
    assert.deepEqual(summary(request({ dialect: 'botnexus', key: key('enterprise') })), [
      'botnexus:key:k1 500/60',
    ]);
  });

  it('given a Bots on Discord route, then only its per-bot route limit applies', () => {
    const r = request({
      dialect: 'bod',
      params: { id: '125367104336691200' },
      routeLimit: { policy: { name: 'guild-count', limit: 2, windowSeconds: 240 }, perParam: 'id' },
    });
    assert.deepEqual(summary(r), ['bod:guild-count:id:125367104336691200 2/240']);
  });

  it('given an anonymous request outside Elixir (health), then no limit applies', () => {
    assert.deepEqual(summary(request({ dialect: 'canonical', key: undefined })), []);
  });

  it('given an anonymous Elixir read, then it is limited per client address', () => {
    assert.deepEqual(summary(request({ dialect: 'elixir', key: undefined, ip: '10.0.0.9' })), [
      'elixir:ip:10.0.0.9 300/60',
    ]);
  });
});
