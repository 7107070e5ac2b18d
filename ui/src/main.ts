import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Thaw could not find its page.');

// A pretend core for looking at the UI in a plain browser; dropped from real builds.
if (import.meta.env.VITE_THAW_MOCK === '1') {
  const { install } = await import('./lib/ipc/mock');
  install();
}

export default mount(App, { target });
