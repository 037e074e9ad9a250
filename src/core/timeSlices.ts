/**
 * Long work in an editor's extension host (a walk, a scan, a cache read or
 * written, the workspace index) runs in slices of the event loop's time:
 * hovers and every other extension wait while a slice runs, so the longest
 * wait is a slice plus the longest single step in it.
 */

/** Short enough that no wait is felt; long enough that the turns cost nothing measurable. */
export const SLICE_MS = 8;

export interface TimeSlices {
  /** Whether this slice has run its time. */
  due(): boolean;
  /** Lets the event loop turn, then starts the next slice. */
  turn(): Promise<void>;
}

export function timeSlices(): TimeSlices {
  let start = performance.now();
  return {
    due: () => performance.now() - start > SLICE_MS,
    turn: () =>
      new Promise<void>((resolve) =>
        later(() => {
          start = performance.now();
          resolve();
        }),
      ),
  };
}

/** `setImmediate` in Node; the browser's extension host has none, and waits a timer's turn instead. */
const later: (f: () => void) => void =
  typeof setImmediate === 'function' ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);
