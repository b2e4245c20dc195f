import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AllowList, AllowListError } from './allow-list';

describe('AllowList', () => {
  const list = AllowList.parse(' media.example.com., 127.0.0.1 ,10.8.0.0/16,[::1], fd00::/8,');

  it('given host names, when matched, then case and a trailing dot are ignored, subdomains are not included', () => {
    assert.equal(list.allowsName('MEDIA.example.com'), true);
    assert.equal(list.allowsName('media.example.com.'), true);
    assert.equal(list.allowsName('cdn.media.example.com'), false);
  });

  it('given addresses and CIDRs, when matched, then members pass, IPv4-mapped forms included, others do not', () => {
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '10.8.3.4', '::1', '[::1]', 'fd00::5']) {
      assert.equal(list.allowsAddress(address), true, address);
    }
    for (const address of ['127.0.0.2', '10.9.0.1', '::2', 'fe80::1']) {
      assert.equal(list.allowsAddress(address), false, address);
    }
  });

  it('given no entries, then it is empty and allows nothing', () => {
    const empty = AllowList.parse('');
    assert.equal(empty.empty, true);
    assert.equal(empty.allowsAddress('127.0.0.1'), false);
    assert.equal(empty.allowsName('localhost'), false);
  });

  it('given an entry that is no host, address or CIDR, then it is refused naming the entry', () => {
    assert.throws(
      () => AllowList.parse('http://x.example/'),
      (e: Error) => e instanceof AllowListError && /http:\/\/x/.test(e.message),
    );
    assert.throws(() => AllowList.parse('10.0.0.0/40'), AllowListError);
  });
});
