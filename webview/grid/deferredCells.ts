// Rendering the cells the user sees first. Cells (and rows' prompts) come in with their contents skipped (class "deferred",
// content-visibility: hidden). Chromium's own content-visibility: auto renders every cell within about a
// window's size of the view, which for 12 languages × 12 systems is nearly all of them (120 of 144 measured),
// and laying those out, in the fonts of a dozen scripts, was most of the time to a group's first paint. So the
// cells in the window are rendered before the first paint, those coming into view as they come, and the others
// a few at a time while the page is idle, so that find-in-page, screen readers and printing soon have them all
// (a rendered cell falls back to content-visibility: auto).

const DEFERRED = 'deferred';
/**
 * A cell rendered for the first paint is `content-visibility: visible` until that paint: as `auto` (what a rendered
 * cell falls back to) it would be skipped in the frame's first layout and laid out again once Chromium found it
 * in view, in the same frame (measured: 15 and 21 ms of layout where one pass of 21 ms will do).
 */
const FIRST_PAINT = 'first-paint';
/** Cells rendered per idle slice: about 5 ms of layout each on a 2-core machine. */
const CELLS_PER_SLICE = 8;

let nearView: IntersectionObserver | undefined;
let idleSlice: number | undefined;

function reveal(cell: Element): void {
  cell.classList.remove(DEFERRED);
  nearView?.unobserve(cell);
}

function inWindow(cell: Element): boolean {
  const box = cell.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
}

/**
 * Renders the deferred cells of `root` that are in the window now (call it once the page is scrolled where it
 * will be painted), then the rest: near the view as they come into it, the others in idle time.
 */
export function revealCells(root: HTMLElement): void {
  stopRevealing();
  const deferred = [...root.querySelectorAll(`.${DEFERRED}`)];
  // All measured before any is revealed: a reveal changes the layout, so measuring after it lays the page out
  // again, once per cell.
  const inView = deferred.filter(inWindow);
  for (const cell of inView) {
    cell.classList.add(FIRST_PAINT);
    reveal(cell);
  }
  afterNextPaint(() => {
    for (const cell of inView) cell.classList.remove(FIRST_PAINT);
  });
  nearView = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) reveal(entry.target);
    },
    { rootMargin: '50%' },
  );
  const left = deferred.filter((cell) => cell.classList.contains(DEFERRED));
  for (const cell of left) nearView.observe(cell);
  const slice = () => {
    const next = left.splice(0, CELLS_PER_SLICE);
    for (const cell of next) reveal(cell);
    idleSlice = left.length > 0 ? requestIdleCallback(slice, { timeout: 500 }) : undefined;
  };
  idleSlice = requestIdleCallback(slice, { timeout: 500 });
}

function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(then));
}

/** Stops rendering the cells of a page about to be replaced. */
export function stopRevealing(): void {
  nearView?.disconnect();
  nearView = undefined;
  if (idleSlice !== undefined) cancelIdleCallback(idleSlice);
  idleSlice = undefined;
}
