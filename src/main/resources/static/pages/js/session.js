/*
 * The login the pages share with the Camunda webapps: who is signed in, the API called with that session (and its
 * CSRF token for changes), and Camunda's logout, which ends the login of the webapps and of the pages together.
 */
const SCRIPT_HEADER = { 'X-Requested-With': 'XMLHttpRequest' };
const TASKLIST = '/camunda/app/tasklist/default/';
let signedIn = null;

/** Sends the browser to Tasklist's sign-in, which brings it back here. */
export function signInAgain() {
  location.assign(TASKLIST + '?returnTo=' + encodeURIComponent(location.pathname + location.search));
}

/** {user, name, csrfToken} of the signed-in user. */
export async function session() {
  if (!signedIn) {
    const response = await fetch('/pages/session', { headers: { ...SCRIPT_HEADER, Accept: 'application/json' } });
    if (response.status === 401) {
      signInAgain();
      throw new Error('signed out');
    }
    signedIn = await response.json();
    if (!signedIn.csrfToken) {
      // Camunda's login starts a new session whose token its webapps' next request makes: make that request
      await fetch('/camunda/api/admin/auth/user/default', { headers: { Accept: 'application/json' } });
      signedIn = null;
      return session();
    }
  }
  return signedIn;
}

/** Calls our API as the signed-in user; an error answer is thrown as {status, problem}. */
export async function api(path, options = {}) {
  const headers = { ...SCRIPT_HEADER, Accept: 'application/json', ...(options.headers || {}) };
  if (options.method && options.method !== 'GET') {
    headers['X-XSRF-TOKEN'] = (await session()).csrfToken;
  }
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    signInAgain();
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      // not a problem document
    }
    throw { status: response.status, problem };
  }
  return response.json();
}

/** Camunda's logout (the webapps' and so the pages' login), then Tasklist's sign-in. */
export async function logout() {
  const { csrfToken } = await session();
  await fetch('/camunda/api/admin/auth/user/default/logout', {
    method: 'POST',
    headers: { ...SCRIPT_HEADER, 'X-XSRF-TOKEN': csrfToken }
  });
  location.assign(TASKLIST);
}
