/** Mounts the Vue portal page: `#app` carries the gateway, procedure and fields to show (`data-fields`). */
import { createApp } from 'vue';
import App from './App.vue';
import { readConfig, startTelemetry } from '../../shared/portal.js';

const root = document.getElementById('app');
if (root) {
  const config = readConfig(root);
  startTelemetry(config);
  createApp(App, { config, fields: (root.dataset.fields ?? '').split(/\s+/).filter(Boolean) }).mount(root);
}
