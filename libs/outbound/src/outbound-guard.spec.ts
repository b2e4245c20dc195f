import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AllowList } from './allow-list';
import { OutboundFetchError, OutboundRefusedError } from './outbound-errors';
import { OutboundGuard, type ResolvedAddress } from './outbound-guard';

const dns: Record<string, ResolvedAddress[]> = {
  localhost: [
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ],
  'media.example': [{ address: '93.184.215.14', family: 4 }],
  'split.example': [
    { address: '93.184.215.14', family: 4 },
    { address: '10.0.0.7', family: 4 },
  ],
  'v6.example': [{ address: '::ffff:169.254.169.254', family: 6 }],
};
const resolve = async (host: string) => {
  const found = dns[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};
const guard = (allowed = '') => new OutboundGuard({ resolve, allowList: AllowList.parse(allowed) });

describe('OutboundGuard.approve', () => {
  it('given a public host, when approved, then its checked address is what to connect to', async () => {
    const target = await guard().approve('https://media.example/a.mp3');
    assert.deepEqual(
      [target.address, target.family, target.url.hostname],
      ['93.184.215.14', 4, 'media.example'],
    );
  });

  for (const url of [
    'http://localhost:8080/',
    'http://split.example/',
    'http://v6.example/',
    'http://2130706433/',
    'http://[::ffff:127.0.0.1]/',
    'http://0/',
  ]) {
    it(`given ${url}, when approved, then it is refused naming the address`, async () => {
      await assert.rejects(guard().approve(url), (e: Error) => {
        assert.ok(e instanceof OutboundRefusedError, String(e));
        assert.match(e.message, /not a public address \(/);
        return true;
      });
    });
  }

  for (const url of [
    'ftp://media.example/a.mp3',
    'file:///etc/passwd',
    'http://user:pw@media.example/',
    'nonsense',
  ]) {
    it(`given ${url}, when approved, then its scheme, credentials or form is refused`, async () => {
      await assert.rejects(guard().approve(url), OutboundRefusedError);
    });
  }

  it('given an allow-listed name, when approved, then its loopback addresses pass', async () => {
    assert.equal((await guard('localhost').approve('http://localhost:8080/')).address, '127.0.0.1');
  });

  it('given an allow-listed address range, when approved, then only addresses inside it pass', async () => {
    assert.equal((await guard('10.0.0.0/8').approve('http://10.1.1.1/')).address, '10.1.1.1');
    await assert.rejects(guard('10.0.0.0/8').approve('http://192.168.1.1/'), OutboundRefusedError);
  });

  it('given a name that does not resolve, when approved, then it is a fetch error, not a refusal', async () => {
    await assert.rejects(guard().approve('http://nowhere.example/'), OutboundFetchError);
  });
});
