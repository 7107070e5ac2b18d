import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { api } from './lib/ipc/api';
import { keepFocusInSight } from './lib/keyboard';

const target = document.getElementById('app');
if (!target) throw new Error('Thaw could not find its page.');

// A pretend core for looking at the UI in a plain browser; dropped from real builds.
if (import.meta.env.VITE_THAW_MOCK === '1') {
  const { install } = await import('./lib/ipc/mock');
  install();
}

const app = mount(App, { target });
keepFocusInSight();

// Start-up benchmark (scripts/bench.sh): tell the shell once the first real screen replaces
// "Opening Thaw…": main is no longer aria-busy and a screen's heading is there (screens load
// on demand, so "not busy" alone could still be "Opening…"). The shell then builds the tray;
// with THAW_READY_FILE set it also records the time.
const ready = new MutationObserver(() => {
  if (target.querySelector('[aria-busy="true"]') || !target.querySelector('main h1')) return;
  ready.disconnect();
  api.uiReady().catch(() => {});
});
ready.observe(target, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });

export default app;
