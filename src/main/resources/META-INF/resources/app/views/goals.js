// Mål: management's goals with dates, each with its monthly history, the projection to the deadline and its
// status; administrators set new goals and remove old ones here.

import { h, add, notice, table, field } from '../dom.js';
import { api, raw, query } from '../api.js';
import { percent, UNIT_TYPES, unitType, bySwedish } from '../format.js';
import { isAdmin } from '../auth.js';
import { catalogue, serviceName } from '../catalogue.js';
import { navigate } from '../filters.js';
import { goalChart } from '../charts.js';
import { heading, problemNotice, chartBox } from './common.js';

export const GOAL_STATUS = { MET: 'Uppnått', ON_TRACK: 'I fas', AT_RISK: 'I riskzonen', MISSED: 'Missat' };
const METRICS = {
  SERVICE_COVERAGE: 'Andel enheter som erbjuder en e-tjänst',
  RESIDENT_COVERAGE: 'Andel listade invånare som når en e-tjänst',
  COMPLIANT_SHARE: 'Andel enheter som uppfyller basutbudet',
  AVERAGE_SCORE: 'Medelpoäng mot basutbudet',
};

function scopeText(scope) {
  const parts = [];
  if (scope.careProvider) parts.push('vårdgivare ' + scope.careProvider);
  if (scope.administration) parts.push(scope.administration);
  if (scope.unitTypes?.length) parts.push(scope.unitTypes.map(unitType).join(', '));
  if (scope.municipality) parts.push(scope.municipality);
  return parts.length ? parts.join(' · ') : 'hela regionen';
}

export async function goals({ params, session, attach, refresh, flash }) {
  const status = GOAL_STATUS[params.get('status')] ? params.get('status') : '';
  const [list, services] = await Promise.all([api('/goals' + query({ status, size: 200 })), catalogue()]);
  const filter = h('select', { id: 'f-goal-status', name: 'status' }, h('option', { value: '' }, 'Alla'),
    Object.entries(GOAL_STATUS).map(([code, name]) => h('option', { value: code, selected: code === status }, name)));
  filter.addEventListener('change', () => navigate('/mal', { status: filter.value }));
  const page = h('div', {}, heading('Mål', 'Regionens mål med datum, och hur det går'),
    h('div', { class: 'filters' }, field('Visa', filter)));
  if (flash) add(page, notice('success', flash));
  if (!list.items.length) {
    add(page, notice('info', status ? 'Inga mål har status ' + GOAL_STATUS[status].toLowerCase() + '.' : 'Inga mål är satta ännu.'));
  }
  for (const goal of list.items) {
    const progress = goal.progress;
    const box = chartBox('Utfall och prognos för ' + goal.name, '260px');
    add(page, h('section', { class: 'goal', 'data-goal': goal.id, 'aria-labelledby': 'goal-' + goal.id },
      h('h2', { id: 'goal-' + goal.id }, goal.name, ' ', h('span', { class: 'goal-status goal-' + progress.status, 'data-status': progress.status },
        GOAL_STATUS[progress.status])),
      h('p', { class: 'goal-what' }, METRICS[goal.metric] + (goal.serviceCode ? ': ' + serviceName(services, goal.serviceCode) : ''),
        ', ' + scopeText(goal.scope) + '. Mål ' + percent(goal.target) + ' senast ' + goal.deadline + '.',
        goal.source ? h('span', { class: 'goal-source' }, ' Beslut: ' + goal.source) : null),
      h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, 'I dag'), h('dd', { 'data-value': progress.value ?? '' }, percent(progress.value))),
        h('div', {}, h('dt', {}, 'Kvar till målet'), h('dd', {}, progress.gap === undefined ? '–' : percent(Math.max(0, progress.gap)))),
        h('div', {}, h('dt', {}, 'Prognos ' + goal.deadline), h('dd', {}, percent(progress.projection.atDeadline)))),
      box,
      h('details', {}, h('summary', {}, 'Visa som tabell'),
        table('Utfall per månad', ['Datum', 'Utfall'], progress.history.map(point => [point.date, percent(point.value)]), { numeric: [1] })),
      isAdmin(session) ? removeButton(goal, refresh) : null));
    attach(() => goalChart(box, progress.history, Number(goal.target), goal.deadline, progress.projection.atDeadline));
  }
  if (isAdmin(session)) add(page, goalForm(services, refresh));
  return page;
}

function removeButton(goal, refresh) {
  const status = h('span', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    const confirm = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': 'Ta bort målet' },
      h('p', {}, 'Ta bort målet ' + goal.name + '? Det går inte att ångra.'),
      h('button', { type: 'button', class: 'danger', onclick: async () => {
        try {
          await raw('/goals/' + goal.id, { method: 'DELETE' });
          refresh('Målet ' + goal.name + ' är borttaget.');
        } catch (error) {
          status.replaceChildren(problemNotice(error));
        }
      } }, 'Ja, ta bort'),
      h('button', { type: 'button', class: 'secondary', onclick: () => { confirm.replaceWith(button); button.focus(); } }, 'Avbryt'));
    button.replaceWith(confirm);
    confirm.querySelector('button').focus();
  } }, 'Ta bort målet');
  return h('div', { class: 'actions' }, button, status);
}

function goalForm(services, refresh) {
  const name = h('input', { name: 'name', required: true, maxlength: 200 });
  const metric = h('select', { name: 'metric' }, Object.entries(METRICS).map(([code, text]) => h('option', { value: code }, text)));
  const service = h('select', { name: 'serviceCode' }, h('option', { value: '' }, 'Välj e-tjänst'),
    [...services.values()].filter(item => item.status === 'ACTIVE').sort((a, b) => bySwedish(a.name, b.name))
      .map(item => h('option', { value: item.code }, item.name)));
  const serviceField = field('E-tjänst', service);
  metric.addEventListener('change', () => { serviceField.hidden = !metric.value.endsWith('_COVERAGE'); });
  const target = h('input', { name: 'target', type: 'number', min: 0, max: 100, step: 'any', required: true, value: 90 });
  const deadline = h('input', { name: 'deadline', type: 'date', required: true });
  const from = h('input', { name: 'from', type: 'date' });
  const careProvider = h('input', { name: 'careProvider', spellcheck: 'false' });
  const municipality = h('input', { name: 'municipality' });
  const boxes = Object.entries(UNIT_TYPES).map(([code, label]) => {
    const box = h('input', { type: 'checkbox', value: code, id: 'f-goal-type-' + code });
    return h('span', { class: 'checkbox' }, box, h('label', { for: box.id }, label));
  });
  const source = h('input', { name: 'source', maxlength: 2000 });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form', 'aria-labelledby': 'new-goal-heading' },
    h('h2', { id: 'new-goal-heading' }, 'Nytt mål'),
    field('Namn', name), field('Mått', metric), serviceField,
    field('Mål i procent', target), field('Senast', deadline), field('Följs upp från (valfritt; annars ett år bakåt)', from),
    field('Vårdgivare (valfritt)', careProvider), field('Kommun (valfritt)', municipality),
    h('fieldset', {}, h('legend', {}, 'Enhetstyper (inga valda: alla)'), boxes),
    field('Beslut (valfritt)', source),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sätt målet')), status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {
      name: name.value.trim(),
      metric: metric.value,
      target: Math.round(Number(target.value) * 100) / 10000,
      deadline: deadline.value,
      scope: {
        careProvider: careProvider.value.trim() || undefined,
        municipality: municipality.value.trim() || undefined,
        unitTypes: boxes.map(span => span.firstChild).filter(box => box.checked).map(box => box.value),
      },
    };
    if (metric.value.endsWith('_COVERAGE')) body.serviceCode = service.value;
    if (from.value) body.from = from.value;
    if (source.value.trim()) body.source = source.value.trim();
    try {
      await api('/goals', { method: 'POST', body });
      refresh('Målet ' + body.name + ' är satt.');
    } catch (error) {
      status.replaceChildren(problemNotice(error));
    }
  });
  return form;
}
