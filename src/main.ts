// App entry: i18n first (so the first paint is in the user's language), then Pinia, router, mount.
// Nothing here loads the ML runtime: transformers.js is only reached from the worker, on demand.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import I18NextVue from 'i18next-vue'
import App from './App.vue'
import { router } from './router'
import { initI18n } from './i18n'
import './styles.css'

async function boot(): Promise<void> {
  const i18next = await initI18n()
  const app = createApp(App)
  app.use(createPinia())
  app.use(router)
  app.use(I18NextVue, { i18next })
  app.mount('#app')
}

void boot()
