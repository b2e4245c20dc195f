import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

interface Item {
  name: string;
  item?: Item[];
  request?: {
    method: string;
    url: { path: string[] };
    auth?: {
      type: string;
      bearer?: { key: string; value: string }[];
      apikey?: { key: string; value: string }[];
    };
  };
  event?: { listen: string; script: { exec: string[] } }[];
}

const requests = (items: Item[]): Item[] =>
  items.flatMap((item) => (item.item ? requests(item.item) : [item]));
const operationOf = ({ request }: Item) =>
  `${request!.method} /${request!.url.path.map((s) => s.replace(/^:(.+)$/, '{$1}')).join('/')}`;
const keyOf = (item: Item) =>
  [...(item.request?.auth?.bearer ?? []), ...(item.request?.auth?.apikey ?? [])].find(
    (field) => field.key === 'token' || field.key === 'value',
  )?.value;

describe('the Postman collection and its environment (GET /docs/postman.json, /docs/postman-environment.json)', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, { operationId: string }>> };
  let collection: { info: { schema: string }; item: Item[] };
  before(async () => {
    t = await startTestApp();
    document = (await t.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    const res = await t.app.inject({ method: 'GET', url: '/docs/postman.json' });
    assert.equal(res.statusCode, 200, res.body);
    collection = res.json();
  });
  after(() => t.close());

  it('given no key, then the collection is a v2.1 collection with one request per operation of the document', () => {
    assert.equal(
      collection.info.schema,
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    );
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(requests(collection.item).map(operationOf).sort(), operations.sort());
  });

  it("given each request, then it carries a test script with the document's answers for its operation", () => {
    for (const item of requests(collection.item)) {
      const script = item.event?.find((e) => e.listen === 'test')?.script.exec.join('\n') ?? '';
      assert.match(script, /pm\.response\.to\.have\.jsonSchema|no body, as documented|media type/, item.name);
      assert.match(script, /const answers = \{"\d{3}"/, item.name);
    }
  });

  it("given the dialects, then each request sends its dialect's key variable, in its dialect's scheme", () => {
    const byOperation = new Map(requests(collection.item).map((item) => [operationOf(item), item]));
    const hexify = byOperation.get('GET /v2/servers/{server_id}')!;
    assert.equal(hexify.request!.auth!.type, 'bearer');
    assert.equal(keyOf(hexify), '{{hexifyKey}}');
    const botsOnDiscord = byOperation.get('POST /bot-api/bots/{id}/guilds')!;
    assert.equal(botsOnDiscord.request!.auth!.type, 'apikey');
    assert.equal(keyOf(botsOnDiscord), '{{botsOnDiscordKey}}');
    assert.equal(keyOf(byOperation.get('POST /api/v1/{guild_id}/join')!), '{{elixirKey}}');
    assert.equal(keyOf(byOperation.get('PUT /v1/bots/{bot_id}')!), '{{adminKey}}');
    assert.equal(byOperation.get('GET /api/v1/{guild_id}/nowplaying')!.request!.auth!.type, 'noauth');
  });

  it('given the environment, then its baseUrl is the address asked and it has an empty variable per key', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/docs/postman-environment.json',
      headers: { host: 'guildhall.example:8080' },
    });
    assert.equal(res.statusCode, 200);
    const values = res.json<{ values: { key: string; value: string }[] }>().values;
    assert.deepEqual(
      values.map(({ key, value }) => [key, value]),
      [
        ['baseUrl', 'http://guildhall.example:8080'],
        ['hexifyKey', ''],
        ['hushKey', ''],
        ['botnexusKey', ''],
        ['botsOnDiscordKey', ''],
        ['elixirKey', ''],
        ['adminKey', ''],
      ],
    );
  });
});
