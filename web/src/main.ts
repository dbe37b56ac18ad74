import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { currentLocale, i18n } from './i18n';
import { createAppRouter } from './router';
import './styles.css';

document.documentElement.lang = currentLocale();

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
app.config.errorHandler = (error, _instance, info) => {
  console.error(`[synergies] ${info}`, error);
};
app.mount('#app');
