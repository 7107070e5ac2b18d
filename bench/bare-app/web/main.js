// One screen, then one IPC call to say it is up (the same report Thaw's UI makes).
const app = document.getElementById('app');
const heading = document.createElement('h1');
heading.textContent = 'Hello';
const button = document.createElement('button');
button.type = 'button';
button.textContent = 'A button';
app.append(heading, button);
window.__TAURI_INTERNALS__.invoke('ui_ready').catch(() => {});
