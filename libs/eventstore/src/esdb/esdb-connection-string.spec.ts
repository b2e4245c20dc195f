import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withKeepAlive } from './esdb-connection-string';

describe('withKeepAlive', () => {
  it('given a string without keepalive, when prepared, then both settings are added', () => {
    assert.equal(
      withKeepAlive('esdb://localhost:2113?tls=false'),
      'esdb://localhost:2113?tls=false&keepAliveInterval=10000&keepAliveTimeout=10000',
    );
  });

  it('given a cluster string without options, when prepared, then the query starts with "?"', () => {
    assert.equal(
      withKeepAlive('esdb+discover://a:2113,b:2113'),
      'esdb+discover://a:2113,b:2113?keepAliveInterval=10000&keepAliveTimeout=10000',
    );
  });

  it('given a string that sets keepalive in any case, when prepared, then its value is kept', () => {
    assert.equal(
      withKeepAlive('esdb://h:2113?KeepAliveInterval=30000'),
      'esdb://h:2113?KeepAliveInterval=30000&keepAliveTimeout=10000',
    );
  });
});
