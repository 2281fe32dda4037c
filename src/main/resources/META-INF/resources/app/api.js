// The public API, as the app's only way to the data: the same contract, rules and errors as every client.

import { currentSession } from './auth.js';

/** An answer that was not a success: the API's problem (RFC 9457) when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || 'Tjänsten svarade ' + status);
    this.status = status;
    this.problem = problem || {};
  }

  /** The field errors of a 400, as "field: message" lines. */
  get fieldErrors() {
    return (this.problem.errors || []).map(error => (error.field ? error.field + ': ' : '') + error.message);
  }
}

/** Raised when the token is gone or refused: the app signs in again and comes back. */
export class SignInNeeded extends Error {}

export const JSON_TYPE = 'application/json';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

async function send(path, { method = 'GET', body, accept = JSON_TYPE, contentType, headers = {} } = {}) {
  const session = currentSession();
  if (!session) throw new SignInNeeded();
  const init = {
    method,
    headers: { Accept: accept, Authorization: 'Bearer ' + session.accessToken, ...headers },
  };
  if (body !== undefined) {
    const raw = body instanceof Blob || typeof body === 'string';
    init.headers['Content-Type'] = contentType || (raw ? 'application/octet-stream' : JSON_TYPE);
    init.body = raw ? body : JSON.stringify(body);
  }
  const response = await fetch('/api/v1' + path, init);
  if (response.status === 401) {
    sessionStorage.removeItem('basutbud.session');
    throw new SignInNeeded();
  }
  if (!response.ok) {
    let problem = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      problem = await response.json().catch(() => null);
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** GET (or another method) answering JSON; null for 204. */
export async function api(path, options = {}) {
  const response = await send(path, options);
  return response.status === 204 || response.status === 202 && !response.headers.get('Content-Type')
    ? null : response.json();
}

/** The answer itself, for headers such as Location and ETag. */
export const raw = send;

/** Downloads an answer as a file (a workbook or CSV) under the name given. */
export async function download(path, accept, fileName) {
  const response = await send(path, { accept });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
