// Routes of the workbench. Views other than the glossary load lazily, keeping the first screen small.
import { createRouter, createWebHashHistory } from 'vue-router'
import GlossaryView from './views/GlossaryView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/glossary' },
    { path: '/glossary', name: 'glossary', component: GlossaryView },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
    { path: '/reader/:docId', name: 'reader', component: () => import('./views/ReaderView.vue') },
    { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
    { path: '/align', name: 'align', component: () => import('./views/AlignView.vue') },
    { path: '/qa', name: 'qa', component: () => import('./views/QaView.vue') },
    { path: '/candidates', name: 'candidates', component: () => import('./views/CandidatesView.vue') },
    { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
    { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue') },
    { path: '/join', redirect: (to) => ({ path: '/data', query: to.query }) },
    { path: '/:unknown(.*)*', name: 'notFound', component: () => import('./views/NotFoundView.vue') },
  ],
})
