/**
 * An `@need` annotation that names no live need: an id no needs file defines,
 * or a need the team retired. Worded once, so `outside-in check` and the
 * editor's diagnostics say the same thing under the same rule.
 */
import type { UnknownAnnotation } from './match';

export const UNKNOWN_NEED = 'unknown-need';
export const RETIRED_NEED_ANNOTATED = 'retired-need-annotated';

export interface AnnotationProblem {
  readonly rule: typeof UNKNOWN_NEED | typeof RETIRED_NEED_ANNOTATED;
  readonly message: string;
  /** The id's place: 0-based line, its first and past-last character. */
  readonly annotation: UnknownAnnotation;
}

/** The problems of a file's annotations, in line order (both are errors). */
export function annotationProblems(
  unknown: readonly UnknownAnnotation[],
  retired: readonly UnknownAnnotation[],
): AnnotationProblem[] {
  const out: AnnotationProblem[] = [
    ...unknown.map((a) => ({
      rule: UNKNOWN_NEED,
      message: `@need names an unknown need "${a.id}".`,
      annotation: a,
    })),
    ...retired.map((a) => ({
      rule: RETIRED_NEED_ANNOTATED,
      message: `@need names the retired need "${a.id}": no customer holds it any more; remove the annotation or name the need that replaces it.`,
      annotation: a,
    })),
  ] as AnnotationProblem[];
  return out.sort(
    (x, y) => x.annotation.line - y.annotation.line || x.annotation.start - y.annotation.start,
  );
}
