// Basutbud: the revisions; next year's draft started from the one in force; requirements added, limited to
// unit types and removed; what the draft would do beside the revision in force; publishing, confirmed with
// the date it applies from. Published revisions are read-only, here as in the API.

import { h, add, notice, table, field } from '../dom.js';
import { api, raw, query, ApiError } from '../api.js';
import { percent, number, today, STATUS, UNIT_TYPES, unitType, bySwedish } from '../format.js';
import { isAdmin } from '../auth.js';
import { catalogue, serviceName } from '../catalogue.js';
import { navigate } from '../filters.js';
import { heading, keyFigures, problemNotice } from './common.js';

const STATUS_NAMES = { DRAFT: 'Utkast', PUBLISHED: 'Publicerad' };
const dayBefore = isoDate => new Date(Date.parse(isoDate + 'T00:00:00Z') - 86400000).toISOString().slice(0, 10);
const types = list => list.length ? list.map(unitType).join(', ') : 'Alla enhetstyper';

export async function baselines({ session, flash }) {
  const [list, current] = await Promise.all([
    api('/baselines' + query({ size: 100 })),
    api('/baselines/current').catch(error => { if (error instanceof ApiError && error.status === 404) return null; throw error; }),
  ]);
  const page = h('div', {}, heading('Basutbud', 'Revisionerna av basutbudet, den senaste först'));
  if (flash) add(page, notice('success', flash));
  add(page, current
    ? h('p', {}, 'I dag gäller ', h('a', { href: '#/basutbud/' + current.id }, current.name), ' (från ' + current.validFrom + ').')
    : notice('info', 'Ingen publicerad revision gäller i dag.'));
  add(page, list.items.length
    ? table('Revisioner', ['Revision', 'Status', 'Gäller från', 'Beslut', 'Krav'],
      list.items.map(item => [h('a', { href: '#/basutbud/' + item.id }, item.name), STATUS_NAMES[item.status] || item.status,
        item.validFrom || '–', item.decision || '–', number(item.requirements.length)]), { className: 'data revisions' })
    : notice('info', 'Det finns inga revisioner ännu.'));
  if (isAdmin(session)) add(page, newDraftForm(current));
  return page;
}

function newDraftForm(current) {
  const year = new Date().getFullYear() + 1;
  const name = h('input', { name: 'name', required: true, maxlength: 200, value: 'Basutbud ' + year });
  const validFrom = h('input', { name: 'validFrom', type: 'date', required: true, value: year + '-01-01' });
  const decision = h('input', { name: 'decision', maxlength: 2000 });
  const copy = h('input', { type: 'checkbox', id: 'f-copy', name: 'copyFrom', checked: Boolean(current), disabled: !current });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form', 'aria-labelledby': 'draft-heading' },
    h('h2', { id: 'draft-heading' }, 'Nytt utkast'),
    field('Namn', name), field('Gäller från', validFrom), field('Beslut (valfritt)', decision),
    h('div', { class: 'field checkbox' }, copy, h('label', { for: 'f-copy' }, current ? 'Börja med kraven i ' + current.name : 'Ingen revision att utgå från')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Skapa utkast')), status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: name.value.trim(), validFrom: validFrom.value };
    if (decision.value.trim()) body.decision = decision.value.trim();
    if (copy.checked && current) body.copyFrom = current.id;
    try {
      const created = await api('/baselines', { method: 'POST', body });
      navigate('/basutbud/' + created.id, {});
    } catch (error) {
      status.replaceChildren(problemNotice(error));
    }
  });
  return form;
}

export async function baseline({ match, session, refresh, flash }) {
  const id = match[1];
  let response;
  try {
    response = await raw('/baselines/' + id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return h('div', {}, heading('Revisionen finns inte'), notice('error', 'Ingen revision har id ' + id + '.'),
        h('p', {}, h('a', { href: '#/basutbud' }, 'Till revisionerna')));
    }
    throw error;
  }
  const etag = response.headers.get('ETag');
  const revision = await response.json();
  const services = await catalogue();
  const name = code => serviceName(services, code);
  const editable = isAdmin(session) && revision.status === 'DRAFT';
  const page = h('div', {}, heading(revision.name, (STATUS_NAMES[revision.status] || revision.status)
    + (revision.validFrom ? ', gäller från ' + revision.validFrom : '')));
  if (flash) add(page, notice('success', flash));
  add(page, h('dl', { class: 'facts' },
    h('div', {}, h('dt', {}, 'Beslut'), h('dd', {}, revision.decision || '–')),
    revision.publishedAt ? h('div', {}, h('dt', {}, 'Publicerad'), h('dd', {}, revision.publishedAt.slice(0, 10) + (revision.publishedBy ? ' av ' + revision.publishedBy : ''))) : null));
  if (revision.status === 'PUBLISHED') add(page, h('p', { class: 'read-only' }, 'En publicerad revision ändras aldrig.'));

  const write = (path, options) => raw('/baselines/' + id + path, { ...options, headers: etag ? { 'If-Match': etag } : {} });
  const onConflict = error => error instanceof ApiError && error.status === 412
    ? refresh('Revisionen hade ändrats av någon annan; här är den som den är nu.') : Promise.reject(error);

  add(page, h('section', { 'aria-labelledby': 'requirements-heading' },
    h('h2', { id: 'requirements-heading' }, 'Krav (' + revision.requirements.length + ')'),
    revision.requirements.length
      ? table('Tjänster som revisionen kräver', ['E-tjänst', 'Krävs av', ''],
        revision.requirements.map(requirement => [name(requirement.serviceCode), types(requirement.unitTypes),
          editable ? h('button', { type: 'button', class: 'secondary', 'aria-label': 'Ta bort ' + name(requirement.serviceCode),
            onclick: event => {
              event.target.disabled = true;
              write('/requirements/' + encodeURIComponent(requirement.serviceCode), { method: 'DELETE' })
                .then(() => refresh(name(requirement.serviceCode) + ' är borttagen ur utkastet.'))
                .catch(onConflict).catch(error => { event.target.disabled = false; page.prepend(problemNotice(error)); });
            } }, 'Ta bort') : '']), { className: 'data requirements' })
      : h('p', {}, 'Revisionen kräver inga tjänster ännu.'),
    editable ? requirementForm(revision, services, write, onConflict, refresh) : null));

  if (revision.status === 'DRAFT') {
    add(page, await whatIf(revision, name));
    if (editable) add(page, publishForm(revision, write, onConflict, refresh));
  }
  return page;
}

function requirementForm(revision, services, write, onConflict, refresh) {
  const choices = [...services.values()].filter(service => service.status === 'ACTIVE').sort((a, b) => bySwedish(a.name, b.name));
  const present = new Map(revision.requirements.map(requirement => [requirement.serviceCode, requirement.unitTypes]));
  const service = h('select', { name: 'serviceCode', required: true }, h('option', { value: '' }, 'Välj e-tjänst'),
    choices.map(choice => h('option', { value: choice.code }, choice.name + (present.has(choice.code) ? ' (finns, ändra enhetstyper)' : ''))));
  const boxes = Object.entries(UNIT_TYPES).map(([code, label]) => {
    const box = h('input', { type: 'checkbox', name: 'unitTypes', value: code, id: 'f-type-' + code });
    return h('span', { class: 'checkbox' }, box, h('label', { for: box.id }, label));
  });
  service.addEventListener('change', () => {
    const chosen = present.get(service.value) || [];
    boxes.forEach(span => { span.firstChild.checked = chosen.includes(span.firstChild.value); });
  });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form', 'aria-labelledby': 'requirement-heading' },
    h('h3', { id: 'requirement-heading' }, 'Lägg till eller ändra ett krav'),
    field('E-tjänst', service),
    h('fieldset', {}, h('legend', {}, 'Krävs av (inga valda: alla enhetstyper)'), boxes),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Spara kravet')), status);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const unitTypes = boxes.map(span => span.firstChild).filter(box => box.checked).map(box => box.value);
    write('/requirements/' + encodeURIComponent(service.value), { method: 'PUT', body: { unitTypes } })
      .then(() => refresh(services.get(service.value).name + ' krävs av ' + types(unitTypes).toLowerCase() + '.'))
      .catch(onConflict).catch(error => status.replaceChildren(problemNotice(error)));
  });
  return form;
}

/** What the draft would do: its requirements beside the revision in force, and the units whose status changes. */
async function whatIf(revision, name) {
  const section = h('section', { 'aria-labelledby': 'what-if-heading' }, h('h2', { id: 'what-if-heading' }, 'Vad utkastet skulle göra'));
  let diff;
  try {
    // Against the revision the draft would follow: the one in force the day before it applies.
    const followed = await api('/baselines/current' + query({ date: dayBefore(revision.validFrom) }))
      .catch(error => { if (error instanceof ApiError && error.status === 404) return null; throw error; });
    diff = await api('/baselines/' + revision.id + '/diff' + query({ against: followed?.id, size: 200 }));
  } catch (error) {
    add(section, error instanceof ApiError && error.status === 404
      ? notice('info', 'Det finns ingen publicerad revision att jämföra utkastet med.') : problemNotice(error));
    return section;
  }
  const impact = diff.impact;
  const changes = [
    ...diff.added.map(item => [name(item.serviceCode), 'Nytt krav', '–', types(item.unitTypes)]),
    ...diff.removed.map(item => [name(item.serviceCode), 'Tas bort', types(item.unitTypes), '–']),
    ...diff.changed.map(item => [name(item.serviceCode), 'Andra enhetstyper', types(item.from), types(item.to)]),
  ];
  add(section, 
    h('p', {}, 'Jämfört med ', h('strong', {}, diff.from.name), ', för enheterna som de är den ' + impact.asOf + '.'),
    changes.length
      ? table('Skillnader mot ' + diff.from.name, ['E-tjänst', 'Ändring', diff.from.name, diff.to.name], changes, { className: 'data diff' })
      : h('p', {}, 'Utkastet kräver samma tjänster som ' + diff.from.name + '.'),
    keyFigures('Effekt', [
      ['Medelpoäng nu', impact.averageScore.from, percent],
      ['Medelpoäng med utkastet', impact.averageScore.to, percent],
      ['Uppfyller nu', impact.compliant.from, number],
      ['Uppfyller med utkastet', impact.compliant.to, number],
      ['Enheter som byter status', impact.unitsTotal, number],
    ]),
    impact.statusChanges.length
      ? table('Statusbyten', ['Från', 'Till', 'Enheter'], impact.statusChanges.map(change =>
        [STATUS[change.from], STATUS[change.to], number(change.units)]), { numeric: [2], className: 'data status-changes' })
      : null,
    impact.units.length
      ? table('Enheter som byter status' + (impact.unitsTotal > impact.units.length ? ' (de första ' + impact.units.length + ' av ' + impact.unitsTotal + ')' : ''),
        ['Enhet', 'Nu', 'Med utkastet'],
        impact.units.map(unit => ({ attrs: { 'data-hsa-id': unit.hsaId }, cells: [h('a', { href: '#/enheter/' + encodeURIComponent(unit.hsaId) }, unit.name),
          STATUS[unit.from.status] + ' (' + percent(unit.from.score) + ')', STATUS[unit.to.status] + ' (' + percent(unit.to.score) + ')'] })),
        { className: 'data changed-units' })
      : h('p', {}, 'Ingen enhet byter status.'));
  return section;
}

function publishForm(revision, write, onConflict, refresh) {
  const status = h('div', { 'aria-live': 'polite' });
  const section = h('section', { 'aria-labelledby': 'publish-heading', class: 'publish' }, h('h2', { id: 'publish-heading' }, 'Publicera'));
  const start = h('button', { type: 'button', onclick: () => {
    const confirmText = 'Publicera ' + revision.name + '? Den gäller från ' + revision.validFrom
      + (revision.validFrom <= today() ? ' (redan i dag)' : '') + ' och kan aldrig ändras efteråt.';
    const confirm = h('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-text' },
      h('p', { id: 'confirm-text' }, confirmText),
      h('button', { type: 'button', class: 'danger', onclick: () => write('/publish', { method: 'POST' })
        .then(() => refresh(revision.name + ' är publicerad och gäller från ' + revision.validFrom + '.'))
        .catch(onConflict).catch(error => status.replaceChildren(problemNotice(error))) }, 'Ja, publicera'),
      h('button', { type: 'button', class: 'secondary', onclick: () => { confirm.replaceWith(start); start.focus(); } }, 'Avbryt'));
    start.replaceWith(confirm);
    confirm.querySelector('button').focus();
  } }, 'Publicera ' + revision.name);
  add(section, h('p', {}, 'När revisionen är publicerad gäller den från ' + revision.validFrom + ' och ändras aldrig.'), start, status);
  return section;
}
