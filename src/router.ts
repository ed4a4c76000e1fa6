/**
 * Routes. Hash history so that the static build works from any folder of any web server without
 * rewrite rules. Every screen is its own lazy chunk; charts load only with the screens that show them.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { ref } from 'vue'
import { i18n, loadTexts, type AppLocale, type TextGroup } from './i18n'
import StartView from './views/StartView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    title?: string
    /** Lazily split text groups the screen needs; loaded before it shows (see loadTexts). */
    texts?: TextGroup[]
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'start', component: StartView, meta: { title: 'nav.start' } },
  { path: '/setup', name: 'setup', component: () => import('./views/SetupView.vue'), meta: { title: 'nav.setup' } },
  { path: '/assessment/:id', name: 'assessment', component: () => import('./views/QuestionnaireView.vue'), props: true, meta: { title: 'q.title' } },
  { path: '/result/:roundId/:departmentId', name: 'department-result', component: () => import('./views/DepartmentResultView.vue'), props: true, meta: { title: 'nav.results', texts: ['analysis'] } },
  { path: '/workshop/:roundId/:departmentId', name: 'workshop', component: () => import('./views/WorkshopView.vue'), props: true, meta: { title: 'workshop.title', texts: ['workshop'] } },
  { path: '/results', name: 'results', component: () => import('./views/ResultsView.vue'), meta: { title: 'nav.results', texts: ['analysis'] } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: 'nav.dashboard', texts: ['analysis'] } },
  { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue'), meta: { title: 'nav.compare', texts: ['analysis'] } },
  { path: '/report', name: 'report', component: () => import('./views/ReportView.vue'), meta: { title: 'nav.report', texts: ['report', 'method', 'analysis', 'strategy'] } },
  { path: '/recommendations', name: 'recommendations', component: () => import('./views/RecommendationsView.vue'), meta: { title: 'nav.recommendations', texts: ['analysis'] } },
  { path: '/roadmap', name: 'roadmap', component: () => import('./views/RoadmapView.vue'), meta: { title: 'nav.roadmap', texts: ['analysis'] } },
  { path: '/agenda', name: 'agenda', component: () => import('./views/AgendaView.vue'), meta: { title: 'agenda.title', texts: ['strategy'] } },
  { path: '/agenda/bericht', name: 'progress-report', component: () => import('./views/ProgressReportView.vue'), meta: { title: 'agenda.report.title', texts: ['strategy'] } },
  { path: '/leistungen', name: 'inventory', component: () => import('./views/InventoryView.vue'), meta: { title: 'inventory.title', texts: ['strategy'] } },
  { path: '/method', name: 'method', component: () => import('./views/MethodView.vue'), meta: { title: 'nav.method', texts: ['method'] } },
  { path: '/exchange', name: 'exchange', component: () => import('./views/ExchangeView.vue'), meta: { title: 'nav.exchange', texts: ['files', 'strategy'] } },
  { path: '/data', name: 'data', component: () => import('./views/DataView.vue'), meta: { title: 'nav.data', texts: ['files', 'analysis', 'strategy'] } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: 'nav.settings', texts: ['sync'] } },
  { path: '/sync', name: 'sync', component: () => import('./views/SyncView.vue'), meta: { title: 'sync.title', texts: ['sync', 'files'] } },
  { path: '/privacy', name: 'privacy', component: () => import('./views/PrivacyView.vue'), meta: { title: 'nav.privacy', texts: ['public'] } },
  { path: '/accessibility', name: 'accessibility', component: () => import('./views/AccessibilityView.vue'), meta: { title: 'nav.accessibility', texts: ['public'] } },
  { path: '/leichte-sprache', name: 'easy-language', component: () => import('./views/EasyLanguageView.vue'), meta: { title: 'easy.title', texts: ['public'] } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
]

/** Set when a screen could not be loaded (e.g. offline before the service worker took over). */
export const routeLoadError = ref(false)

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeResolve(async (to) => {
  const locale = i18n.global.locale.value as AppLocale
  await Promise.all((to.meta.texts ?? []).map((group) => loadTexts(group, locale)))
})

router.onError(() => {
  routeLoadError.value = true
})
router.afterEach(() => {
  routeLoadError.value = false
})
