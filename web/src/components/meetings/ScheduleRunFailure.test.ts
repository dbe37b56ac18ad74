import { mount } from '@vue/test-utils';
import type { ScheduleRunBlocking } from '@synergies/shared';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { mountOptions } from '../../test-utils';
import ScheduleRunFailure from './ScheduleRunFailure.vue';

const failedWith = (error: { code: string; message: string; blocking?: ScheduleRunBlocking }) =>
  mount(ScheduleRunFailure, { props: { error: { blocking: null, ...error } }, ...mountOptions() });

/** The text of the mounted failure as an English reader sees it (French again afterwards). */
async function inEnglish(wrapper: ReturnType<typeof failedWith>): Promise<string> {
  i18n.global.locale.value = 'en';
  try {
    await wrapper.vm.$nextTick();
    return wrapper.text();
  } finally {
    i18n.global.locale.value = 'fr';
  }
}

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
    expect(await inEnglish(failedWith(failure))).toContain('The computation failed: The required meeting order cannot be respected.');
  });

  it('shows the server’s sentence alone when its code has no text in the catalogue', () => {
    const text = failedWith({ code: 'something_new', message: 'Quelque chose de nouveau.' }).text();
    expect(text).toContain('Le calcul a échoué : Quelque chose de nouveau.');
    expect(text.match(/Quelque chose de nouveau/g)).toHaveLength(1);
  });

  it('says what blocks in the reader’s language: the firms the solver named, the tables, the order', async () => {
    const firm = (name: string, n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, name });
    const blocking = { firms: [firm('Fromagerie du Revermont', 1), firm('Scierie Jurassienne', 2)], tables: true, order: false };
    const wrapper = failedWith({ code: 'not_all_requests_fit', message: 'No schedule holds every request: …', blocking });
    expect(wrapper.text()).toContain('En cause : Fromagerie du Revermont, Scierie Jurassienne et les tables disponibles.');
    expect(await inEnglish(wrapper)).toContain('What blocks: Fromagerie du Revermont, Scierie Jurassienne, and the tables available.');
  });

  it('counts the firms past the tenth instead of naming them all, and says nothing of what blocks when nothing is named', () => {
    const firms = Array.from({ length: 12 }, (_, i) => ({ id: `00000000-0000-4000-8000-0000000000${10 + i}`, name: `Firme ${i + 1}` }));
    const many = failedWith({ code: 'not_all_requests_fit', message: '…', blocking: { firms, tables: false, order: true } }).text();
    expect(many).toContain('Firme 10, 2 autres entreprises et l’ordre imposé entre rendez-vous.');
    expect(many).not.toContain('Firme 11');
    expect(failedWith({ code: 'not_all_requests_fit', message: '…' }).text()).not.toContain('En cause');
  });
});
