/**
 * Tables wider than the screen say so. Ant Design draws a table with `scroll={{ x }}` inside a scrolling container
 * it gives no props to, so on a narrow screen (390 px) the extra columns are hidden with no hint, and a keyboard
 * cannot reach them when the table has no link or button (axe-core `scrollable-region-focusable`). While mounted,
 * this hook watches the page and marks every table container that scrolls sideways:
 * - its wrapper gets `data-scroll-hint` with the hint text, which global.css shows above the table;
 * - the container becomes a focusable region named by the hint, so arrow keys scroll it.
 * Marks are removed when the table fits again (a wider window). No element is added to the tree React renders.
 */
import { useEffect } from 'react';

const CONTAINERS = '.ant-table-content, .ant-table-body';
const MARK = 'data-wide-table';

function mark(root: ParentNode, hint: string) {
  for (const el of root.querySelectorAll<HTMLElement>(CONTAINERS)) {
    const wrapper = el.closest<HTMLElement>('.ant-table-wrapper');
    const wide = el.scrollWidth > el.clientWidth + 1;
    if (wide) {
      if (el.getAttribute(MARK) !== hint) {
        el.setAttribute(MARK, hint);
        el.tabIndex = 0;
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', hint);
      }
      wrapper?.setAttribute('data-scroll-hint', hint);
    } else if (el.hasAttribute(MARK)) {
      el.removeAttribute(MARK);
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      wrapper?.removeAttribute('data-scroll-hint');
    }
  }
}

/** Marks the wide tables of the page (see above) with `hint`, the text in the UI language. */
export function useWideTables(hint: string) {
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => mark(document, hint));
    };
    schedule();
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', schedule);
    };
  }, [hint]);
}
