// The filters every report view shares, kept in the address (#/view?asOf=…&careProvider=…) so that a link
// shows the same selection to whoever opens it.

import { h, field } from './dom.js';
import { UNIT_TYPES } from './format.js';

export const FILTERS = ['asOf', 'careProvider', 'administration', 'unitType', 'municipality'];

/** The filters in the address, as API query parameters (empty ones left out). */
export function filtersOf(params) {
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** Moves to the same view with new parameters; the hashchange renders it. */
export function navigate(path, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  location.hash = '#' + path + (text ? '?' + text : '');
}

/**
 * The filter form: date, care provider, administration, unit type and municipality, plus any extra fields
 * a view adds. Submitting keeps the view's other parameters and starts again on the first page.
 */
export function filterForm(path, params, extraFields = []) {
  const input = (name, type = 'text', attrs = {}) =>
    h('input', { name, type, value: params.get(name) || '', autocomplete: 'off', ...attrs });
  const unitType = h('select', { name: 'unitType' },
    h('option', { value: '' }, 'Alla'),
    Object.entries(UNIT_TYPES).map(([code, name]) =>
      h('option', { value: code, selected: params.get('unitType') === code }, name)));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Urval' },
    field('Datum', input('asOf', 'date'), null),
    field('Vårdgivare (HSA-id)', input('careProvider', 'text', { placeholder: 'SE2321000073', spellcheck: 'false' })),
    field('Förvaltning', input('administration')),
    field('Enhetstyp', unitType),
    field('Kommun', input('municipality')),
    extraFields,
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Visa'),
      h('button', { type: 'button', class: 'secondary', onclick: () => navigate(path, {}) }, 'Rensa')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = Object.fromEntries([...params.entries()].filter(([key]) => key !== 'page'));
    for (const element of form.elements) {
      if (element.name) next[element.name] = element.value.trim();
    }
    navigate(path, next);
  });
  return form;
}

/** "Kalmar kommun, primärvård" – what the selection is, in words, for headings and captions. */
export function describe(filters) {
  const parts = [];
  if (filters.careProvider) parts.push('vårdgivare ' + filters.careProvider);
  if (filters.administration) parts.push('förvaltning ' + filters.administration);
  if (filters.unitType) parts.push(UNIT_TYPES[filters.unitType] || filters.unitType);
  if (filters.municipality) parts.push(filters.municipality);
  return parts.length ? parts.join(', ') : 'hela regionen';
}
