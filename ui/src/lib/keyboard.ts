// The focused field is never hidden under the on-screen keyboard.
//
// Phones shrink the visual viewport when the keyboard opens (Android usually the layout
// viewport too; iOS only the visual one, leaving the page under the keyboard). Whenever the
// visual viewport changes, or a field takes focus, the focused field is brought back into the
// part of the screen that is still visible, clear of the sticky header and bottom bar (the
// page's scroll-padding keeps those clear). On touch screens the bottom bar steps aside while
// the keyboard is up, so the little room left is for what is being typed; "Need help now?" in
// the header stays.

const FIELD = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select, [contenteditable="true"]';

export function isField(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.matches(FIELD);
}

/** Whether `el` lies wholly inside the visible band [top, bottom] of the visual viewport. */
export function inSight(rect: DOMRect, top: number, bottom: number): boolean {
  return rect.top >= top && rect.bottom <= bottom;
}

/** How much of the layout viewport's bottom the keyboard covers (iOS; 0 when it resizes). */
export function keyboardInset(innerHeight: number, vvHeight: number, vvOffsetTop: number): number {
  return Math.max(0, Math.round(innerHeight - (vvHeight + vvOffsetTop)));
}

export function keepFocusInSight(win: Window = window): () => void {
  const vv = win.visualViewport;
  if (!vv) return () => {};
  const doc = win.document;
  const coarse = win.matchMedia('(pointer: coarse)');
  // The tallest visual viewport seen at this width: the screen without a keyboard.
  let tallest = { width: vv.width, height: vv.height };

  const band = (field: HTMLElement) => {
    // In a sheet (a modal dialog above everything) only the keyboard and the screen's edges count.
    if (field.closest('dialog')) return { top: vv.offsetTop, bottom: vv.offsetTop + vv.height };
    const header = doc.querySelector('.top')?.getBoundingClientRect().bottom ?? 0;
    const bar = doc.querySelector('.bar');
    const barTop = bar && getComputedStyle(bar).display !== 'none' ? bar.getBoundingClientRect().top : Infinity;
    return { top: Math.max(vv.offsetTop, header), bottom: Math.min(vv.offsetTop + vv.height, barTop) };
  };

  const update = () => {
    if (vv.width !== tallest.width || vv.height > tallest.height) tallest = { width: vv.width, height: vv.height };
    const focused = doc.activeElement;
    const keyboardUp = isField(focused) && vv.height < tallest.height * 0.8;
    doc.documentElement.style.setProperty('--keyboard-inset', `${keyboardInset(win.innerHeight, vv.height, vv.offsetTop)}px`);
    doc.documentElement.classList.toggle('keyboard-up', keyboardUp && coarse.matches);
    if (!isField(focused)) return;
    const { top, bottom } = band(focused);
    if (!inSight(focused.getBoundingClientRect(), top, bottom)) {
      focused.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  };
  // After the layout settles (the keyboard animates in; the bar may have just stepped aside).
  const soon = () => win.requestAnimationFrame(() => win.requestAnimationFrame(update));

  // Not on scroll: a person scrolling up to read while a field has focus is left where they are.
  vv.addEventListener('resize', soon);
  doc.addEventListener('focusin', soon);
  doc.addEventListener('focusout', soon);
  return () => {
    vv.removeEventListener('resize', soon);
    doc.removeEventListener('focusin', soon);
    doc.removeEventListener('focusout', soon);
  };
}
