// Moving focus to a new screen's heading, so keyboard and screen-reader users land at its start.

/** Svelte action for a screen's h1: makes it focusable by script and focuses it on mount. */
export function focusHeading(node: HTMLElement) {
  node.setAttribute('tabindex', '-1');
  queueMicrotask(() => {
    // A dialog that is open keeps its focus.
    if (document.querySelector('dialog[open]')) return;
    node.focus();
    node.scrollIntoView?.({ block: 'nearest' });
  });
}
