/**
 * Validation problems as the command line and the interface report them:
 * `path: message`, with the path a JSON Pointer into the file.
 */
import type { z } from 'zod';
import { formatPointer, getAt } from './pointer';

export interface Issue {
  /** JSON Pointer of the offending value ("" for the whole file), possibly prefixed by a file name. */
  readonly path: string;
  readonly message: string;
}

export const formatIssue = (i: Issue): string => `${i.path || '/'}: ${i.message}`;

/** Thrown by loaders with every problem found, never only the first. */
export class ValidationError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ValidationError';
  }
}

/**
 * Converts zod's issues into ours, with plainer words for the common cases.
 * With the input document at hand, a value that is absent is reported as
 * missing rather than as of the wrong type.
 */
export function fromZod(error: z.ZodError, prefix = '', input?: unknown): Issue[] {
  const out: Issue[] = [];
  for (const iss of error.issues) {
    const path = prefix + formatPointer(iss.path as (string | number)[]);
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys)
        out.push({
          path: `${path}/${k}`,
          message: 'unknown field (check the spelling; the format does not allow extra fields)',
        });
      continue;
    }
    let message = iss.message;
    const absent =
      input !== undefined &&
      iss.path.length > 0 &&
      getAt(input, formatPointer(iss.path as (string | number)[])) === undefined;
    if (absent || (iss.code === 'invalid_type' && /received undefined/.test(message)))
      message = 'is required but missing';
    else if (iss.code === 'invalid_type') message = message.replace(/^Invalid input: /, '');
    out.push({ path, message });
  }
  return out;
}
