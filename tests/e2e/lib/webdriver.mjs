// A small W3C WebDriver client over fetch: all Thaw's end-to-end tests need, nothing more.
// It talks only to tauri-driver on 127.0.0.1.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {
  constructor(status, body) {
    const value = body?.value ?? {};
    super(`WebDriver ${status}: ${value.error ?? ''} ${value.message ?? JSON.stringify(body)}`);
    this.code = value.error;
  }
}

async function request(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new WebDriverError(response.status, json);
  return json.value;
}

export async function waitForDriver(base, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const status = await request(base, 'GET', '/status');
      if (status?.ready !== false) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`tauri-driver did not answer at ${base}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export class Session {
  static async start(base, application, args = []) {
    const value = await request(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    return new Session(base, value.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd('DELETE', '').catch(() => {});
  }

  /** The page's address: it stays Thaw's own page whatever is tapped. */
  url() {
    return this.cmd('GET', '/url');
  }

  async setWindowSize(width, height) {
    await this.cmd('POST', '/window/rect', { width, height });
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  async execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async setTimeouts(timeouts) {
    await this.cmd('POST', '/timeouts', timeouts);
  }

  async executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** Finds one element, waiting for it to appear. */
  async find(selector, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const value = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
        return new Element(this, value[ELEMENT]);
      } catch (error) {
        if (error.code !== 'no such element' || Date.now() > deadline) {
          throw new Error(`No element matches ${selector}: ${error.message}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async findAll(selector) {
    const values = await this.cmd('POST', '/elements', { using: 'css selector', value: selector });
    return values.map((v) => new Element(this, v[ELEMENT]));
  }

  async exists(selector) {
    return (await this.findAll(selector)).length > 0;
  }

  /** Waits until `predicate` (run in the page) returns a truthy value, and returns it. */
  async waitFor(predicateSource, timeoutMs = 10000, what = predicateSource) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.execute(`return (${predicateSource})();`);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }

  click() {
    return this.cmd('POST', '/click', {});
  }

  text() {
    return this.cmd('GET', '/text');
  }

  async type(text) {
    await this.cmd('POST', '/value', { text });
  }

  clear() {
    return this.cmd('POST', '/clear', {});
  }

  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }

  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }

  enabled() {
    return this.cmd('GET', '/enabled');
  }
}
