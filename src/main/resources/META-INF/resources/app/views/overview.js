// Översikt: the region under the revision in force, its trend over 36 months and coverage per required service.

import { h, add, replace, notice, table } from '../dom.js';
import { api, query } from '../api.js';
import { percent, number, today, addMonths, unitType } from '../format.js';
import { filterForm, filtersOf, describe } from '../filters.js';
import { lineChart, rankedBars, barHeight } from '../charts.js';
import { heading, keyFigures, problemNotice, isMissingRevision, missingRevisionNotice, workbookButton, chartBox } from './common.js';

/** Totals over groups: counts add up, and the mean score is the unit-weighted mean of the groups' means. */
export function totals(groups) {
  const sum = key => groups.reduce((total, group) => total + (group[key] || 0), 0);
  const units = sum('units');
  const scored = groups.filter(group => group.averageScore !== undefined && group.averageScore !== null);
  const weight = scored.reduce((total, group) => total + group.units, 0);
  return {
    units,
    compliant: sum('compliant'),
    partial: sum('partial'),
    nonCompliant: sum('nonCompliant'),
    averageScore: weight ? scored.reduce((total, group) => total + group.averageScore * group.units, 0) / weight : null,
  };
}

export async function overview({ params, attach, later, draw }) {
  const filters = filtersOf(params);
  const asOf = filters.asOf || today();
  const page = h('div', {}, heading('Översikt', 'Basutbudet i ' + describe(filters) + ' den ' + asOf),
    filterForm('/oversikt', params));
  let groups;
  let services;
  try {
    [groups, services] = await Promise.all([
      api('/compliance/groups' + query({ ...filters, by: 'unitType' })),
      api('/compliance/services' + query(filters)),
    ]);
  } catch (error) {
    add(page, isMissingRevision(error) ? missingRevisionNotice(asOf) : problemNotice(error));
    return page;
  }
  const total = totals(groups.items);
  add(page, h('p', { class: 'revision' }, 'Revision: ', h('a', { href: '#/basutbud/' + groups.baseline.id }, groups.baseline.name),
    ' (gäller från ' + (groups.baseline.validFrom || '–') + ')'));
  if (total.units === 0) {
    add(page, notice('info', 'Inga öppna enheter matchar urvalet den ' + asOf + '.'));
    return page;
  }
  add(page,
    keyFigures('Nyckeltal', [
      ['Enheter', total.units, number],
      ['Uppfyller', total.compliant, number, 'good'],
      ['Delvis', total.partial, number, 'partial'],
      ['Uppfyller inte', total.nonCompliant, number, 'bad'],
      ['Medelpoäng', total.averageScore, percent],
    ]),
    h('div', { class: 'actions' }, workbookButton('Ladda ned rapporten (Excel)', '/compliance' + query(filters), 'basutbud-' + asOf + '.xlsx')));

  const trendSection = h('section', { 'aria-labelledby': 'trend-heading', 'aria-busy': 'true' },
    h('h2', { id: 'trend-heading' }, 'Utveckling, 36 månader'), h('p', { class: 'loading' }, 'Hämtar utvecklingen …'));
  add(page, trendSection);
  // The 36-month trend, the slowest answer, is asked for once the figures are shown (asked for at once, it
  // slowed them down on a small server) and drawn when it arrives.
  later(async () => {
    let points;
    try {
      points = (await api('/compliance/trend' + query({ ...filters, asOf: undefined, from: addMonths(asOf, -35), to: asOf, interval: 'month' }))).items;
    } catch (error) {
      replace(trendSection, trendSection.firstChild, problemNotice(error));
      return;
    }
    const trendBox = chartBox('Utvecklingen de senaste 36 månaderna', '320px');
    replace(trendSection, trendSection.firstChild, trendBox,
      h('details', {}, h('summary', {}, 'Visa som tabell'),
        table('Utveckling per månad', ['Datum', 'Revision', 'Enheter', 'Uppfyller', 'Andel som uppfyller', 'Medelpoäng'],
          points.map(point => [point.date, point.baseline?.name || 'Ingen revision', number(point.units), number(point.compliant),
            point.compliant === undefined || !point.units ? '–' : percent(point.compliant / point.units), percent(point.averageScore)]),
          { numeric: [2, 3, 4, 5] })));
    trendSection.removeAttribute('aria-busy');
    await draw(() => lineChart(trendBox, points.map(point => point.date), [
      { name: 'Andel som uppfyller', values: points.map(point => point.compliant === undefined || !point.units ? null : point.compliant / point.units) },
      { name: 'Medelpoäng', values: points.map(point => point.averageScore ?? null) },
    ]));
  });

  const ranked = services.items.filter(item => item.coverage !== undefined).sort((a, b) => b.coverage - a.coverage);
  const barsBox = chartBox('Täckning per tjänst i basutbudet', barHeight(ranked.length));
  add(page, h('section', { 'aria-labelledby': 'services-heading' },
    h('h2', { id: 'services-heading' }, 'Täckning per tjänst'),
    ranked.length ? barsBox : notice('info', 'Revisionen kräver ingen tjänst av dessa enheter.'),
    h('details', {}, h('summary', {}, 'Visa som tabell'),
      table('Täckning per tjänst', ['Tjänst', 'Ska erbjuda', 'Erbjuder', 'Undantagna', 'Täckning'],
        ranked.map(item => [item.name, number(item.applicableUnits), number(item.offeringUnits), number(item.exemptedUnits), percent(item.coverage)]),
        { numeric: [1, 2, 3, 4] }))));
  if (ranked.length) {
    attach(() => rankedBars(barsBox, ranked.map(item => item.name), ranked.map(item => item.coverage), 'Täckning'));
  }

  add(page, h('section', { 'aria-labelledby': 'types-heading' },
    h('h2', { id: 'types-heading' }, 'Per enhetstyp'),
    table('Efterlevnad per enhetstyp', ['Enhetstyp', 'Enheter', 'Uppfyller', 'Delvis', 'Uppfyller inte', 'Medelpoäng'],
      groups.items.map(group => [unitType(group.key), number(group.units), number(group.compliant), number(group.partial),
        number(group.nonCompliant), percent(group.averageScore)]),
      { numeric: [1, 2, 3, 4, 5], className: 'data unit-types' })));
  return page;
}
