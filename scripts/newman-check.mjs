// Runs the Postman collection the server serves (GET /docs/postman.json) with newman against a live
// Guildhall with the demo loaded, with the environment it serves (GET /docs/postman-environment.json)
// and the demo's keys in it. Every request is the document's own example and its tests check the
// status and the body against the document; the order and the few ids no example can know come from
// demo-run-plan.mjs. Fails on any failed test or request error.
// Usage (after `npm run build`): node scripts/newman-check.mjs   (or: npm run postman:check)
import { createRequire } from 'node:module';
import {
  DEMO_ADMIN_KEY,
  DEMO_KEY_OF_TAG,
  ENDLESS,
  MADE_BY_THE_SERVER,
  operationsInRunOrder,
  realIds,
} from './demo-run-plan.mjs';
import { startDemoServer } from './live-demo.mjs';

const newman = createRequire(import.meta.url)('newman');

// The environment's key variables (postman-environment.ts) and the demo key each gets.
const DEMO_KEY_OF_VARIABLE = {
  hexifyKey: DEMO_KEY_OF_TAG['Hexify v2'],
  hushKey: DEMO_KEY_OF_TAG['Hush Bot'],
  botnexusKey: DEMO_KEY_OF_TAG.BotNexus,
  botsOnDiscordKey: DEMO_KEY_OF_TAG['Bots on Discord'],
  elixirKey: DEMO_KEY_OF_TAG['Elixir Music'],
  adminKey: DEMO_ADMIN_KEY,
};

const pathOf = (request) => `/${request.url.path.map((s) => s.replace(/^:(.+)$/, '{$1}')).join('/')}`;

/** The collection's requests in the run order, each named after its folder, with real ids where examples cannot have them. */
function inRunOrder(collection, document, ids) {
  const items = new Map(
    collection.item.flatMap((folder) =>
      folder.item.map((item) => [
        `${item.request.method.toLowerCase()} ${pathOf(item.request)}`,
        { ...item, name: `${folder.name} / ${item.name}` },
      ]),
    ),
  );
  const ordered = operationsInRunOrder(document).map(({ operationId, method, path }) => {
    const item = items.get(`${method} ${path}`);
    if (!item) throw new Error(`the collection has no request for ${method.toUpperCase()} ${path}`);
    const made = MADE_BY_THE_SERVER[operationId];
    if (made) {
      const params = [made.param].flat();
      const values = [ids[operationId]].flat();
      params.forEach(
        (param, i) => (item.request.url.variable.find((v) => v.key === param).value = values[i]),
      );
    }
    return item;
  });
  const endless = Object.keys(ENDLESS).filter((id) =>
    Object.values(document.paths).some((item) => Object.values(item).some((op) => op.operationId === id)),
  );
  for (const id of endless) console.log(`newman: ${id} left out: ${ENDLESS[id]}`);
  if (ordered.length + endless.length !== items.size)
    throw new Error(`${items.size} requests for ${ordered.length + endless.length} operations`);
  return { ...collection, item: ordered };
}

const started = Date.now();
const demo = await startDemoServer();
let failed = true;
try {
  const get = async (path) => (await fetch(`${demo.url}${path}`)).json();
  const [collection, environment, document] = await Promise.all(
    ['/docs/postman.json', '/docs/postman-environment.json', '/docs/openapi.json'].map(get),
  );
  for (const value of environment.values) {
    if (DEMO_KEY_OF_VARIABLE[value.key]) value.value = demo.keys[DEMO_KEY_OF_VARIABLE[value.key]];
  }
  const ids = await realIds(
    demo.url,
    demo.keys,
    () => JSON.parse(demo.cli('keys', 'issue', '--user', '1', '--json').trim().split('\n').at(-1)).key_id,
  );
  const ready = Date.now();
  const summary = await new Promise((resolve, reject) =>
    newman.run(
      {
        collection: inRunOrder(collection, document, ids),
        environment,
        reporters: ['cli'],
        reporter: { cli: { noBanner: true } },
        timeoutRequest: 30_000,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  const { stats, failures } = summary.run;
  failed = failures.length > 0 || stats.requests.failed > 0;
  console.log(
    `newman: ${stats.requests.total} requests, ${stats.assertions.total} assertions, ${failures.length} failures ` +
      `(server and demo ${((ready - started) / 1000).toFixed(1)} s, run ${((Date.now() - ready) / 1000).toFixed(1)} s)`,
  );
} finally {
  await demo.stop();
}
process.exit(failed ? 1 : 0);
