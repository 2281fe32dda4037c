// What several views show the same way: headings, key figures, errors, missing revisions, downloads.

import { h, notice } from '../dom.js';
import { ApiError, XLSX_TYPE, download } from '../api.js';

export function heading(text, sub) {
  return h('div', { class: 'page-heading' }, h('h1', { tabindex: '-1' }, text), sub ? h('p', { class: 'sub' }, sub) : null);
}

/** Key figures: [[label, value, format, kind?]], the value formatted large and kept as data-value. */
export function keyFigures(label, figures) {
  return h('dl', { class: 'key-figures', 'aria-label': label },
    figures.map(([name, value, format, kind]) => h('div', { class: 'figure' + (kind ? ' figure-' + kind : '') },
      h('dt', {}, name), h('dd', { 'data-value': value ?? '' }, format(value)))));
}

/** An error answer in words: what went wrong and what the person can do. */
export function problemNotice(error) {
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return notice('error', 'Din roll får inte göra detta. ', error.message);
    }
    if (error.status === 503) {
      return notice('error', 'Tjänsten är tillfälligt upptagen eller når inte databasen. Försök igen om en stund.');
    }
    return notice('error', h('strong', {}, error.problem.title || 'Något gick fel'), ' ', error.problem.detail || '',
      error.fieldErrors.length ? h('ul', {}, error.fieldErrors.map(line => h('li', {}, line))) : null);
  }
  return notice('error', 'Något gick fel: ' + error.message);
}

/** A 404 about the revision: none in force on the date (or none with that id). */
export function isMissingRevision(error) {
  return error instanceof ApiError && error.status === 404 && /revision|basutbud/i.test(error.message + ' ' + (error.problem.title || ''));
}

export function missingRevisionNotice(asOf) {
  return notice('info', h('strong', {}, 'Inget basutbud gäller ' + (asOf || 'i dag') + '. '),
    'Det finns ingen publicerad revision som gäller det datumet. ',
    h('a', { href: '#/basutbud' }, 'Se revisionerna under Basutbud.'));
}

/** A button that downloads an API answer as an Excel workbook. */
export function workbookButton(label, path, fileName) {
  const status = h('span', { class: 'download-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    button.disabled = true;
    status.textContent = 'Hämtar …';
    try {
      await download(path, XLSX_TYPE, fileName);
      status.textContent = '';
    } catch (error) {
      status.textContent = 'Kunde inte hämta: ' + error.message;
    } finally {
      button.disabled = false;
    }
  } }, label);
  return h('span', { class: 'download' }, button, status);
}

/** A chart area with a visible label; its height set through the CSS object model (the policy allows no inline style). */
export function chartBox(label, height) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': label });
  box.style.height = height;
  return box;
}
