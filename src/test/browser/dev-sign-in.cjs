// The app's dev-only sign-in, in real headless Chromium against the service in its test profile (which,
// like dev mode, has /dev/token and no identity provider): pick a role, sign in, land on the overview.
// Prints what the page showed as one JSON line. Usage: node dev-sign-in.cjs <service base URL>
'use strict';
const { chromium } = require('playwright-core');

const [base] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(base + '/#/basutbud');
    const signInHeading = await page.textContent('main h1');
    const providerButton = await page.$$eval('main button', buttons => buttons.map(button => button.textContent));
    await page.selectOption('#dev-role', 'unit-editor');
    await page.fill('#dev-org', 'SE2320000001');
    await page.click('.dev-sign-in button[type=submit]');
    await page.waitForSelector('main[data-ready]', { timeout: 30000 });
    const seen = {
      signInHeading,
      buttons: providerButton,
      heading: await page.textContent('main h1'),
      who: await page.textContent('#who'),
      session: await page.evaluate(() => {
        const session = JSON.parse(sessionStorage.getItem('basutbud.session'));
        return { roles: session.roles, organisations: session.organisations, subject: session.subject };
      }),
      errors,
    };
    process.stdout.write(JSON.stringify(seen) + '\n');
  } finally {
    await browser.close();
  }
})().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
