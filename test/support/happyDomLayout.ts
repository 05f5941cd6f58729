/** Layout for React tests under happy-dom, which lays nothing out. */

/**
 * Lets React's act() run, and gives elements a size so virtual lists render their rows: call
 * it in `beforeAll`.
 */
export function fakeLayoutForReact(): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 2000 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 400 });
  HTMLElement.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 400, bottom: 40, width: 400, height: 40, toJSON: () => ({}) }) as DOMRect;
}
