// The foundation journey: the real app opens in a real window, asks the Rust core for its
// status through IPC, and shows the first gentle screen at phone and desktop sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Desktop, PHONE, DESKTOP, openApp, saveScreenshot, freshDataDir, removeDataDir } from './lib/harness.mjs';

let desktop;
let driver;

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
});

after(async () => {
  await desktop?.stop();
});

for (const size of [PHONE, DESKTOP]) {
  test(`first run shows the welcome screen from the core's status (${size.name})`, async () => {
    const dataDir = freshDataDir('foundation');
    const session = await openApp(driver, dataDir, size);
    try {
      const title = await session.execute('return document.title;');
      assert.equal(title, 'Thaw');

      const heading = await (await session.find('#welcome-title')).text();
      assert.equal(heading, 'Welcome to Thaw');

      // The version on screen comes from the Rust core, through the `status` command.
      const version = await (await session.find('.version')).text();
      assert.match(version, /^Thaw \d+\.\d+\.\d+$/);

      const next = await (await session.find('[data-testid="next-step"]')).text();
      assert.match(next, /choose a passphrase/, 'a new data folder means onboarding comes next');
      await (await session.find('[data-testid="begin"]')).click();
      const passTitle = await (await session.find('#pass-title')).text();
      assert.equal(passTitle, 'Choose a passphrase');

      const rect = await session.cmd('GET', '/window/rect');
      assert.equal(rect.width, size.width);
      await saveScreenshot(session, `foundation-welcome-${size.name}`);
    } finally {
      await session.quit();
      removeDataDir(dataDir);
    }
  });
}
