import { createPinia, setActivePinia } from 'pinia';
import { i18n } from './i18n';

/** Plugins a component needs in tests: a fresh Pinia, the app's i18n in French, links as plain anchors. */
export function mountOptions() {
  const pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'fr';
  return {
    global: {
      plugins: [pinia, i18n],
      stubs: { RouterLink: { props: ['to'], template: '<a href="#"><slot /></a>' } },
    },
  };
}
