// Sign-in with the region's identity provider: OpenID Connect authorization code flow with PKCE (RFC 7636)
// for a public client. The access token is kept in this tab's sessionStorage only, sent as a bearer token to
// the API (which verifies it), and read here only to show what the person's role may do.

const SESSION = 'basutbud.session';
const PENDING = 'basutbud.sign-in';
const REDIRECT_URI = location.origin + '/';

export class SignInError extends Error {}

let discovery;

async function discover(issuer) {
  if (!discovery) {
    const response = await fetch(issuer.replace(/\/$/, '') + '/.well-known/openid-configuration');
    if (!response.ok) throw new SignInError('Identitetstjänsten svarar inte (' + response.status + ').');
    discovery = await response.json();
  }
  return discovery;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** The claims of a JWT, unverified: the API verifies the token; the page only reads roles from it. */
export function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const text = new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)));
  return JSON.parse(text);
}

const asList = value => value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]);

function sessionFrom(accessToken, idToken, expiresIn) {
  const claims = claimsOf(accessToken);
  const identity = idToken ? claimsOf(idToken) : {};
  const expiresAt = claims.exp ? claims.exp * 1000 : Date.now() + (expiresIn || 300) * 1000;
  return {
    accessToken,
    idToken,
    expiresAt,
    subject: claims.sub,
    name: identity.name || claims.name || identity.preferred_username || claims.preferred_username || claims.sub,
    roles: asList(claims.groups).filter(role => typeof role === 'string'),
    organisations: asList(claims.org).filter(org => typeof org === 'string').map(org => org.toUpperCase()),
  };
}

/** The signed-in person, or null when no one is or the token has (nearly) expired. */
export function currentSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION));
    return session && session.expiresAt > Date.now() + 15000 ? session : null;
  } catch {
    return null;
  }
}

/** Starts the sign-in; the identity provider sends the person back to this page with a code. */
export async function signIn(config, returnTo) {
  const endpoints = await discover(config.issuer);
  const verifier = randomString(48);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const pending = { verifier, state: randomString(24), nonce: randomString(24), returnTo };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(endpoints.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: REDIRECT_URI,
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back from the identity provider: checks the state, exchanges the code with the verifier and
 * checks the ID token's nonce. Returns the hash to show next, or null when this load is not a sign-in.
 */
export async function completeSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/' + (pending?.returnTo || '#/'));
  if (params.has('error')) {
    throw new SignInError('Inloggningen avbröts: ' + (params.get('error_description') || params.get('error')));
  }
  if (!pending || params.get('state') !== pending.state) {
    throw new SignInError('Inloggningen kunde inte slutföras: svaret hörde inte till den här sidan. Försök igen.');
  }
  const endpoints = await discover(config.issuer);
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: REDIRECT_URI,
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new SignInError('Identitetstjänsten gav ingen token (' + response.status + ').');
  const tokens = await response.json();
  if (tokens.id_token && claimsOf(tokens.id_token).nonce !== pending.nonce) {
    throw new SignInError('Inloggningen kunde inte slutföras: ID-token hörde inte till den här inloggningen.');
  }
  sessionStorage.setItem(SESSION, JSON.stringify(sessionFrom(tokens.access_token, tokens.id_token, tokens.expires_in)));
  return pending.returnTo || '#/';
}

/** Dev mode only: a token from /dev/token for the role picked, as the identity provider would give it. */
export async function devSignIn(role, organisations) {
  const query = new URLSearchParams({ role, sub: 'dev-' + role });
  if (organisations) query.set('org', organisations);
  const response = await fetch('/dev/token?' + query);
  if (!response.ok) throw new SignInError('Utvecklingsinloggningen misslyckades (' + response.status + ').');
  sessionStorage.setItem(SESSION, JSON.stringify(sessionFrom(await response.text())));
}

/** Forgets the token; with an identity provider, ends its session too. */
export async function signOut(config) {
  const session = currentSession();
  sessionStorage.removeItem(SESSION);
  if (config.issuer) {
    const endpoints = await discover(config.issuer).catch(() => ({}));
    if (endpoints.end_session_endpoint) {
      const url = new URL(endpoints.end_session_endpoint);
      url.search = new URLSearchParams({
        client_id: config.clientId,
        post_logout_redirect_uri: REDIRECT_URI,
        ...(session?.idToken ? { id_token_hint: session.idToken } : {}),
      }).toString();
      location.assign(url.toString());
      return;
    }
  }
  location.assign('/');
}

export const ROLES = {
  ADMIN: 'basutbud-admin',
  EDITOR: 'unit-editor',
  READER: 'reader',
};

export const ROLE_NAMES = {
  'basutbud-admin': 'Administratör',
  'unit-editor': 'Enhetsredaktör',
  reader: 'Läsare',
};

export const isAdmin = session => session?.roles.includes(ROLES.ADMIN);

/** Whether the person may change units of a care provider, by the API's own rule. */
export function mayEdit(session, careProvider) {
  if (isAdmin(session)) return true;
  return Boolean(session?.roles.includes(ROLES.EDITOR) && careProvider
    && session.organisations.includes(careProvider.toUpperCase()));
}
