import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { mountOptions } from '../../test-utils';
import ScheduleRunFailure from './ScheduleRunFailure.vue';

const failedWith = (error: { code: string; message: string }) => mount(ScheduleRunFailure, { props: { error }, ...mountOptions() });

describe('ScheduleRunFailure', () => {
  const failure = {
    code: 'precedence_unsatisfiable',
    message: 'Imprimerie Jurassienne cannot keep the required order: 3 of its requests must fall within slots m2 to m3 (2 slots)',
  };

  it('says why the computation failed in French first, then the solver’s words naming the firm and the slots', () => {
    const text = failedWith(failure).text();
    expect(text).toContain("Le calcul a échoué : L'ordre imposé entre rendez-vous ne peut pas être respecté.");
    expect(text).toContain('Imprimerie Jurassienne cannot keep the required order');
  });

  it('says it in English to an English reader', async () => {
    const wrapper = failedWith(failure);
    i18n.global.locale.value = 'en';
    try {
      await wrapper.vm.$nextTick();
      expect(wrapper.text()).toContain('The computation failed: The required meeting order cannot be respected.');
    } finally {
      i18n.global.locale.value = 'fr';
    }
  });

  it('shows the server’s sentence alone when its code has no text in the catalogue', () => {
    const text = failedWith({ code: 'something_new', message: 'Quelque chose de nouveau.' }).text();
    expect(text).toContain('Le calcul a échoué : Quelque chose de nouveau.');
    expect(text.match(/Quelque chose de nouveau/g)).toHaveLength(1);
  });
});
