/**
 * Work written once as a generator, run either at once (the command line)
 * or in slices of the event loop's time (an editor, which must not block):
 * each `yield` marks a point where the work may pause.
 */
import { timeSlices } from '../core/timeSlices';

/** Runs `work` to the end without pausing. */
export function runAtOnce<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
  }
}

/** Runs `work`, letting the event loop turn whenever a slice has run its time. */
export async function runInSlices<T>(work: Generator<void, T>): Promise<T> {
  const slices = timeSlices();
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
    if (slices.due()) await slices.turn();
  }
}
