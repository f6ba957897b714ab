/** Mounts the Vue portal page: `#app` carries the gateway, the procedure and where the dossier goes. */
import { createApp } from 'vue';
import App from './App.vue';
import { readConfig, startTelemetry } from '../../shared/portal.js';

const root = document.getElementById('app');
if (root) {
  const config = readConfig(root);
  startTelemetry(config);
  createApp(App, { config }).mount(root);
}
