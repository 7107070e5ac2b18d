// A textarea as tall as what is written in it, so every word shows (a safety-plan line is read
// in a hard moment: nothing may hide behind a scroll or a cut-off end).

/** Svelte action: grows `node` to fit its text on every input, on mount and when it is given
 * a new value from outside (`value` as the action's argument). */
export function autogrow(node: HTMLTextAreaElement, _value?: string) {
  const fit = () => {
    node.style.height = 'auto';
    node.style.height = `${node.scrollHeight + (node.offsetHeight - node.clientHeight)}px`;
  };
  node.style.overflow = 'hidden';
  node.style.resize = 'none';
  node.addEventListener('input', fit);
  const observer = new ResizeObserver(() => {
    // Width changes (rotation, larger text) change the lines needed.
    if (node.dataset.width !== String(node.clientWidth)) {
      node.dataset.width = String(node.clientWidth);
      fit();
    }
  });
  observer.observe(node);
  queueMicrotask(fit);
  return {
    update: () => queueMicrotask(fit),
    destroy: () => {
      node.removeEventListener('input', fit);
      observer.disconnect();
    },
  };
}
