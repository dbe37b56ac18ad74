import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

/** Short confirmations ("Fiche enregistrée") announced politely and fading away. */
export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([]);
  let next = 1;
  function push(text: string, kind: Notice['kind'] = 'success', ms = 4000) {
    const id = next++;
    notices.value.push({ id, kind, text });
    setTimeout(() => dismiss(id), ms);
  }
  function dismiss(id: number) {
    notices.value = notices.value.filter((n) => n.id !== id);
  }
  return { notices, push, dismiss };
});
