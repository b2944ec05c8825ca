import type { Page } from 'playwright-core';

/** The screen sizes an office meets: laptops, small TVs, full-HD screens, and a portrait kiosk. */
export const LAYOUT_VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;

export interface LayoutRules {
  /** CSS selectors of what must be wholly on screen without scrolling: primary actions, what one must read. */
  inViewport: string[];
  /** Pairs of CSS selectors whose boxes must not overlap (each may match several elements). */
  apart: [string, string][];
}

/**
 * What breaks the rules on the page as it is now: an element missing, outside the viewport, or covering
 * another. Boxes are the browser's own (getBoundingClientRect) at the page's current scroll (the top).
 */
export function layoutProblems(page: Page, rules: LayoutRules): Promise<string[]> {
  return page.evaluate((rules) => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    const boxes = (selector: string) =>
      [...document.querySelectorAll(selector)]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0);
    const round = (box: DOMRect) =>
      `${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`;
    for (const selector of rules.inViewport) {
      const found = boxes(selector);
      if (found.length === 0) problems.push(`${selector}: not shown`);
      for (const box of found) {
        if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5) {
          problems.push(`${selector}: ${round(box)} is outside the ${width}×${height} viewport`);
        }
      }
    }
    for (const [a, b] of rules.apart) {
      for (const boxA of boxes(a)) {
        for (const boxB of boxes(b)) {
          const overlapX = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
          const overlapY = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
          if (overlapX > 1 && overlapY > 1) {
            problems.push(`${a} ${round(boxA)} overlaps ${b} ${round(boxB)}`);
          }
        }
      }
    }
    return problems;
  }, rules);
}
