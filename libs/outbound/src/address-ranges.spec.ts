import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressRefusal, stripBrackets } from './address-ranges';

/** The address a URL's host names once WHATWG parsing has normalised it, as the guard sees it. */
const hostOf = (host: string) => stripBrackets(new URL(`http://${host}:8080/a.mp3`).hostname);

describe('addressRefusal', () => {
  for (const [form, reason] of [
    ['127.0.0.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['127.1', 'loopback'],
    ['017700000001', 'loopback'],
    ['127.0.0.1.', 'loopback'],
    ['0', 'unspecified'],
    ['0.0.0.0', 'unspecified'],
    ['[::1]', 'loopback'],
    ['[::]', 'unspecified'],
    ['[::ffff:127.0.0.1]', 'ipv4Mapped loopback'],
    ['[0:0:0:0:0:ffff:7f00:1]', 'ipv4Mapped loopback'],
    ['[::ffff:10.0.0.1]', 'ipv4Mapped private'],
    ['[::ffff:169.254.169.254]', 'ipv4Mapped linkLocal'],
    ['[64:ff9b::127.0.0.1]', 'rfc6052 loopback'],
    ['[64:ff9b::192.168.1.1]', 'rfc6052 private'],
    ['[::127.0.0.1]', 'ipv4Compatible'],
    ['[::ffff:0:127.0.0.1]', 'rfc6145'],
    ['[64:ff9b:1::1]', 'rfc6052'],
    ['[2002:7f00:1::1]', '6to4'],
    ['[2001::1]', 'teredo'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['169.254.169.254', 'linkLocal'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['[fe80::1]', 'linkLocal'],
    ['[fc00::1]', 'uniqueLocal'],
    ['[fd12:3456::1]', 'uniqueLocal'],
    ['[ff02::1]', 'multicast'],
    ['[2001:db8::1]', 'reserved'],
  ] as const) {
    it(`given the host ${form}, when classified, then it is refused as ${reason}`, () => {
      assert.equal(addressRefusal(hostOf(form)), reason);
    });
  }

  for (const form of [
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '[2606:4700:4700::1111]',
    '[::ffff:8.8.8.8]',
    '[64:ff9b::8.8.8.8]',
  ]) {
    it(`given the public host ${form}, when classified, then it is allowed`, () => {
      assert.equal(addressRefusal(hostOf(form)), undefined);
    });
  }

  it('given a host name rather than an address, when classified, then it is refused (names must be resolved first)', () => {
    assert.equal(addressRefusal('localhost'), 'not an IP address');
  });
});
