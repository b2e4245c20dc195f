// Swagger UI's "Try it out" on every operation, in headless Chromium, against a live Guildhall with
// the demo loaded: authorize with the demo key of the operation's dialect (Authorize dialog), then
// for each operation Try it out → Execute with the example Swagger UI fills in, and read the status
// it shows. Passes when every operation gets a documented success, or, where demo-run-plan.mjs says
// the example names something only the server makes, that documented status. Writes a screenshot
// (SWAGGER_UI_SCREENSHOT, default dist/swagger-ui-check.png).
// Needs Chromium: CHROMIUM_PATH, default /usr/bin/chromium (Debian's `chromium`).
// Usage (after `npm run build`): node scripts/swagger-ui-check.mjs   (or: npm run swagger-ui:check)
import { createRequire } from 'node:module';
import {
  DEMO_ADMIN_KEY,
  DEMO_KEY_OF_TAG,
  ENDLESS,
  MADE_BY_THE_SERVER,
  operationsInRunOrder,
} from './demo-run-plan.mjs';
import { startDemoServer } from './live-demo.mjs';

const { chromium } = createRequire(import.meta.url)('playwright-core');
const SCREENSHOT = process.env.SWAGGER_UI_SCREENSHOT ?? 'dist/swagger-ui-check.png';

/** Logs every scheme out, then authorizes each with `key`, through the Authorize dialog. */
async function authorize(page, key) {
  await page.click('.scheme-container .btn.authorize');
  const forms = page.locator('.modal-ux .auth-container form');
  for (let i = 0; i < (await forms.count()); i++) {
    const form = forms.nth(i);
    const logout = form.locator('button[aria-label="Remove authorization"]');
    if (await logout.count()) await logout.click();
    await form.locator('input').fill(key);
    await form.locator('button.authorize').click();
  }
  await page.click('.modal-ux .close-modal');
}

/** Try it out → Execute on one operation; returns the status Swagger UI shows for the live response. */
async function tryItOut(page, elementId) {
  const block = page.locator(`[id="${elementId}"]`);
  await block.locator('.opblock-summary-control').click();
  await block.locator('button.try-out__btn').click();
  await block.locator('button.execute').click();
  const status = block.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor({ timeout: 30_000 });
  const shown = Number((await status.innerText()).trim());
  await block.locator('.opblock-summary-control').click();
  return shown;
}

function expectedStatuses(document, { operationId, method, path }) {
  const made = MADE_BY_THE_SERVER[operationId];
  if (made) return [made.status];
  return Object.keys(document.paths[path][method].responses)
    .map(Number)
    .filter((status) => status >= 200 && status < 300);
}

const started = Date.now();
const demo = await startDemoServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const failures = [];
let checked = 0;
try {
  const document = await (await fetch(`${demo.url}/docs/openapi.json`)).json();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${demo.url}/docs`);
  await page.waitForSelector('.opblock');
  const elementIds = new Map(
    (await page.$$eval('.opblock', (blocks) => blocks.map((b) => b.id))).map((id) => [
      id.split('-').at(-1),
      id,
    ]),
  );
  const ready = Date.now();
  for (const [id, reason] of Object.entries(ENDLESS)) console.log(`  left out ${id}: ${reason}`);
  let authorizedFor;
  for (const operation of operationsInRunOrder(document)) {
    const key = demo.keys[DEMO_KEY_OF_TAG[operation.tag] ?? DEMO_ADMIN_KEY];
    if (key !== authorizedFor) await authorize(page, (authorizedFor = key));
    const elementId = elementIds.get(operation.operationId);
    const expected = expectedStatuses(document, operation);
    const shown = elementId ? await tryItOut(page, elementId) : 'not shown';
    checked++;
    const line = `${operation.method.toUpperCase()} ${operation.path} (${operation.operationId}): ${shown}`;
    if (expected.includes(shown)) console.log(`  ok  ${line}`);
    else failures.push(`${line}, expected ${expected.join(' or ')}`);
  }
  // The operations, each tried (the schemas below them left out).
  const schemas = await page.locator('section.models').boundingBox();
  await page.screenshot({
    path: SCREENSHOT,
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: schemas.y },
  });
  console.log(
    `Swagger UI: ${checked} operations tried, ${failures.length} failures; screenshot ${SCREENSHOT} ` +
      `(server and demo ${((ready - started) / 1000).toFixed(1)} s, browser ${((Date.now() - ready) / 1000).toFixed(1)} s)`,
  );
  for (const failure of failures) console.error(`  FAIL ${failure}`);
} finally {
  await browser.close();
  await demo.stop();
}
process.exit(failures.length > 0 || checked === 0 ? 1 : 0);
