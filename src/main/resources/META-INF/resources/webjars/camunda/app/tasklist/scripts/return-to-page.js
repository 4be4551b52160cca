/*
 * oppflow: brings a browser back to the oppflow page (/funnel ...) that sent it here to sign in. The page's door
 * (io.oppflow.security.BrowserPages) redirects to Tasklist with ?returnTo=<path>; once the user has signed in
 * (Tasklist leaves its login route), this goes to that path. Only a path of this site is followed, and only for
 * ten minutes after it was asked for.
 */
const KEY = 'oppflow.returnTo';
const MAX_AGE_MS = 10 * 60 * 1000;

function sameSitePath(path) {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\');
}

const asked = new URLSearchParams(window.location.search).get('returnTo');
if (sameSitePath(asked)) {
  sessionStorage.setItem(KEY, JSON.stringify({ path: asked, at: Date.now() }));
}

async function returnIfSignedIn() {
  let wanted = null;
  try {
    wanted = JSON.parse(sessionStorage.getItem(KEY));
  } catch (e) {
    sessionStorage.removeItem(KEY);
  }
  if (!wanted || window.location.hash.indexOf('/login') >= 0) {
    return;
  }
  if (!sameSitePath(wanted.path) || Date.now() - wanted.at > MAX_AGE_MS) {
    sessionStorage.removeItem(KEY);
    return;
  }
  const signedIn = await fetch('/camunda/api/admin/auth/user/default', { headers: { Accept: 'application/json' } });
  if (signedIn.ok) {
    sessionStorage.removeItem(KEY);
    window.location.assign(wanted.path);
  }
}

window.addEventListener('hashchange', returnIfSignedIn);
returnIfSignedIn();
