/**
 * A second model worker for work that must not displace the workspace's runs: checking imported
 * files, exporting scenarios and running the scenarios of the Compare screen. Calls run one at a time
 * in the order made (never superseded); a worker that fails, or stays silent for `answerWithinMs`, is
 * stopped, the call rejects saying why, and the next call starts a fresh one.
 */
import type { Remote } from 'comlink';
import type { ModelWorkerApi } from './worker-api';
import type { Override } from '../scenario/load';
import type { ModelReply } from './reply';
import type { CheckReply, ExportReply } from './scenario-io';
import { deadline, linkWorker, silentWorkerMessage, type WorkerLink } from './worker-link';

export class ModelService {
  private link: WorkerLink<ModelWorkerApi> | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * @param answerWithinMs as the workspace's runner: one call takes milliseconds to a few seconds.
   * @param startWorker starts a worker (a seam for tests).
   */
  constructor(
    private readonly answerWithinMs = 60_000,
    private readonly startWorker: () => Worker = () =>
      new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  private call<T>(fn: (api: Remote<ModelWorkerApi>) => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      this.link ??= linkWorker<ModelWorkerApi>(this.startWorker(), 'the model worker');
      const { api, crashed } = this.link;
      const watchdog = deadline(this.answerWithinMs, silentWorkerMessage('the model worker', this.answerWithinMs));
      try {
        return await Promise.race([fn(api), crashed, watchdog.expired]);
      } catch (e) {
        this.dispose();
        throw e;
      } finally {
        watchdog.stop();
      }
    });
    this.chain = next.catch(() => {});
    return next;
  }

  check(text: string, fileName: string): Promise<CheckReply> {
    return this.call((api) => api.check(text, fileName) as Promise<CheckReply>);
  }
  export(raw: unknown, overrides: readonly Override[]): Promise<ExportReply> {
    return this.call((api) => api.export(raw, overrides) as Promise<ExportReply>);
  }
  run(raw: unknown, overrides: readonly Override[]): Promise<ModelReply> {
    return this.call((api) => api.run(raw, overrides) as Promise<ModelReply>);
  }

  dispose(): void {
    this.link?.terminate();
    this.link = null;
  }
}
