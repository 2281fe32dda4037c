// The app: signs the person in, then shows the view the address names (#/view?filters), and again on every
// change of the address. Views read and write through the public API only.

import { h, add, replace, notice } from './dom.js';
import { currentSession, completeSignIn, signIn, devSignIn, signOut, SignInError, ROLE_NAMES, ROLES } from './auth.js';
import { SignInNeeded } from './api.js';
import { problemNotice } from './views/common.js';

// Each view's module is loaded when it is first shown.
const view = (module, name) => () => import('./views/' + module + '.js').then(loaded => loaded[name]);

const ROUTES = [
  { pattern: /^\/(oversikt)?$/, view: view('overview', 'overview'), title: 'Översikt', nav: '/oversikt' },
  { pattern: /^\/enheter$/, view: view('heatmap', 'heatmap'), title: 'Enheter × tjänster', nav: '/enheter' },
  { pattern: /^\/enheter\/([^/]+)$/, view: view('unit', 'unit'), title: 'Enhet', section: '/enheter' },
  { pattern: /^\/jamlikhet$/, view: view('equality', 'equality'), title: 'Jämlikhet', nav: '/jamlikhet' },
  { pattern: /^\/mal$/, view: view('goals', 'goals'), title: 'Mål', nav: '/mal' },
  { pattern: /^\/basutbud$/, view: view('baselines', 'baselines'), title: 'Basutbud', nav: '/basutbud' },
  { pattern: /^\/basutbud\/(\d+)$/, view: view('baselines', 'baseline'), title: 'Revision', section: '/basutbud' },
  { pattern: /^\/undantag$/, view: view('exemptions', 'exemptions'), title: 'Undantag', nav: '/undantag', roles: [ROLES.ADMIN] },
  { pattern: /^\/import$/, view: view('imports', 'imports'), title: 'Import', nav: '/import', roles: [ROLES.ADMIN, ROLES.EDITOR] },
];

const main = document.getElementById('main');
let config;
let rendering = 0;
let charts = [];

function location_() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  return { path, params: new URLSearchParams(search || '') };
}

function renderNav(session, path) {
  const nav = document.getElementById('nav');
  const current = ROUTES.find(route => route.pattern.test(path));
  const active = current?.nav || current?.section;
  replace(nav, h('ul', {}, ROUTES.filter(route => route.nav && (!route.roles || route.roles.some(role => session.roles.includes(role))))
    .map(route => h('li', {}, h('a', { href: '#' + route.nav, 'aria-current': route.nav === active ? 'page' : null }, route.title)))));
  replace(document.getElementById('who'),
    h('span', { class: 'who-name' }, session.name),
    h('span', { class: 'who-role' }, session.roles.map(role => ROLE_NAMES[role] || role).join(', ') || 'Ingen roll'),
    h('button', { type: 'button', class: 'link-button', onclick: () => signOut(config) }, 'Logga ut'));
}

function signInPage(message) {
  document.getElementById('nav').replaceChildren();
  document.getElementById('who').replaceChildren();
  const page = h('div', { class: 'sign-in' }, h('h1', { tabindex: '-1' }, 'Logga in'),
    h('p', {}, 'Basutbud följer upp vilka e-tjänster på 1177 regionens vårdenheter erbjuder.'));
  if (message) add(page, notice('error', message));
  if (config.issuer) {
    add(page, h('button', { type: 'button', class: 'primary', onclick: () => signIn(config, location.hash || '#/') },
      'Logga in med regionens inloggning'));
  }
  if (config.devSignIn) {
    const role = h('select', { id: 'dev-role' }, Object.entries(ROLE_NAMES).map(([code, name]) => h('option', { value: code }, name)));
    const org = h('input', { id: 'dev-org', type: 'text', value: 'SE2320000001', spellcheck: 'false' });
    const form = h('form', { class: 'dev-sign-in' },
      h('h2', {}, 'Utvecklingsläge'),
      h('p', {}, 'Välj en roll; token kommer från /dev/token och finns bara i utvecklingsläget.'),
      h('div', { class: 'field' }, h('label', { for: 'dev-role' }, 'Roll'), role),
      h('div', { class: 'field' }, h('label', { for: 'dev-org' }, 'Vårdgivare som redaktören får ändra'), org),
      h('button', { type: 'submit' }, 'Logga in'));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await devSignIn(role.value, org.value.trim());
        render();
      } catch (error) {
        add(form, notice('error', error.message));
      }
    });
    add(page, form);
  }
  if (!config.issuer && !config.devSignIn) {
    add(page, notice('error', 'Ingen inloggning är konfigurerad: sätt BASUTBUD_APP_OIDC_ISSUER (se README).'));
  }
  replace(main, page);
  page.querySelector('h1').focus();
}

async function render({ flash, focus } = {}) {
  const session = currentSession();
  if (!session) {
    signInPage();
    return;
  }
  const { path, params } = location_();
  renderNav(session, path);
  const route = ROUTES.find(candidate => candidate.pattern.test(path));
  charts.forEach(chart => chart.dispose());
  charts = [];
  const token = ++rendering;
  if (!route) {
    replace(main, h('h1', { tabindex: '-1' }, 'Sidan finns inte'), h('p', {}, h('a', { href: '#/' }, 'Till översikten')));
    return;
  }
  document.title = route.title + ' – Basutbud';
  main.setAttribute('aria-busy', 'true');
  main.removeAttribute('data-usable');
  main.removeAttribute('data-ready');
  const attached = [];
  const later = [];
  const draw = work => {
    const chart = work();
    charts.push(chart);
    return chart.ready;
  };
  let content;
  try {
    if (route.roles && !route.roles.some(role => session.roles.includes(role))) {
      content = h('div', {}, h('h1', { tabindex: '-1' }, route.title), notice('error', 'Din roll har inte tillgång till den här sidan.'));
    } else {
      const show = await route.view();
      content = await show({
        match: path.match(route.pattern),
        params,
        session,
        flash,
        // Charts drawn once the view is on the page.
        attach: work => attached.push(work),
        // What the view fills in after it is shown (slow parts); may draw charts with draw().
        later: work => later.push(work),
        draw: work => (token === rendering ? draw(work) : Promise.resolve()),
        refresh: message => render({ flash: message, focus: true }),
      });
    }
  } catch (error) {
    if (error instanceof SignInNeeded) {
      if (config.issuer) {
        signIn(config, location.hash || '#/');
      } else {
        signInPage('Inloggningen har gått ut. Logga in igen.');
      }
      return;
    }
    content = h('div', {}, h('h1', { tabindex: '-1' }, route.title), problemNotice(error));
  }
  if (token !== rendering) return;
  replace(main, content);
  main.removeAttribute('aria-busy');
  main.dataset.view = route.title;
  // Usable: the view and its figures are there; ready: its charts and later parts too.
  main.dataset.usable = String(token);
  // After a move within the app, a screen reader starts at the new page's heading.
  if (focus) main.querySelector('h1')?.focus();
  await Promise.allSettled([...attached.map(draw), ...later.map(work => work())]);
  if (token === rendering) main.dataset.ready = String(token);
}

async function start() {
  document.getElementById('skip-link').addEventListener('click', event => {
    event.preventDefault();
    main.focus();
  });
  try {
    const response = await fetch('/app/config', { headers: { Accept: 'application/json' } });
    config = await response.json();
  } catch (error) {
    replace(main, notice('error', 'Tjänsten svarar inte. Försök igen om en stund.'));
    return;
  }
  try {
    const next = await completeSignIn(config);
    if (next) location.hash = next;
  } catch (error) {
    signInPage(error instanceof SignInError ? error.message : 'Inloggningen misslyckades: ' + error.message);
    return;
  }
  window.addEventListener('hashchange', () => render({ focus: true }));
  render();
}

start();
