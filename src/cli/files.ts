/** Checks on the files the command line reads and writes, so that it answers with a message, not a stack trace. */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Why the scenario file cannot be read, or null: missing, or a directory rather than a file. */
export function unreadable(path: string): string | null {
  if (!existsSync(path)) return 'file not found';
  if (!statSync(path).isFile()) return 'is a directory, not a scenario file';
  return null;
}

/** Why an output file cannot be written there, or null: its folder is missing. */
export function unwritable(path: string): string | null {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `the folder ${dir} does not exist`;
  if (existsSync(path) && statSync(path).isDirectory()) return 'is a directory, not a file';
  return null;
}
