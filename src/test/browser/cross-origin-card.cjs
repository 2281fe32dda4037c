// A contact-card widget on another origin, in real headless Chromium: the page (served here, on its own
// port) fetches a card from the service, reads its ETag and revalidates it; it also tries an operation
// that needs a token, which CORS must keep from the page. Prints what the page saw as one JSON line.
// Usage: node cross-origin-card.cjs <service base URL> <HSA-id>
'use strict';
const http = require('node:http');
const { chromium } = require('playwright-core');

const [serviceBase, hsaId] = process.argv.slice(2);

const widget = `
const service = ${JSON.stringify(serviceBase)};
const hsaId = ${JSON.stringify(hsaId)};
async function run() {
  const url = service + '/api/v1/contact-cards/' + hsaId;
  const first = await fetch(url);
  const etag = first.headers.get('ETag');
  const card = await first.json();
  const second = await fetch(url, { headers: { 'If-None-Match': etag } });
  let privateRead;
  try {
    const units = await fetch(service + '/api/v1/care-units', { headers: { 'Authorization': 'Bearer x' } });
    privateRead = 'answered ' + units.status;
  } catch (e) {
    privateRead = 'blocked';
  }
  return { firstStatus: first.status, etag, cacheControl: first.headers.get('Cache-Control'),
    name: card.name, services: card.eServices.map(s => s.code), secondStatus: second.status,
    secondEtag: second.headers.get('ETag'), privateRead, origin: location.origin };
}
run().then(r => { document.getElementById('result').textContent = JSON.stringify(r); },
  e => { document.getElementById('result').textContent = JSON.stringify({ error: String(e) }); });
`;
const page = '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Kontaktkort</title></head>'
  + '<body><pre id="result"></pre><script src="/widget.js"></script></body></html>';

const server = http.createServer((request, response) => {
  if (request.url === '/widget.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(widget);
  } else {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  }
});

(async () => {
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto('http://127.0.0.1:' + server.address().port + '/');
    await tab.waitForFunction(() => document.getElementById('result').textContent.length > 0, null, { timeout: 30000 });
    process.stdout.write(await tab.textContent('#result') + '\n');
  } finally {
    await browser.close();
    server.close();
  }
})().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
