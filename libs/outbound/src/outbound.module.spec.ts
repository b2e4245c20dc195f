import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadOutboundConfig } from '#config';
import { guardFromConfig } from './outbound.module';

describe('guardFromConfig', () => {
  it('given OUTBOUND_ALLOWED_HOSTS, then the guard exempts exactly those hosts', () => {
    const guard = guardFromConfig(loadOutboundConfig({ OUTBOUND_ALLOWED_HOSTS: 'nas.lan,10.0.0.0/8' }));
    assert.equal(guard.allowList.allowsName('nas.lan'), true);
    assert.equal(guard.allowList.allowsAddress('10.1.2.3'), true);
    assert.equal(guard.allowList.allowsAddress('127.0.0.1'), false);
  });

  it('given an entry that is no host, address or CIDR, then start-up fails naming the variable', () => {
    assert.throws(
      () => guardFromConfig(loadOutboundConfig({ OUTBOUND_ALLOWED_HOSTS: 'http://nas.lan/' })),
      /OUTBOUND_ALLOWED_HOSTS: "http:\/\/nas.lan\/"/,
    );
  });
});
