// Enheter × tjänster: each unit (row) against each service the revision requires (column): offered, missing,
// exempted, or not required of the unit's type; sortable, filterable, a page of rows at a time.

import { h, add, notice } from '../dom.js';
import { api, query } from '../api.js';
import { percent, number, today, STATUS, unitType, bySwedish } from '../format.js';
import { catalogue } from '../catalogue.js';
import { filterForm, filtersOf, describe, navigate } from '../filters.js';
import { heading, problemNotice, isMissingRevision, missingRevisionNotice, workbookButton } from './common.js';

const PAGE_SIZE = 100;

export const CELL = {
  offered: { symbol: '✓', text: 'erbjuds' },
  missing: { symbol: '✗', text: 'saknas' },
  exempted: { symbol: 'U', text: 'undantag' },
  notRequired: { symbol: '', text: 'krävs inte av enhetstypen' },
};

/** The state of one requirement at one unit of the report. */
export function cellOf(unit, requirement) {
  if (requirement.unitTypes.length && !requirement.unitTypes.includes(unit.unitType)) return 'notRequired';
  if (unit.exempted.includes(requirement.serviceCode)) return 'exempted';
  if (unit.missing.includes(requirement.serviceCode)) return 'missing';
  return 'offered';
}

const SORTS = {
  name: (a, b) => bySwedish(a.name, b.name),
  score: (a, b) => a.score - b.score || bySwedish(a.name, b.name),
  '-score': (a, b) => b.score - a.score || bySwedish(a.name, b.name),
};

export async function heatmap({ params }) {
  const filters = filtersOf(params);
  const asOf = filters.asOf || today();
  const sort = SORTS[params.get('sort')] ? params.get('sort') : 'score';
  const search = (params.get('q') || '').trim().toLocaleLowerCase('sv');
  const status = params.get('status') || '';
  const pageNumber = Math.max(1, Number.parseInt(params.get('page'), 10) || 1);
  const path = '/enheter';
  const extra = [
    h('div', { class: 'field' }, h('label', { for: 'f-q' }, 'Enhetens namn innehåller'),
      h('input', { id: 'f-q', name: 'q', type: 'search', value: params.get('q') || '' })),
    h('div', { class: 'field' }, h('label', { for: 'f-status' }, 'Status'),
      h('select', { id: 'f-status', name: 'status' }, h('option', { value: '' }, 'Alla'),
        Object.entries(STATUS).map(([code, name]) => h('option', { value: code, selected: status === code }, name)))),
    h('div', { class: 'field' }, h('label', { for: 'f-sort' }, 'Sortering'),
      h('select', { id: 'f-sort', name: 'sort' },
        h('option', { value: 'score', selected: sort === 'score' }, 'Lägst poäng först'),
        h('option', { value: '-score', selected: sort === '-score' }, 'Högst poäng först'),
        h('option', { value: 'name', selected: sort === 'name' }, 'Namn'))),
  ];
  const page = h('div', {}, heading('Enheter × tjänster', 'Vad varje enhet i ' + describe(filters) + ' erbjuder den ' + asOf),
    filterForm(path, params, extra));
  let report;
  let revision;
  let services;
  try {
    // The report's revision is the one in force on the date: all three at once.
    [report, revision, services] = await Promise.all([
      api('/compliance' + query(filters)),
      api('/baselines/current' + query({ date: asOf })),
      catalogue(),
    ]);
  } catch (error) {
    add(page, isMissingRevision(error) ? missingRevisionNotice(asOf) : problemNotice(error));
    return page;
  }
  const names = new Map([...services.values()].map(service => [service.code, service.name]));
  const requirements = revision.requirements;
  const units = report.units
    .filter(unit => !search || unit.name.toLocaleLowerCase('sv').includes(search))
    .filter(unit => !status || unit.status === status)
    .sort(SORTS[sort]);
  const pages = Math.max(1, Math.ceil(units.length / PAGE_SIZE));
  const current = Math.min(pageNumber, pages);
  const shown = units.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  add(page, h('p', { class: 'revision' }, 'Revision: ', h('a', { href: '#/basutbud/' + report.baseline.id }, report.baseline.name),
    '. ', number(units.length), ' av ', number(report.units.length), ' enheter. ',
    workbookButton('Ladda ned (Excel)', '/compliance' + query(filters), 'enheter-' + asOf + '.xlsx')));
  if (!report.units.length) {
    add(page, notice('info', 'Inga öppna enheter matchar urvalet den ' + asOf + '.'));
    return page;
  }
  if (!requirements.length) {
    add(page, notice('info', 'Revisionen ' + report.baseline.name + ' kräver inga tjänster.'));
    return page;
  }
  add(page, legend(), h('div', { class: 'heatmap-scroll', tabindex: '0', role: 'region', 'aria-label': 'Tabell: enheter och tjänster' },
    h('table', { class: 'heatmap' },
      h('caption', {}, 'Enheter och de tjänster revisionen kräver, sida ' + current + ' av ' + pages),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'unit-col' }, 'Enhet'),
        h('th', { scope: 'col', class: 'num' }, 'Poäng'),
        h('th', { scope: 'col' }, 'Status'),
        requirements.map(requirement => h('th', { scope: 'col', class: 'service-col', title: requirement.serviceCode },
          h('span', {}, names.get(requirement.serviceCode) || requirement.serviceCode))))),
      h('tbody', {}, shown.map(unit => h('tr', { 'data-hsa-id': unit.hsaId },
        h('th', { scope: 'row', class: 'unit-col' }, h('a', { href: '#/enheter/' + encodeURIComponent(unit.hsaId) }, unit.name),
          h('span', { class: 'unit-meta' }, unit.hsaId + ' · ' + unitType(unit.unitType))),
        h('td', { class: 'num', 'data-score': unit.score }, percent(unit.score)),
        h('td', {}, h('span', { class: 'status status-' + unit.status, 'data-status': unit.status }, STATUS[unit.status])),
        requirements.map(requirement => {
          const state = cellOf(unit, requirement);
          const label = (names.get(requirement.serviceCode) || requirement.serviceCode) + ': ' + CELL[state].text;
          return h('td', { class: 'cell cell-' + state, title: label, 'data-service': requirement.serviceCode, 'data-state': state },
            h('span', { 'aria-hidden': 'true' }, CELL[state].symbol), h('span', { class: 'visually-hidden' }, CELL[state].text));
        })))))));
  if (pages > 1) add(page, pager(path, params, current, pages));
  return page;
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Teckenförklaring' },
    ['offered', 'missing', 'exempted', 'notRequired'].map(state =>
      h('li', {}, h('span', { class: 'cell cell-' + state, 'aria-hidden': 'true' }, CELL[state].symbol || ' '), ' ', CELL[state].text)));
}

function pager(path, params, current, pages) {
  const go = number => () => navigate(path, { ...Object.fromEntries(params.entries()), page: number });
  return h('nav', { class: 'pager', 'aria-label': 'Sidor' },
    h('button', { type: 'button', class: 'secondary', disabled: current <= 1, onclick: go(current - 1) }, 'Föregående'),
    h('span', {}, 'Sida ' + current + ' av ' + pages),
    h('button', { type: 'button', class: 'secondary', disabled: current >= pages, onclick: go(current + 1) }, 'Nästa'));
}
