// Import: a file from HSA or a spreadsheet is first tried (a dry run: the summary and every error, nothing
// written), then imported for real with a progress bar to the end. Recent imports are listed below.

import { h, add, notice, table, field } from '../dom.js';
import { api, raw, query } from '../api.js';
import { number } from '../format.js';
import { heading, problemNotice } from './common.js';

const KINDS = {
  'care-units': { label: 'Vårdenheter (HSA-fil, CSV eller NDJSON)', kind: 'CARE_UNITS' },
  offerings: { label: 'Erbjudna e-tjänster (CSV eller NDJSON)', kind: 'OFFERINGS' },
  exemptions: { label: 'Undantag (CSV eller NDJSON)', kind: 'EXEMPTIONS' },
  'listed-residents': { label: 'Listade invånare (CSV eller NDJSON)', kind: 'LISTED_RESIDENTS' },
};
const KIND_NAMES = Object.fromEntries(Object.values(KINDS).map(kind => [kind.kind, kind.label.replace(/ \(.*/, '')]));
const STATUS_NAMES = { QUEUED: 'I kö', RUNNING: 'Pågår', SUCCEEDED: 'Klar', FAILED: 'Misslyckades' };
const POLL_MILLISECONDS = 1000;
const COUNTS = ['rows', 'created', 'updated', 'unchanged', 'closed', 'invalid', 'skipped'];

/** The media type the API expects, from the file's name: browsers disagree on what a .csv is. */
export function mediaTypeOf(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'text/csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'application/x-ndjson';
  if (name.endsWith('.xml')) return 'application/xml';
  if (name.endsWith('.zip')) return 'application/zip';
  return file.type || 'application/octet-stream';
}

export async function imports({ session }) {
  const page = h('div', {}, heading('Import', 'Läs in enheter från HSA, eller erbjudanden, undantag och invånarsiffror från en fil'));
  const kind = h('select', { name: 'kind' }, Object.entries(KINDS).map(([path, item]) => h('option', { value: path }, item.label)));
  const file = h('input', { type: 'file', name: 'file', required: true, accept: '.csv,.txt,.ndjson,.jsonl,.xml,.zip' });
  const mode = h('select', { name: 'mode' },
    h('option', { value: 'upsert' }, 'Lägg till och uppdatera det filen tar upp'),
    h('option', { value: 'full' }, 'Hela vårdgivaren: avsluta också det filen inte tar upp'));
  const careProvider = h('input', { name: 'careProvider', spellcheck: 'false', placeholder: 'SE2321000073',
    value: session.organisations.length === 1 ? session.organisations[0] : '' });
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form', 'aria-labelledby': 'upload-heading' },
    h('h2', { id: 'upload-heading' }, 'Ny import'),
    field('Vad filen innehåller', kind), field('Fil', file, 'Högst 50 MB'), field('Omfattning', mode),
    field('Vårdgivare (HSA-id, krävs för hela vårdgivaren)', careProvider),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Provkör')));
  const recent = h('section', { 'aria-labelledby': 'recent-heading' });
  const reloadRecent = () => recentImports().then(table => recent.replaceChildren(...table), () => {});
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!file.files.length) return;
    const chosen = { path: kind.value, file: file.files[0], mode: mode.value, careProvider: careProvider.value.trim() };
    run(chosen, true, result, reloadRecent).catch(error => result.replaceChildren(problemNotice(error)));
  });
  recent.append(...await recentImports());
  add(page, form, result, recent);
  return page;
}

async function submit(chosen, dryRun) {
  const response = await raw('/imports/' + chosen.path + query({ dryRun, mode: chosen.mode, careProvider: chosen.careProvider }), {
    method: 'POST', body: chosen.file, contentType: mediaTypeOf(chosen.file),
  });
  return response.json();
}

/** Follows a job to its end, showing its progress; resolves to the finished job. */
async function follow(job, progressArea) {
  const bar = h('progress', { max: 100, id: 'import-progress', 'aria-labelledby': 'import-progress-label' });
  const label = h('span', { id: 'import-progress-label' }, '');
  progressArea.replaceChildren(h('div', { class: 'progress' }, label, bar));
  for (;;) {
    const rows = job.progress || {};
    if (rows.rowsTotal) {
      bar.value = Math.round(100 * rows.rowsRead / rows.rowsTotal);
      label.textContent = (job.dryRun ? 'Provkörning: ' : 'Import: ') + number(rows.rowsRead) + ' av ' + number(rows.rowsTotal) + ' rader';
    } else {
      bar.removeAttribute('value');
      label.textContent = STATUS_NAMES[job.status] + ' …';
    }
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') {
      if (job.status === 'SUCCEEDED') bar.value = 100;
      return job;
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MILLISECONDS));
    job = await api('/imports/' + job.id);
  }
}

async function run(chosen, dryRun, result, finished) {
  const progressArea = h('div', {});
  result.replaceChildren(progressArea);
  const job = await follow(await submit(chosen, dryRun), progressArea);
  add(result, summaryOf(job));
  finished();
  if (job.status === 'SUCCEEDED' && dryRun) {
    const confirm = h('button', { type: 'button', class: 'primary', onclick: () => {
      confirm.disabled = true;
      run(chosen, false, result, finished).catch(error => result.replaceChildren(problemNotice(error)));
    } }, 'Importera på riktigt');
    add(result, h('p', {}, 'Provkörningen gick igenom; inget är ändrat än.'), confirm);
  }
}

function summaryOf(job) {
  const summary = job.summary;
  const heading = job.status === 'SUCCEEDED'
    ? (job.dryRun ? 'Provkörningen är klar' : 'Importen är klar')
    : (job.dryRun ? 'Provkörningen hittade fel: inget skulle ändras' : 'Importen misslyckades: inget är ändrat');
  return h('div', { class: 'import-summary', 'data-status': job.status, 'data-dry-run': String(job.dryRun), 'data-job': job.id },
    notice(job.status === 'SUCCEEDED' ? 'success' : 'error', h('strong', {}, heading)),
    summary ? table('Sammanfattning', ['Rader', 'Nya', 'Ändrade', 'Oförändrade', 'Avslutade', 'Felaktiga', 'Hoppade över'],
      [COUNTS.map(count => h('td', { class: 'num', 'data-count': count, 'data-value': summary[count] ?? 0 }, number(summary[count] ?? 0)))],
      { className: 'data import-counts' }) : null,
    job.ignoredColumns?.length ? h('p', {}, 'Kolumner som inte läses: ' + job.ignoredColumns.join(', ')) : null,
    job.errors?.length ? table('Fel (' + number(job.errorCount) + ')', ['Rad', 'Fält', 'Värde', 'Fel'],
      job.errors.map(error => [error.line ?? 'filen', error.field || '', error.value || '', error.message]), { className: 'data import-errors' }) : null);
}

/** The heading and list of the latest imports (an editor sees their own). */
async function recentImports() {
  const jobs = await api('/imports' + query({ size: 20 }));
  return [h('h2', { id: 'recent-heading' }, 'Senaste importer'),
    jobs.items.length ? table('Senaste importer', ['Nr', 'Innehåll', 'Provkörning', 'Status', 'Inskickad', 'Av', 'Rader'],
      jobs.items.map(job => [job.id, KIND_NAMES[job.kind] || job.kind, job.dryRun ? 'Ja' : 'Nej', STATUS_NAMES[job.status] || job.status,
        job.submittedAt.slice(0, 16).replace('T', ' '), job.submittedBy, number(job.summary?.rows)]), { className: 'data imports' })
      : h('p', {}, 'Inga importer ännu.')];
}
