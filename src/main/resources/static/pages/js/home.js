import { onLanguageChange, t } from './i18n.js';
import { start } from './layout.js';

const user = await start('home', 'home.title');
const welcome = () => { document.getElementById('welcome').textContent = t('home.welcome', { name: user.name }); };
onLanguageChange(welcome);
welcome();
