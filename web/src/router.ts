import type { Role } from '@synergies/shared';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { homeFor } from './home';
import { i18n } from './i18n';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (login, password reset, invitation). */
    public?: boolean;
    /** Only for these roles; others are sent home. */
    roles?: Role[];
    /** Also for members who organise an association (its meeting events are theirs to run). */
    organisers?: boolean;
    /** i18n key of the page title. */
    title?: string;
    /** Full screen, no header (the workshop's room screen). */
    bare?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./pages/HomeRedirect.vue') },
  { path: '/connexion', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: 'login.title' } },
  {
    path: '/mot-de-passe-oublie',
    name: 'password-forgot',
    component: () => import('./pages/PasswordForgotPage.vue'),
    meta: { public: true, title: 'reset.requestTitle' },
  },
  {
    path: '/reinitialisation/:token',
    name: 'password-reset',
    component: () => import('./pages/PasswordResetPage.vue'),
    meta: { public: true, title: 'reset.confirmTitle' },
  },
  { path: '/invitation/:token', name: 'invitation', component: () => import('./pages/InvitationPage.vue'), meta: { public: true, title: 'invitation.title' } },
  { path: '/mon-compte', name: 'account', component: () => import('./pages/AccountPage.vue'), meta: { title: 'account.title' } },
  { path: '/mon-entreprise', name: 'my-firm', component: () => import('./pages/MyFirmPage.vue'), meta: { roles: ['member'], title: 'nav.myFirm' } },
  { path: '/place-de-marche', name: 'marketplace', component: () => import('./pages/MarketplacePage.vue'), meta: { title: 'nav.marketplace' } },
  { path: '/fiches/nouvelle', name: 'declaration-new', component: () => import('./pages/DeclarationEditPage.vue'), meta: { title: 'declaration.newTitle' } },
  { path: '/fiches/:id', name: 'declaration', component: () => import('./pages/DeclarationPage.vue'), meta: { title: 'declaration.title' } },
  {
    path: '/fiches/:id/modifier',
    name: 'declaration-edit',
    component: () => import('./pages/DeclarationEditPage.vue'),
    meta: { title: 'declaration.editTitle' },
  },
  { path: '/entreprises/:id', name: 'organisation', component: () => import('./pages/OrganisationPage.vue'), meta: { title: 'organisation.title' } },
  {
    path: '/animation',
    name: 'console',
    component: () => import('./pages/ConsolePage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'nav.console' },
  },
  {
    path: '/animation/entreprises/nouvelle',
    name: 'organisation-new',
    component: () => import('./pages/OrganisationEditPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'firm.newTitle' },
  },
  {
    path: '/animation/entreprises/:id',
    name: 'organisation-edit',
    component: () => import('./pages/OrganisationEditPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'firm.editTitle' },
  },
  {
    path: '/animation/tableau-de-bord',
    name: 'dashboard',
    component: () => import('./pages/DashboardPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'dashboards.title' },
  },
  {
    path: '/animation/carte',
    name: 'flow-map',
    component: () => import('./pages/FlowMapPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'flowMap.title' },
  },
  {
    path: '/animation/imports',
    name: 'imports',
    component: () => import('./pages/ImportPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'imports.title' },
  },
  {
    path: '/animation/journal',
    name: 'audit-log',
    component: () => import('./pages/AuditLogPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'audit.title' },
  },
  {
    path: '/animation/synergies',
    name: 'synergy-board',
    component: () => import('./pages/SynergyBoardPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'nav.synergies' },
  },
  {
    path: '/animation/rendez-vous',
    name: 'meeting-events-admin',
    component: () => import('./pages/MeetingEventsAdminPage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'nav.meetings' },
  },
  {
    path: '/animation/rendez-vous/:eventId',
    name: 'meeting-event',
    component: () => import('./pages/MeetingEventPage.vue'),
    meta: { roles: ['facilitator', 'admin'], organisers: true, title: 'meetings.eventTitle' },
  },
  { path: '/synergies/:id', name: 'synergy', component: () => import('./pages/SynergyPage.vue'), meta: { title: 'synergy.title' } },
  { path: '/echanges/:id', name: 'exchange', component: () => import('./pages/ExchangePage.vue'), meta: { title: 'exchangeRecord.title' } },
  {
    path: '/rendez-vous',
    name: 'meeting-events',
    component: () => import('./pages/MeetingEventsPage.vue'),
    meta: { roles: ['member'], title: 'nav.meetings' },
  },
  {
    path: '/rendez-vous/:eventId',
    name: 'agenda',
    component: () => import('./pages/AgendaPage.vue'),
    meta: { title: 'agenda.title' },
    // Facilitators follow the same e-mailed link to their own view of the event.
    beforeEnter: (to) => {
      const role = useSessionStore().user?.role;
      if (role === 'facilitator' || role === 'admin') return { name: 'meeting-event', params: { eventId: String(to.params.eventId) } };
      return true;
    },
  },
  { path: '/ateliers', name: 'workshops', component: () => import('./pages/workshop/WorkshopsPage.vue'), meta: { title: 'workshop.list.title' } },
  { path: '/ateliers/:id', name: 'workshop-phone', component: () => import('./pages/workshop/WorkshopPhonePage.vue'), meta: { title: 'workshop.phone.title' } },
  { path: '/ateliers/:id/arrivee', name: 'workshop-check-in', redirect: (to) => ({ name: 'workshop-phone', params: to.params, query: to.query }) },
  {
    path: '/ateliers/:id/console',
    name: 'workshop-console',
    component: () => import('./pages/workshop/WorkshopConsolePage.vue'),
    meta: { roles: ['facilitator', 'admin'], title: 'workshop.console.title' },
  },
  {
    path: '/ateliers/:id/tableau',
    name: 'workshop-board',
    component: () => import('./pages/workshop/WorkshopBoardPage.vue'),
    meta: { title: 'workshop.board.title' },
  },
  {
    path: '/ateliers/:id/bilan',
    name: 'workshop-summary',
    component: () => import('./pages/workshop/WorkshopSummaryPage.vue'),
    meta: { title: 'workshop.summary.short' },
  },
  {
    path: '/ateliers/:id/ecran',
    name: 'workshop-screen',
    component: () => import('./pages/workshop/WorkshopScreenPage.vue'),
    meta: { public: true, bare: true, title: 'workshop.screen.title' },
  },
  {
    path: '/a/:code',
    name: 'workshop-join',
    component: () => import('./pages/workshop/WorkshopJoinPage.vue'),
    meta: { public: true, title: 'workshop.join.title' },
  },
  {
    path: '/administration/facteurs-impact',
    name: 'impact-factors',
    component: () => import('./pages/ImpactFactorsPage.vue'),
    meta: { roles: ['admin'], title: 'nav.impactFactors' },
  },
  { path: '/administration/zones', name: 'zones', component: () => import('./pages/ZonesPage.vue'), meta: { roles: ['admin'], title: 'nav.zones' } },
  // Meetings booked between member firms (bookings section of the locales).
  { path: '/agenda', name: 'my-agenda', component: () => import('./pages/MyAgendaPage.vue'), meta: { roles: ['member'], title: 'bookings.agenda.title' } },
  {
    path: '/rdv/nouveau',
    name: 'booking-new',
    component: () => import('./pages/BookingNewPage.vue'),
    meta: { roles: ['member'], title: 'bookings.propose.title' },
  },
  { path: '/rdv/:id', name: 'booking', component: () => import('./pages/BookingPage.vue'), meta: { title: 'bookings.booking.title' } },
  {
    path: '/disponibilites',
    name: 'availability',
    component: () => import('./pages/AvailabilityPage.vue'),
    meta: { roles: ['member'], title: 'bookings.availability.title' },
  },
  { path: '/annuaire', name: 'directory', component: () => import('./pages/DirectoryPage.vue'), meta: { title: 'bookings.directory.title' } },
  { path: '/associations', name: 'associations', component: () => import('./pages/AssociationsPage.vue'), meta: { title: 'bookings.associations.title' } },
  {
    path: '/activite-rendez-vous',
    name: 'booking-activity',
    component: () => import('./pages/BookingActivityPage.vue'),
    meta: { title: 'bookings.activity.title' },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'notFound.title' } },
];

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.ensureLoaded();
    const user = session.user;
    if (to.meta.public) {
      if (user && to.name === 'login') return homeFor(user.role);
      return true;
    }
    if (!user) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
    if (to.name === 'home') return homeFor(user.role);
    if (to.meta.roles && !to.meta.roles.includes(user.role) && !(to.meta.organisers && (await session.ensureOrganiser()))) return homeFor(user.role);
    return true;
  });

  router.afterEach((to) => {
    const key = to.meta.title;
    document.title = key ? `${i18n.global.t(key)} · Synergies` : 'Synergies';
  });

  // A page chunk that fails to load (new deployment, lost network): reload once on that URL.
  router.onError((error, to) => {
    if (/dynamically imported module|Importing a module script failed/i.test(String(error))) window.location.assign(to.fullPath);
  });
  return router;
}
