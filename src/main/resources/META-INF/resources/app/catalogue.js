// The e-service catalogue, read once per page load: names for codes everywhere in the app.

import { api, query } from './api.js';

let services;

/** Every e-service (active and retired), by code. */
export async function catalogue() {
  if (!services) {
    const items = [];
    for (let page = 0; ; page++) {
      const answer = await api('/e-services' + query({ size: 500, page }));
      items.push(...answer.items);
      if (items.length >= answer.total || !answer.items.length) break;
    }
    services = new Map(items.map(service => [service.code, service]));
  }
  return services;
}

export const serviceName = (services, code) => services.get(code)?.name || code;
