// Times the app's views at the bench's dataset in headless Chromium, from navigation until the view is usable
// (its figures shown: the data-usable mark) and until it has drawn everything (data-ready), next to the API's
// own time for the same answers fetched as the view fetches them (the same requests, the same order). Each
// visit is a fresh browser context: the view opened directly (a first visit, nothing cached), then reached
// from another view within the app. Prints one JSON line.
// Usage: node app.cjs <service base URL> <bearer token> <heatmap query> <repeats>
'use strict';
const { chromium } = require('playwright-core');

const [base, token, heatmapQuery, repeatsText] = process.argv.slice(2);
const repeats = Number(repeatsText || 5);
const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
// The session the app keeps after a sign-in; the sign-in itself is not what is timed.
const session = JSON.stringify({ accessToken: token, expiresAt: claims.exp * 1000, subject: claims.sub, name: claims.sub,
  roles: [].concat(claims.groups || []), organisations: [] });

const median = values => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = value => Math.round(value * 1000) / 1000;

async function get(path) {
  const response = await fetch(base + '/api/v1' + path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
  if (!response.ok) throw new Error(path + ' answered ' + response.status);
  return response.json();
}

/** Waits for the view's usable and ready marks; seconds since {@code started} for each. */
async function marks(page, started) {
  await page.waitForSelector('main[data-usable]', { timeout: 120000 });
  const usable = (performance.now() - started) / 1000;
  await page.waitForSelector('main[data-ready]', { timeout: 120000 });
  return { usable, seconds: (performance.now() - started) / 1000 };
}

/**
 * One visit in a fresh context: first the view opened directly (a first visit: the app's modules loaded too),
 * then, after another view, the same view reached from within the app (how people move between views).
 */
async function timeView(browser, hash) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await context.addInitScript(value => sessionStorage.setItem('basutbud.session', value), session);
  const page = await context.newPage();
  let started = performance.now();
  await page.goto(base + '/' + hash);
  const first = await marks(page, started);
  const error = await page.$('main .notice-error');
  if (error) throw new Error(hash + ' showed an error: ' + await error.textContent());
  await page.evaluate(() => { location.hash = '#/basutbud'; });
  await page.waitForFunction(() => document.querySelector('main').dataset.view === 'Basutbud'
    && document.querySelector('main').hasAttribute('data-ready'), null, { timeout: 120000 });
  started = performance.now();
  await page.evaluate(target => {
    document.querySelector('main').removeAttribute('data-ready');
    location.hash = target;
  }, hash);
  const within = await marks(page, started);
  const rows = await page.$$eval('table.heatmap tbody tr', found => found.length);
  await context.close();
  return { first, within, rows };
}

async function timeApi(work) {
  const started = performance.now();
  const detail = await work();
  return { seconds: (performance.now() - started) / 1000, detail };
}

async function measure(browser, hash, apiWork) {
  const visits = [];
  const apis = [];
  let detail;
  for (let i = 0; i < repeats; i++) {
    visits.push(await timeView(browser, hash));
    const api = await timeApi(apiWork);
    apis.push(api.seconds);
    detail = api.detail;
  }
  const figure = pick => round(median(visits.map(pick)));
  return {
    usable_median_s: figure(visit => visit.within.usable),
    median_s: figure(visit => visit.within.seconds),
    first_visit_usable_median_s: figure(visit => visit.first.usable),
    first_visit_median_s: figure(visit => visit.first.seconds),
    api_median_s: round(median(apis)),
    rows_shown: visits[0].rows,
    ...detail,
  };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const [year, month] = today.split('-').map(Number);
    const from = new Date(Date.UTC(year, month - 1 - 35, Number(today.slice(8)))).toISOString().slice(0, 10);
    const overview = await measure(browser, '#/oversikt', async () => {
      const [groups] = await Promise.all([get('/compliance/groups?by=unitType'), get('/compliance/services')]);
      await get('/compliance/trend?from=' + from + '&to=' + today + '&interval=month');
      return { units: groups.items.reduce((total, group) => total + group.units, 0) };
    });
    const heatmap = await measure(browser, '#/enheter?' + heatmapQuery, async () => {
      const report = await get('/compliance?' + heatmapQuery);
      await Promise.all([get('/baselines/' + report.baseline.id), get('/e-services?size=500&page=0')]);
      return { units: report.units.length };
    });
    process.stdout.write(JSON.stringify({ overview, heatmap }) + '\n');
  } finally {
    await browser.close();
  }
})().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
