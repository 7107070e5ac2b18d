// Moving focus to a new screen's heading, so keyboard and screen-reader users land at its start.

let first = true;

/** Svelte action for a screen's h1: makes it focusable by script and focuses it on mount
 * (except the very first screen, where the page itself already has focus). */
export function focusHeading(node: HTMLElement) {
  node.setAttribute('tabindex', '-1');
  if (first) {
    first = false;
    return;
  }
  queueMicrotask(() => {
    // A dialog that is open keeps its focus.
    if (document.querySelector('dialog[open]')) return;
    node.focus();
    node.scrollIntoView?.({ block: 'nearest' });
  });
}
