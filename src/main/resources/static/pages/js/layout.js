/*
 * The header every page shares: the app's name, the navigation, the language switch, who is signed in and the
 * logout; and the page's declared filter bar and download links (filter-bar.js, exports.js). A page's script
 * calls start(), then draws its own content.
 */
import { LANGUAGES, language, onLanguageChange, setLanguage, t, translate } from './i18n.js';
import { logout, session } from './session.js';
import { drawFilterBars } from './filter-bar.js';
import { drawExports } from './exports.js';

const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' };

// the page's declared filter bar (form[data-filter-bar]) and download links ([data-exports]), drawn before the
// page's script runs: every page script imports this module, so it finds them complete
drawFilterBars();
drawExports();

function header(current) {
  const links = [['/', 'nav.home', 'home'], ['/funnel', 'nav.funnel', 'funnel'], ['/compare', 'nav.compare', 'compare'],
    ['/forecast', 'nav.forecast', 'forecast'], ['/heatmap', 'nav.heatmap', 'heatmap'], ['/warnings', 'nav.warnings', 'warnings'],
    ['/compliance', 'nav.compliance', 'compliance'], ['/rules', 'nav.rules', 'rules'],
    ['/camunda/app/tasklist/default/', 'nav.tasklist', 'tasklist']];
  const nav = links.map(([href, key, page]) =>
    `<li><a href="${href}" data-i18n="${key}"${page === current ? ' aria-current="page"' : ''}></a></li>`).join('');
  const options = LANGUAGES.map(l => `<option value="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</option>`).join('');
  return `
    <a class="skip-link" href="#main" data-i18n="app.skip"></a>
    <a class="brand" href="/" data-i18n="app.name"></a>
    <nav data-i18n-label="nav.label"><ul>${nav}</ul></nav>
    <div class="header-tools">
      <label for="language-switch" data-i18n="lang.label"></label>
      <select id="language-switch">${options}</select>
      <span id="signed-in-user" class="user"></span>
      <button type="button" id="logout" class="secondary" data-i18n="user.logout"></button>
    </div>`;
}

/** Draws the header of the page {@code current} ('home', 'funnel' ...) and returns the signed-in user. */
export async function start(current, titleKey) {
  const element = document.getElementById('app-header');
  element.innerHTML = header(current);
  const switcher = document.getElementById('language-switch');
  switcher.value = language();
  switcher.addEventListener('change', () => setLanguage(switcher.value));
  document.getElementById('logout').addEventListener('click', () => logout());
  const user = await session();
  const showUser = () => {
    document.getElementById('signed-in-user').textContent = t('user.signedIn', { name: user.name });
    document.title = t(titleKey);
  };
  onLanguageChange(showUser);
  translate(document);
  showUser();
  performance.mark('oppflow:header');
  return user;
}
