// The app in real headless Chromium, as its three kinds of users meet it: each signs in through the
// region's identity provider (a real OpenID Connect server, its login page filled in as a person would),
// then works through the views. Prints what the pages showed as one JSON document, for the Java test to
// compare with the API's own answers; writes a screenshot of each view and runs axe-core on it.
// Usage: node app.cjs <service base URL> <scenario JSON file> <screenshot directory>
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const [base, scenarioFile, shots] = process.argv.slice(2);
const scenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
const seen = { axe: {}, pageErrors: [] };
const VIEW_TIMEOUT = 30000;

async function signIn(browser, role, organisations) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  // Script errors of the app's pages, and its requests that failed (the identity provider's page is not ours).
  page.on('pageerror', error => seen.pageErrors.push(role + ': ' + error.message));
  page.on('requestfailed', request => {
    if (request.url().startsWith(base)) seen.pageErrors.push(role + ': ' + request.url() + ' ' + request.failure().errorText);
  });
  page.on('response', response => {
    if (response.url().startsWith(base) && response.status() >= 400) {
      (seen.errorAnswers = seen.errorAnswers || []).push(role + ': ' + response.status() + ' ' + response.url().slice(base.length));
    }
  });
  await page.goto(base + '/');
  const button = page.getByRole('button', { name: 'Logga in med regionens inloggning' });
  await button.waitFor({ timeout: VIEW_TIMEOUT });
  if (role === 'reader') await check(page, 'logga-in');
  await button.click();
  // The identity provider's own login page, on its own origin.
  await page.waitForSelector('input[name=username]', { timeout: VIEW_TIMEOUT });
  await page.fill('input[name=username]', 'app-test-' + role);
  await page.fill('textarea[name=claims]', JSON.stringify({ groups: [role], org: organisations, name: 'Test ' + role }));
  await page.click('input[type=submit]');
  await page.waitForSelector('main[data-ready]', { timeout: VIEW_TIMEOUT });
  return { context, page };
}

/** Moves to a view within the app and waits until it has drawn everything. */
async function show(page, hash) {
  await page.evaluate(target => {
    document.querySelector('main').removeAttribute('data-ready');
    location.hash = target;
  }, hash);
  await page.waitForSelector('main[data-ready]', { timeout: VIEW_TIMEOUT });
}

/** After a form in the view re-renders it. */
async function whileRendering(page, action) {
  await page.evaluate(() => document.querySelector('main').removeAttribute('data-ready'));
  await action();
  await page.waitForSelector('main[data-ready]', { timeout: VIEW_TIMEOUT });
}

async function check(page, name) {
  await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  seen.axe[name] = results.violations
    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
    .map(violation => violation.id + ': ' + violation.help + ' (' + violation.nodes.map(node => node.target.join(' ')).slice(0, 3).join('; ') + ')');
}

const keyFigures = page => page.$$eval('.key-figures .figure', figures => Object.fromEntries(figures.map(figure =>
  [figure.querySelector('dt').textContent, figure.querySelector('dd').dataset.value ?? null])));

async function admin(browser) {
  const { context, page } = await signIn(browser, 'basutbud-admin', []);
  const filters = 'asOf=' + scenario.asOf + '&careProvider=' + scenario.provider;

  await show(page, '#/oversikt?' + filters);
  seen.overview = { figures: await keyFigures(page), charts: await page.$$eval('.chart canvas', canvases => canvases.length) };
  await check(page, 'oversikt');

  await show(page, '#/enheter?' + filters + '&sort=name');
  seen.heatmap = await page.$$eval('table.heatmap tbody tr', rows => rows.map(row => ({
    hsaId: row.dataset.hsaId,
    score: Number(row.querySelector('[data-score]').dataset.score),
    status: row.querySelector('.status').dataset.status,
    cells: Object.fromEntries([...row.querySelectorAll('td.cell')].map(cell => [cell.dataset.service, cell.dataset.state])),
  })));
  await check(page, 'enheter');

  await show(page, '#/jamlikhet?' + filters + '&serviceCode=' + scenario.services.a);
  seen.equality = {
    figures: await keyFigures(page),
    municipalities: await page.$$eval('table.municipalities tbody tr', rows => rows.map(row => row.dataset.key)),
    coverage: await page.$$eval('table.coverage tbody tr', rows => rows.map(row => ({
      key: row.dataset.key, values: [...row.querySelectorAll('td[data-value]')].map(cell => cell.dataset.value) }))),
  };
  await check(page, 'jamlikhet');

  await show(page, '#/mal');
  seen.goal = await page.$eval('section.goal[data-goal="' + scenario.goalId + '"]', section => ({
    status: section.querySelector('[data-status]').dataset.status,
    value: section.querySelector('dd[data-value]').dataset.value,
    charts: section.querySelectorAll('.chart canvas').length,
  }));
  await check(page, 'mal');

  await show(page, '#/basutbud');
  seen.revisions = await page.$$eval('table.revisions tbody tr a', links => links.map(link => link.textContent));
  await check(page, 'basutbud');

  // Next year's draft: a new requirement for health centres, what it would do, then publishing it.
  await show(page, '#/basutbud/' + scenario.draftId);
  await page.selectOption('form[aria-labelledby=requirement-heading] select', scenario.services.c);
  await page.check('#f-type-PRIMARY_CARE');
  await whileRendering(page, () => page.getByRole('button', { name: 'Spara kravet' }).click());
  seen.whatIf = {
    flash: await page.textContent('.notice-success'),
    changedUnits: await page.$$eval('table.changed-units tbody tr', rows => rows.map(row => row.dataset.hsaId)),
    figures: await keyFigures(page),
  };
  await check(page, 'basutbud-utkast');
  await page.getByRole('button', { name: /^Publicera / }).click();
  seen.publish = { confirmation: await page.textContent('[role=alertdialog] p') };
  await whileRendering(page, () => page.getByRole('button', { name: 'Ja, publicera' }).click());
  seen.publish.heading = await page.textContent('.page-heading .sub');
  seen.publish.editForms = await page.$$eval('main form', forms => forms.length);

  // An import of offerings: the dry run's summary, then for real with its progress bar to the end.
  await show(page, '#/import');
  await page.selectOption('select[name=kind]', 'offerings');
  await page.setInputFiles('input[type=file]', scenario.importFile);
  await page.getByRole('button', { name: 'Provkör' }).click();
  await page.waitForSelector('.import-summary', { timeout: VIEW_TIMEOUT });
  seen.importDryRun = await importSummary(page);
  await page.getByRole('button', { name: 'Importera på riktigt' }).click();
  await page.waitForSelector('.import-summary[data-dry-run=false]', { timeout: 60000 });
  seen.importFinal = await importSummary(page);
  seen.importFinal.progress = await page.$eval('#import-progress', bar => ({ value: bar.value, max: bar.max }));
  await check(page, 'import');
  await context.close();
}

const importSummary = page => page.$eval('.import-summary', summary => ({
  status: summary.dataset.status,
  job: summary.dataset.job,
  heading: summary.querySelector('.notice').textContent,
  counts: Object.fromEntries([...summary.querySelectorAll('table.import-counts td')].map(cell => [cell.dataset.count, Number(cell.dataset.value)])),
}));

async function editor(browser) {
  const { context, page } = await signIn(browser, 'unit-editor', [scenario.provider]);
  await show(page, '#/enheter/' + scenario.units.partial);
  await page.selectOption('form[aria-labelledby=start-heading] select', scenario.services.b);
  await page.fill('form[aria-labelledby=start-heading] input[name=since]', scenario.editorSince);
  await whileRendering(page, () => page.getByRole('button', { name: 'Börja erbjuda' }).click());
  seen.editor = {
    flash: await page.textContent('.notice-success'),
    periods: await page.$$eval('table.periods tbody tr', rows => rows.map(row => row.dataset.service)),
  };
  await check(page, 'enhet-redaktor');
  // A request for an exemption, which counts only once an administrator has decided.
  await page.selectOption('form[aria-labelledby=exemption-heading] select[name=serviceCode]', scenario.services.a);
  await page.selectOption('form[aria-labelledby=exemption-heading] select[name=reasonCode]', 'TECHNICAL');
  await page.fill('form[aria-labelledby=exemption-heading] textarea', 'Bokningssystemet saknar stöd');
  await whileRendering(page, () => page.getByRole('button', { name: 'Skicka begäran' }).click());
  seen.editor.requested = {
    flash: await page.textContent('.notice-success'),
    status: await page.$eval('table.exemptions tbody tr[data-service="' + scenario.services.a + '"]', row => row.dataset.status),
  };
  await show(page, '#/enheter/' + scenario.otherUnit);
  seen.editor.otherForms = await page.$$eval('main form', forms => forms.length);
  seen.editor.otherNote = await page.textContent('.read-only');
  // The page offers nothing, and the API refuses the write the page would have made.
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('basutbud.session')).accessToken);
  const refused = await context.request.put(base + '/api/v1/care-units/' + scenario.otherUnit + '/offerings/' + scenario.services.a,
    { headers: { Authorization: 'Bearer ' + token }, data: {} });
  seen.editor.otherWrite = refused.status();
  seen.editor.nav = await page.$$eval('#nav a', links => links.map(link => link.textContent));
  await context.close();
}

async function reader(browser) {
  const { context, page } = await signIn(browser, 'reader', []);
  seen.reader = {
    who: await page.textContent('#who'),
    nav: await page.$$eval('#nav a', links => links.map(link => link.textContent)),
  };
  await show(page, '#/enheter/' + scenario.units.compliant);
  seen.reader.unitForms = await page.$$eval('main form', forms => forms.length);
  await check(page, 'enhet-lasare');
  await show(page, '#/import');
  seen.reader.importPage = await page.textContent('main');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('button', { name: 'Logga in med regionens inloggning' }).waitFor({ timeout: VIEW_TIMEOUT });
  seen.reader.signedOut = await page.evaluate(() => sessionStorage.getItem('basutbud.session') === null);
  await context.close();
}

async function decider(browser) {
  const { context, page } = await signIn(browser, 'basutbud-admin', []);
  await show(page, '#/undantag');
  await check(page, 'undantag');
  const row = 'table.requested tbody tr[data-hsa-id="' + scenario.units.partial + '"][data-service="' + scenario.services.a + '"]';
  await page.fill(row + ' input', 'Beviljas till systembytet');
  await whileRendering(page, () => page.click(row + ' button:has-text("Bevilja")'));
  seen.decided = { flash: await page.textContent('.notice-success'), stillListed: (await page.$$(row)).length };
  await context.close();
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    await admin(browser);
    await editor(browser);
    await reader(browser);
    await decider(browser);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(seen) + '\n');
})().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n' + JSON.stringify(seen) + '\n');
  process.exit(1);
});
