import type { DeclarationCreate } from '@synergies/shared';
import { computed, ref, shallowRef } from 'vue';
import type { z } from 'zod';
import { declarationsApi, type Declaration, type DeclarationPatch } from '../api';
import { isApiError } from '../api/client';
import { useAction } from './action';

/** What the declaration form hands over: the create contract's output, minus what the page decides. */
export type DeclarationFormValue = Omit<z.output<typeof DeclarationCreate>, 'organisationId' | 'status'>;

export type DeclarationStatusName = 'active' | 'reserved' | 'closed';

/** The status moves a person can make from a status. */
export function statusActions(status: string): { to: DeclarationStatusName; key: string }[] {
  if (status === 'active')
    return [
      { to: 'reserved', key: 'reserve' },
      { to: 'closed', key: 'close' },
    ];
  if (status === 'reserved')
    return [
      { to: 'active', key: 'release' },
      { to: 'closed', key: 'close' },
    ];
  return [{ to: 'active', key: 'reopen' }];
}

export const isVersionConflict = (error: unknown) => isApiError(error) && error.status === 409 && error.code === 'version_conflict';

/**
 * One declaration being looked at or edited, with optimistic concurrency: every write
 * sends the version read; a 409 sets `conflict` so the page can offer to reload.
 */
export function useDeclaration(id: () => string) {
  const declaration = shallowRef<Declaration | null>(null);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  const {
    busy: saving,
    error: saveError,
    run: send,
  } = useAction(async (current: Declaration, changes: Omit<DeclarationPatch, 'version'>) => {
    const saved = await declarationsApi.update(current.id, { ...changes, version: current.version });
    declaration.value = saved;
    return saved;
  });
  const conflict = computed(() => isVersionConflict(saveError.value));

  async function load() {
    loading.value = true;
    loadError.value = null;
    try {
      declaration.value = await declarationsApi.get(id());
      saveError.value = null;
    } catch (e) {
      loadError.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** Sends the changes with the version read; returns the saved declaration, or null on failure. */
  async function save(changes: Omit<DeclarationPatch, 'version'>): Promise<Declaration | null> {
    const current = declaration.value;
    if (!current) return null;
    return (await send(current, changes)) ?? null;
  }

  function setPhotos(photos: Declaration['photos']) {
    if (declaration.value) declaration.value = { ...declaration.value, photos };
  }

  return { declaration, loading, loadError, saving, saveError, conflict, load, save, setPhotos };
}
