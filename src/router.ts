/**
 * Routes. Hash history so that the static build works from any folder of any web server without
 * rewrite rules. Every screen is its own lazy chunk; charts load only with the screens that show them.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { ref } from 'vue'
import StartView from './views/StartView.vue'

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'start', component: StartView, meta: { title: 'nav.start' } },
  { path: '/setup', name: 'setup', component: () => import('./views/SetupView.vue'), meta: { title: 'nav.setup' } },
  { path: '/assessment/:id', name: 'assessment', component: () => import('./views/QuestionnaireView.vue'), props: true, meta: { title: 'q.title' } },
  { path: '/result/:roundId/:departmentId', name: 'department-result', component: () => import('./views/DepartmentResultView.vue'), props: true, meta: { title: 'nav.results' } },
  { path: '/workshop/:roundId/:departmentId', name: 'workshop', component: () => import('./views/WorkshopView.vue'), props: true, meta: { title: 'workshop.title' } },
  { path: '/results', name: 'results', component: () => import('./views/ResultsView.vue'), meta: { title: 'nav.results' } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: 'nav.dashboard' } },
  { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue'), meta: { title: 'nav.compare' } },
  { path: '/report', name: 'report', component: () => import('./views/ReportView.vue'), meta: { title: 'nav.report' } },
  { path: '/recommendations', name: 'recommendations', component: () => import('./views/RecommendationsView.vue'), meta: { title: 'nav.recommendations' } },
  { path: '/roadmap', name: 'roadmap', component: () => import('./views/RoadmapView.vue'), meta: { title: 'nav.roadmap' } },
  { path: '/method', name: 'method', component: () => import('./views/MethodView.vue'), meta: { title: 'nav.method' } },
  { path: '/exchange', name: 'exchange', component: () => import('./views/ExchangeView.vue'), meta: { title: 'nav.exchange' } },
  { path: '/data', name: 'data', component: () => import('./views/DataView.vue'), meta: { title: 'nav.data' } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: 'nav.settings' } },
  { path: '/privacy', name: 'privacy', component: () => import('./views/PrivacyView.vue'), meta: { title: 'nav.privacy' } },
  { path: '/accessibility', name: 'accessibility', component: () => import('./views/AccessibilityView.vue'), meta: { title: 'nav.accessibility' } },
  { path: '/leichte-sprache', name: 'easy-language', component: () => import('./views/EasyLanguageView.vue'), meta: { title: 'easy.title' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
]

/** Set when a screen could not be loaded (e.g. offline before the service worker took over). */
export const routeLoadError = ref(false)

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.onError(() => {
  routeLoadError.value = true
})
router.afterEach(() => {
  routeLoadError.value = false
})
