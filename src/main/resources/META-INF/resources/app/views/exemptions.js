// Undantag (administrators): the requests to decide, each approved or rejected with a note, and the
// exemptions that lapse within 60 days.

import { h, add, notice, table, field } from '../dom.js';
import { api, query } from '../api.js';
import { addMonths, today, EXEMPTION_REASONS } from '../format.js';
import { catalogue, serviceName } from '../catalogue.js';
import { heading, problemNotice } from './common.js';

export async function exemptions({ refresh, flash }) {
  const soon = addMonths(today(), 2);
  const [requested, lapsing, services] = await Promise.all([
    api('/exemptions' + query({ status: 'REQUESTED', size: 200 })),
    api('/exemptions' + query({ status: 'APPROVED', expiringBefore: soon, size: 200 })),
    catalogue(),
  ]);
  const name = code => serviceName(services, code);
  const page = h('div', {}, heading('Undantag', 'Begärda undantag att besluta om, och beviljade som snart upphör'));
  if (flash) add(page, notice('success', flash));
  add(page, h('section', { 'aria-labelledby': 'requested-heading' },
    h('h2', { id: 'requested-heading' }, 'Att besluta (' + requested.total + ')'),
    requested.items.length
      ? table('Begärda undantag', ['Enhet', 'E-tjänst', 'Skäl', 'Period', 'Begärt av', 'Beslut'],
        requested.items.map(item => ({ attrs: { 'data-hsa-id': item.hsaId, 'data-service': item.exemption.serviceCode },
          cells: [h('a', { href: '#/enheter/' + encodeURIComponent(item.hsaId) }, item.unitName), name(item.exemption.serviceCode),
            (EXEMPTION_REASONS[item.exemption.reasonCode] || item.exemption.reasonCode) + ': ' + item.exemption.reason,
            item.exemption.since + ' – ' + (item.exemption.until || 'tills vidare'), item.exemption.requestedBy || '–',
            decision(item, name, refresh)] })), { className: 'data requested' })
      : notice('info', 'Inga begärda undantag väntar på beslut.')));
  add(page, h('section', { 'aria-labelledby': 'lapsing-heading' },
    h('h2', { id: 'lapsing-heading' }, 'Upphör före ' + soon),
    lapsing.items.length
      ? table('Beviljade undantag som snart upphör', ['Enhet', 'E-tjänst', 'Upphör'],
        lapsing.items.map(item => [h('a', { href: '#/enheter/' + encodeURIComponent(item.hsaId) }, item.unitName),
          name(item.exemption.serviceCode), item.exemption.until]), { className: 'data lapsing' })
      : h('p', {}, 'Inga beviljade undantag upphör de närmaste två månaderna.')));
  return page;
}

function decision(item, name, refresh) {
  const note = h('input', { type: 'text', maxlength: 2000, 'aria-label': 'Motivering för ' + item.unitName + ', ' + name(item.exemption.serviceCode) });
  const status = h('div', { 'aria-live': 'polite' });
  const path = '/care-units/' + encodeURIComponent(item.hsaId) + '/exemptions/' + encodeURIComponent(item.exemption.serviceCode);
  const decide = (verb, message) => async () => {
    try {
      await api(path + '/' + verb, { method: 'POST', body: { note: note.value.trim() || undefined } });
      refresh(message);
    } catch (error) {
      status.replaceChildren(problemNotice(error));
    }
  };
  return h('div', { class: 'decision' }, field('Motivering (krävs för avslag)', note),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: decide('approve', 'Undantaget för ' + item.unitName + ' är beviljat.') }, 'Bevilja'),
      h('button', { type: 'button', class: 'danger', onclick: decide('reject', 'Undantaget för ' + item.unitName + ' är avslaget.') }, 'Avslå')),
    status);
}
