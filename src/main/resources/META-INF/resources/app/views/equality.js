// Jämlikhet: compliance per municipality, ranked, so that the thin places show; and for one e-service the
// share of units and of listed residents covered per municipality, with the units whose figure is unknown.

import { h, add, notice, table, field } from '../dom.js';
import { api, query } from '../api.js';
import { percent, number, today, bySwedish } from '../format.js';
import { filterForm, filtersOf, describe } from '../filters.js';
import { rankedBars, barHeight } from '../charts.js';
import { catalogue, serviceName } from '../catalogue.js';
import { heading, keyFigures, problemNotice, isMissingRevision, missingRevisionNotice, workbookButton, chartBox } from './common.js';

const byScore = (a, b) => (a.averageScore ?? -1) - (b.averageScore ?? -1) || bySwedish(a.key, b.key);

export async function equality({ params, attach }) {
  const filters = filtersOf(params);
  const asOf = filters.asOf || today();
  const services = await catalogue();
  const active = [...services.values()].filter(service => service.status === 'ACTIVE').sort((a, b) => bySwedish(a.name, b.name));
  let groups;
  let required = [];
  const page = h('div', {}, heading('Jämlikhet', 'Basutbudet per kommun i ' + describe(filters) + ' den ' + asOf));
  try {
    groups = await api('/compliance/groups' + query({ ...filters, by: 'municipality' }));
    required = (await api('/compliance/services' + query(filters))).items.map(item => item.serviceCode);
  } catch (error) {
    if (!isMissingRevision(error)) {
      add(page, filterForm('/jamlikhet', params), problemNotice(error));
      return page;
    }
    add(page, missingRevisionNotice(asOf));
  }
  const serviceCode = params.get('serviceCode') || required[0] || active[0]?.code;
  const serviceField = h('select', { name: 'serviceCode' }, active.map(service =>
    h('option', { value: service.code, selected: service.code === serviceCode }, service.name + (required.includes(service.code) ? ' (basutbud)' : ''))));
  page.insertBefore(filterForm('/jamlikhet', params, [field('E-tjänst för täckningen', serviceField)]), page.children[1] || null);

  if (groups) {
    const ranked = groups.items.filter(group => group.units > 0).sort(byScore);
    const box = chartBox('Medelpoäng per kommun, lägst först', barHeight(ranked.length));
    add(page, h('section', { 'aria-labelledby': 'municipality-heading' },
      h('h2', { id: 'municipality-heading' }, 'Efterlevnad per kommun, lägst först'),
      ranked.length ? box : notice('info', 'Inga öppna enheter matchar urvalet.'),
      table('Efterlevnad per kommun', ['Kommun', 'Enheter', 'Uppfyller', 'Delvis', 'Uppfyller inte', 'Medelpoäng'],
        ranked.map(group => ({ attrs: { 'data-key': group.key ?? '' }, cells: [group.key || 'Okänd kommun', number(group.units),
          number(group.compliant), number(group.partial), number(group.nonCompliant), percent(group.averageScore)] })),
        { numeric: [1, 2, 3, 4, 5], className: 'data municipalities' }),
      workbookButton('Ladda ned (Excel)', '/compliance/groups' + query({ ...filters, by: 'municipality' }), 'kommuner-' + asOf + '.xlsx')));
    if (ranked.length) attach(() => rankedBars(box, ranked.map(group => group.key || 'Okänd kommun'), ranked.map(group => group.averageScore ?? null), 'Medelpoäng'));
  }

  if (!serviceCode) return page;
  let coverage;
  try {
    coverage = await api('/coverage' + query({ ...filters, serviceCode, by: 'municipality' }));
  } catch (error) {
    add(page, problemNotice(error));
    return page;
  }
  const summary = coverage.summary;
  // Ranked by the share of residents where figures exist; by the share of units where none do.
  const byResidents = summary.residentCoverage !== undefined;
  const share = item => byResidents ? item.residentCoverage : item.unitCoverage;
  const rankedCoverage = coverage.items.slice().sort((a, b) =>
    (share(a) ?? -1) - (share(b) ?? -1) || bySwedish(a.key, b.key));
  const measure = byResidents ? 'Andel listade invånare' : 'Andel enheter';
  const box = chartBox(measure + ' som når ' + serviceName(services, serviceCode) + ' per kommun', barHeight(rankedCoverage.length));
  add(page, h('section', { 'aria-labelledby': 'coverage-heading' },
    h('h2', { id: 'coverage-heading' }, serviceName(services, serviceCode) + ': täckning per kommun'),
    keyFigures('Täckning i hela urvalet', [
      ['Andel enheter', summary.unitCoverage, percent],
      ['Andel listade invånare', summary.residentCoverage, percent],
      ['Skillnad högst–lägst (invånare)', summary.gap, percent],
      ['Enheter utan invånarsiffra', summary.unknownResidentUnits, number],
    ]),
    byResidents
      ? h('p', {}, 'Lägst: ', h('strong', {}, summary.lowest.key || 'Okänd kommun'), ' (' + percent(summary.lowest.residentCoverage) + '). Högst: ',
        h('strong', {}, summary.highest.key || 'Okänd kommun'), ' (' + percent(summary.highest.residentCoverage) + ').')
      : notice('info', 'Ingen av enheterna har en siffra för listade invånare; staplarna visar andelen enheter.'),
    rankedCoverage.length ? box : notice('info', 'Inga enheter matchar urvalet.'),
    table('Täckning per kommun', ['Kommun', 'Enheter', 'Erbjuder', 'Undantagna', 'Andel enheter', 'Listade invånare', 'Nådda invånare', 'Andel invånare', 'Utan siffra'],
      rankedCoverage.map(item => ({ attrs: { 'data-key': item.key ?? '' }, cells: [item.key || 'Okänd kommun',
        ...[['units', number], ['offeringUnits', number], ['exemptedUnits', number], ['unitCoverage', percent], ['residents', number],
          ['residentsCovered', number], ['residentCoverage', percent], ['unknownResidentUnits', number]]
          .map(([name, format]) => ({ text: format(item[name]), value: item[name] }))] })),
      { numeric: [1, 2, 3, 4, 5, 6, 7, 8], className: 'data coverage' }),
    workbookButton('Ladda ned (Excel)', '/coverage' + query({ ...filters, serviceCode, by: 'municipality' }), 'tackning-' + serviceCode + '-' + asOf + '.xlsx')));
  if (rankedCoverage.length) {
    attach(() => rankedBars(box, rankedCoverage.map(item => item.key || 'Okänd kommun'), rankedCoverage.map(item => share(item) ?? null), measure));
  }
  return page;
}
