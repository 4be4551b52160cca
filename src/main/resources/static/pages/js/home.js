/*
 * The home page (/): who is signed in and a card per page (and Tasklist). Every page is open to every signed-in
 * user; what each shows is the API's answer in the user's scope (a page the user's role may not read says so).
 */
import { onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';
import { escape } from './html.js';

const CARDS = ['funnel', 'compare', 'forecast', 'heatmap', 'warnings', 'compliance', 'opportunity', 'rules', 'tasklist'];
const HREF = { tasklist: '/camunda/app/tasklist/default/' };

document.getElementById('cards').innerHTML = CARDS.map(page => `
  <li class="card">
    <h2><a id="link-${page}" href="${escape(HREF[page] || '/' + page)}" data-i18n="home.${page}"></a></h2>
    <p data-i18n="home.${page}Text"></p>
  </li>`).join('');

const user = await start('home', 'home.title');
const welcome = () => { document.getElementById('welcome').textContent = t('home.welcome', { name: user.name }); };
onLanguageChange(welcome);
welcome();
