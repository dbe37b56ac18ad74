import { canEditDeclarationsOf as mayEditDeclarationsOf, facilitates as mayFacilitate } from '@synergies/shared';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { associationsApi, authApi, type CurrentUser } from '../api';
import { onUnauthorised } from '../api/client';
import { applyAccountLocale, setLocale, type AppLocale } from '../i18n';

/** Who is logged in, and what they may do (the server's own policy, from shared/, for display only). */
export const useSessionStore = defineStore('session', () => {
  const user = ref<CurrentUser | null>(null);
  const loaded = ref(false);
  /** The person logged out (rather than the session expiring): no "come back here" after the next login. */
  const loggedOut = ref(false);
  let loading: Promise<void> | null = null;

  const isAdmin = computed(() => user.value?.role === 'admin');
  const isFacilitator = computed(() => user.value?.role === 'facilitator');
  const isMember = computed(() => user.value?.role === 'member');
  const canFacilitate = computed(() => isAdmin.value || isFacilitator.value);

  /** The member organises an association (runs its meeting events); unknown until asked. */
  const organiser = ref<boolean | null>(null);
  watch(
    () => user.value?.id,
    () => (organiser.value = null),
  );
  /** Asks the server once per session; a failed answer counts as "no" and is asked again next time. */
  async function ensureOrganiser(): Promise<boolean> {
    const u = user.value;
    if (u?.role !== 'member') return false;
    if (organiser.value !== null) return organiser.value;
    try {
      const mine = (await associationsApi.list()).some((a) => a.organisers.some((o) => o.id === u.id));
      if (user.value?.id === u.id) organiser.value = mine;
      return mine;
    } catch {
      return false;
    }
  }

  function facilitates(zoneId: string): boolean {
    return user.value !== null && mayFacilitate(user.value, zoneId);
  }

  function canEditDeclarationsOf(org: { id: string; zoneId: string }): boolean {
    return user.value !== null && mayEditDeclarationsOf(user.value, org);
  }

  /** Asks the server once who we are (a visitor is answered with nobody, not an error). */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= authApi
      .session()
      .then(({ user: u }) => {
        user.value = u;
        if (u) applyAccountLocale(u.locale);
      })
      .catch((error: unknown) => {
        console.warn('session check failed', error);
        user.value = null;
      })
      .finally(() => {
        loaded.value = true;
        loading = null;
      });
    return loading;
  }

  async function login(email: string, password: string) {
    user.value = await authApi.login(email, password);
    loaded.value = true;
    loggedOut.value = false;
    applyAccountLocale(user.value.locale);
  }

  function setUser(u: CurrentUser) {
    user.value = u;
    loggedOut.value = false;
    applyAccountLocale(u.locale);
    loaded.value = true;
  }

  /** The language follows the account: chosen once, it opens that way on every device. */
  async function chooseLocale(locale: AppLocale) {
    setLocale(locale);
    if (user.value && user.value.locale !== locale) user.value = await authApi.savePreferences({ locale });
  }

  async function logout() {
    loggedOut.value = true;
    try {
      await authApi.logout();
    } finally {
      user.value = null;
    }
  }

  onUnauthorised(() => {
    user.value = null;
  });

  return {
    user,
    loaded,
    loggedOut,
    isAdmin,
    isFacilitator,
    isMember,
    canFacilitate,
    organiser,
    ensureOrganiser,
    facilitates,
    canEditDeclarationsOf,
    ensureLoaded,
    login,
    setUser,
    chooseLocale,
    logout,
  };
});
