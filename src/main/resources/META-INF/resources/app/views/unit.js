// Enhet: a unit's details, compliance, offering history as a timeline, exemptions, and its contact card as
// 1177 shows it. Those who may change the unit (by the API's rule) start and end offerings and ask for
// exemptions here; for everyone else the page is read-only.

import { h, add, notice, table, field } from '../dom.js';
import { api, raw, query, ApiError } from '../api.js';
import { percent, today, STATUS, unitType, bySwedish, EXEMPTION_STATUS, EXEMPTION_REASONS } from '../format.js';
import { mayEdit, isAdmin } from '../auth.js';
import { catalogue, serviceName } from '../catalogue.js';
import { timeline } from '../charts.js';
import { heading, problemNotice, chartBox } from './common.js';

export async function unit({ match, params, session, attach, refresh, flash }) {
  const hsaId = decodeURIComponent(match[1]);
  const asOf = params.get('asOf') || today();
  const path = '/care-units/' + encodeURIComponent(hsaId);
  let details;
  try {
    details = await api(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return h('div', {}, heading('Enheten finns inte'), notice('error', 'Ingen enhet har HSA-id ' + hsaId + '.'),
        h('p', {}, h('a', { href: '#/enheter' }, 'Till enheterna')));
    }
    throw error;
  }
  const [services, periods, exemptions, compliance, card] = await Promise.all([
    catalogue(),
    api(path + '/offerings' + query({ history: true })),
    api(path + '/exemptions'),
    api(path + '/compliance' + query({ asOf })).catch(error => error),
    fetch('/api/v1/contact-cards/' + encodeURIComponent(hsaId), { headers: { Accept: 'application/json' } })
      .then(response => response.ok ? response.json() : null),
  ]);
  const editable = mayEdit(session, details.careProvider) && !(details.closedOn && details.closedOn <= today());
  const name = code => serviceName(services, code);
  const page = h('div', {}, heading(details.name, details.hsaId + ' · ' + unitType(details.unitType)));
  if (flash) add(page, notice('success', flash));
  add(page, h('dl', { class: 'facts' },
    fact('Vårdgivare', details.careProvider), fact('Förvaltning', details.administration), fact('Kommun', details.municipality),
    fact('Adress', details.address), fact('Telefon', details.phone), fact('Öppnad', details.openedOn),
    fact('Stängd från', details.closedOn)));
  if (!editable) {
    add(page, h('p', { class: 'read-only' }, mayEdit(session, details.careProvider)
      ? 'Enheten är stängd och kan inte ändras.'
      : 'Du kan se enheten men inte ändra den: din roll får bara ändra enheter hos dina egna vårdgivare.'));
  }

  add(page, complianceSection(compliance, name, asOf));

  const ongoing = periods.filter(period => period.since <= today() && (!period.until || period.until > today()));
  const timelineBox = chartBox('Erbjudna e-tjänster över tid', Math.max(120, new Set(periods.map(p => p.serviceCode)).size * 28 + 60) + 'px');
  add(page, h('section', { 'aria-labelledby': 'offerings-heading' },
    h('h2', { id: 'offerings-heading' }, 'E-tjänster över tid'),
    periods.length ? timelineBox : h('p', {}, 'Enheten har aldrig erbjudit någon e-tjänst.'),
    periods.length ? table('Perioder', ['E-tjänst', 'Från', 'Till', 'Läge', editable ? 'Ändra' : ''].filter(Boolean),
      periods.map(period => ({ attrs: { 'data-service': period.serviceCode }, cells: [name(period.serviceCode), period.since,
        period.until || 'tills vidare', periodState(period), editable ? (ongoing.includes(period) ? endButton(path, period, name, refresh) : '') : null]
        .filter(cell => cell !== null) })),
      { className: 'data periods' }) : null,
    editable ? startForm(path, services, ongoing, refresh) : null));
  if (periods.length) attach(() => timeline(timelineBox, periods.map(period => ({ ...period, name: name(period.serviceCode) })), today()));

  add(page, h('section', { 'aria-labelledby': 'exemptions-heading' },
    h('h2', { id: 'exemptions-heading' }, 'Undantag'),
    exemptions.length
      ? table('Undantag med skäl; bara beviljade räknas', ['E-tjänst', 'Skäl', 'Från', 'Till', 'Status'],
        exemptions.map(exemption => ({ attrs: { 'data-service': exemption.serviceCode, 'data-status': exemption.status },
          cells: [name(exemption.serviceCode), (EXEMPTION_REASONS[exemption.reasonCode] || exemption.reasonCode) + ': ' + exemption.reason,
            exemption.since, exemption.until || 'tills vidare',
            (EXEMPTION_STATUS[exemption.status] || exemption.status) + (exemption.decisionNote ? ' (' + exemption.decisionNote + ')' : '')] })),
        { className: 'data exemptions' })
      : h('p', {}, 'Enheten har inga undantag.'),
    editable ? exemptionForm(path, compliance, services, name, refresh, isAdmin(session)) : null));

  add(page, h('section', { 'aria-labelledby': 'card-heading' },
    h('h2', { id: 'card-heading' }, 'Kontaktkort på 1177'),
    card ? cardPreview(card) : h('p', {}, 'Enheten har inget kontaktkort (den är stängd).')));
  return page;
}

const fact = (label, value) => value ? h('div', {}, h('dt', {}, label), h('dd', {}, value)) : null;

function periodState(period) {
  const now = today();
  if (period.since > now) return 'Planerad';
  if (period.until && period.until <= now) return 'Avslutad';
  return period.until ? 'Pågår, slutar ' + period.until : 'Pågår';
}

function complianceSection(compliance, name, asOf) {
  const section = h('section', { 'aria-labelledby': 'compliance-heading' }, h('h2', { id: 'compliance-heading' }, 'Basutbudet den ' + asOf));
  if (compliance instanceof Error) {
    add(section, compliance instanceof ApiError && compliance.status === 404
      ? notice('info', 'Inget basutbud gäller ' + asOf + '.') : problemNotice(compliance));
    return section;
  }
  const list = (label, codes, kind) => codes.length
    ? h('div', { class: 'codes codes-' + kind }, h('h3', {}, label + ' (' + codes.length + ')'), h('ul', {}, codes.map(code => h('li', {}, name(code)))))
    : null;
  add(section, 
    h('p', {}, 'Enligt ', h('a', { href: '#/basutbud/' + compliance.baseline.id }, compliance.baseline.name), ': ',
      h('span', { class: 'status status-' + compliance.status }, STATUS[compliance.status]), ', poäng ', h('strong', {}, percent(compliance.score)), '.'),
    h('div', { class: 'code-lists' },
      list('Saknas', compliance.missing, 'missing'), list('Erbjuds', compliance.offered, 'offered'),
      list('Undantagna', compliance.exempted, 'exempted'), list('Utöver basutbudet', compliance.optional, 'optional')));
  return section;
}

function formStatus() {
  return h('div', { class: 'form-status', 'aria-live': 'polite' });
}

async function submitting(form, status, work) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach(button => { button.disabled = true; });
  status.replaceChildren();
  try {
    await work();
  } catch (error) {
    status.replaceChildren(problemNotice(error));
    buttons.forEach(button => { button.disabled = false; });
  }
}

function startForm(path, services, ongoing, refresh) {
  const offered = new Set(ongoing.map(period => period.serviceCode));
  const choices = [...services.values()].filter(service => service.status === 'ACTIVE' && !offered.has(service.code))
    .sort((a, b) => bySwedish(a.name, b.name));
  const service = h('select', { name: 'serviceCode', required: true }, h('option', { value: '' }, 'Välj e-tjänst'),
    choices.map(choice => h('option', { value: choice.code }, choice.name)));
  const since = h('input', { name: 'since', type: 'date', value: today(), required: true });
  const url = h('input', { name: 'url', type: 'url', placeholder: 'https://e-tjanster.1177.se/…' });
  const status = formStatus();
  const form = h('form', { class: 'inline-form', 'aria-labelledby': 'start-heading' },
    h('h3', { id: 'start-heading' }, 'Börja erbjuda en e-tjänst'),
    field('E-tjänst', service), field('Från och med', since), field('Länk (valfri)', url),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Börja erbjuda')), status);
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, status, async () => {
      const body = { since: since.value };
      if (url.value.trim()) body.url = url.value.trim();
      await raw(path + '/offerings/' + encodeURIComponent(service.value), { method: 'PUT', body });
      refresh(services.get(service.value).name + ' erbjuds från ' + since.value + '.');
    });
  });
  return form;
}

function endButton(path, period, name, refresh) {
  const wrapper = h('span', { class: 'end-offering' });
  const open = h('button', { type: 'button', class: 'secondary', onclick: () => {
    const on = h('input', { type: 'date', value: today(), required: true });
    const status = formStatus();
    const form = h('form', { class: 'confirm' },
      field('Första dagen utan tjänsten', on),
      h('button', { type: 'submit' }, 'Avsluta ' + name(period.serviceCode)),
      h('button', { type: 'button', class: 'secondary', onclick: () => wrapper.replaceChildren(open) }, 'Avbryt'), status);
    form.addEventListener('submit', event => {
      event.preventDefault();
      submitting(form, status, async () => {
        await raw(path + '/offerings/' + encodeURIComponent(period.serviceCode) + query({ on: on.value }), { method: 'DELETE' });
        refresh(name(period.serviceCode) + ' avslutas från ' + on.value + '.');
      });
    });
    wrapper.replaceChildren(form);
    on.focus();
  } }, 'Avsluta');
  wrapper.append(open);
  return wrapper;
}

function exemptionForm(path, compliance, services, name, refresh, administrator) {
  // The services the basutbud requires of the unit today; every active one when no revision is in force.
  const codes = (compliance instanceof Error
    ? [...services.values()].filter(service => service.status === 'ACTIVE').map(service => service.code)
    : [...compliance.missing, ...compliance.offered]).sort((a, b) => bySwedish(name(a), name(b)));
  if (!codes.length) return null;
  const service = h('select', { name: 'serviceCode', required: true }, h('option', { value: '' }, 'Välj e-tjänst'),
    codes.map(code => h('option', { value: code }, name(code))));
  const reasonCode = h('select', { name: 'reasonCode' },
    Object.entries(EXEMPTION_REASONS).map(([code, text]) => h('option', { value: code, selected: code === 'NOT_APPLICABLE' }, text)));
  const reason = h('textarea', { name: 'reason', required: true, maxlength: 1000, rows: 3 });
  const since = h('input', { name: 'since', type: 'date', value: today() });
  const until = h('input', { name: 'until', type: 'date' });
  const status = formStatus();
  const form = h('form', { class: 'inline-form', 'aria-labelledby': 'exemption-heading' },
    h('h3', { id: 'exemption-heading' }, administrator ? 'Undanta enheten från en e-tjänst i basutbudet' : 'Begär undantag från en e-tjänst i basutbudet'),
    administrator ? null : h('p', { class: 'hint' }, 'Undantaget räknas först när en administratör har beviljat det.'),
    field('E-tjänst', service), field('Skälkod', reasonCode), field('Skäl', reason), field('Från och med', since), field('Till (valfritt, första dagen utan undantag)', until),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, administrator ? 'Spara undantag' : 'Skicka begäran')), status);
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, status, async () => {
      const body = { reason: reason.value.trim(), reasonCode: reasonCode.value, since: since.value || undefined, until: until.value || undefined };
      await raw(path + '/exemptions/' + encodeURIComponent(service.value), { method: 'PUT', body });
      refresh(administrator ? 'Undantaget från ' + name(service.value) + ' är beviljat.'
        : 'Begäran om undantag från ' + name(service.value) + ' är skickad för beslut.');
    });
  });
  return form;
}

function cardPreview(card) {
  return h('article', { class: 'card-preview', 'aria-label': 'Förhandsvisning av kontaktkortet' },
    h('h3', {}, card.name),
    h('p', { class: 'card-meta' }, [card.address, card.phone].filter(Boolean).join(' · ')),
    h('h4', {}, 'E-tjänster'),
    card.eServices.length
      ? h('ul', {}, card.eServices.map(service => h('li', {}, service.url
        ? h('a', { href: service.url, rel: 'noopener noreferrer', target: '_blank' }, service.name) : service.name)))
      : h('p', {}, 'Inga e-tjänster.'));
}
