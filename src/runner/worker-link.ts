/**
 * The one way the page talks to a Web Worker: {@link linkWorker} wraps a started worker (comlink) and
 * turns its death into a rejected promise; {@link deadline} is the watchdog for a worker that exits
 * silently or stops answering (neither fires an `error` event, so without it the page waited for good).
 *
 * The `new Worker(new URL(…, import.meta.url))` expression stays at each call site: Vite bundles a worker
 * only where it sees that expression literally.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';

export interface WorkerLink<Api> {
  readonly api: Remote<Api>;
  /** Rejects if the worker dies (load error, uncaught error, unreadable message); never resolves. */
  readonly crashed: Promise<never>;
  terminate(): void;
}

/** Wraps a started worker; `name` is how messages call it ("the model worker"). */
export function linkWorker<Api>(worker: Worker, name: string): WorkerLink<Api> {
  const api = wrap<Api>(worker);
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault(); // reported through the caller's rejection instead of the console
      reject(new Error(e.message || `${name} failed`));
    });
    worker.addEventListener('messageerror', () => reject(new Error(`${name} sent an unreadable message`)));
  });
  crashed.catch(() => {}); // observed through Promise.race by the caller; never an unhandled rejection
  return {
    api,
    crashed,
    terminate: () => {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

export interface Deadline {
  /** Rejects with the message once `ms` pass without a {@link Deadline.poke}; never resolves. */
  readonly expired: Promise<never>;
  /** A sign of life (a progress message): the time starts again. */
  poke(): void;
  stop(): void;
}

/**
 * A watchdog. A long analysis pokes it with each progress message, so only silence counts, never the
 * length of the whole computation.
 */
export function deadline(ms: number, message: string): Deadline {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fire: (e: Error) => void = () => {};
  let stopped = false;
  const expired = new Promise<never>((_, reject) => (fire = reject));
  expired.catch(() => {});
  const arm = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => fire(new Error(message)), ms);
  };
  arm();
  return {
    expired,
    poke: arm,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** The watchdog's message, in the words the page shows. */
export const silentWorkerMessage = (name: string, ms: number, next = 'the next request starts a new one'): string =>
  `${name} did not answer within ${+(ms / 1000).toFixed(ms < 1000 ? 2 : 0)} s; it was stopped and ${next}`;
