/**
 * A second model worker for work that must not displace the workspace's runs: checking imported
 * files, exporting scenarios and running the scenarios of the Compare screen. Calls run one at a time
 * in the order made (never superseded); a worker that fails is replaced on the next call.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { ModelWorkerApi } from '../../workers/model.worker';
import type { Override } from '../scenario/load';
import type { ModelReply } from './reply';
import type { CheckReply, ExportReply } from './scenario-io';

export class ModelService {
  private worker: Worker | null = null;
  private api: Remote<ModelWorkerApi> | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  private call<T>(fn: (api: Remote<ModelWorkerApi>) => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      if (!this.api) {
        this.worker = new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' });
        this.api = wrap<ModelWorkerApi>(this.worker);
      }
      const worker = this.worker!;
      const died = new Promise<never>((_, reject) =>
        worker.addEventListener('error', (e) => {
          e.preventDefault();
          reject(new Error(e.message || 'the model worker failed'));
        }),
      );
      try {
        return await Promise.race([fn(this.api), died]);
      } catch (e) {
        this.dispose();
        throw e;
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
    this.api?.[releaseProxy]();
    this.worker?.terminate();
    this.api = null;
    this.worker = null;
  }
}
