/**
 * The atlas in the page (issue 18): every prefecture run across one Web Worker per core (each takes every
 * n-th unit), progress summed over them; one prefecture's scenario for the workspace; the ten-year test.
 * Cancelling terminates the workers; the next call starts fresh ones.
 */
import { proxy } from 'comlink';
import type { AtlasFailure, AtlasRow, AtlasSpeeds, Hindcast } from '../analysis/atlas-run';
import type { AtlasBase } from '../analysis/atlas-scenario';
import { AnalysisInputError, type Progress } from './analysis-types';
import type { AnalysisWorkerApi, Answer } from './worker-api';
import { linkWorker, type WorkerLink } from './worker-link';

export interface AtlasResult {
  readonly base: AtlasBase;
  readonly years: readonly number[];
  readonly rows: readonly AtlasRow[];
  readonly failures: readonly AtlasFailure[];
  readonly seconds: number;
}

/** What the interface asks of the atlas, whatever runs it (workers in the page, a stub in tests). */
export interface AtlasService {
  run(
    base: AtlasBase,
    years: readonly number[],
    speeds: AtlasSpeeds,
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
    edits?: readonly Edit[],
  ): Promise<AtlasResult>;
  scenario(code: string, base: AtlasBase, speeds: AtlasSpeeds, edits?: readonly Edit[]): Promise<unknown>;
  hindcast(speeds: AtlasSpeeds, signal: AbortSignal): Promise<Hindcast>;
}

/** An edit of the nation's current preset that the atlas carries. */
export interface Edit {
  readonly pointer: string;
  readonly value: unknown;
}

const abortError = () => new DOMException('the atlas was cancelled', 'AbortError');

export class BrowserAtlas implements AtlasService {
  /** The run's workers, and one of its own for a single city's scenario and the ten-year test: cancelling one job stops its workers only. */
  private runLinks: WorkerLink<AnalysisWorkerApi>[] = [];
  private single: WorkerLink<AnalysisWorkerApi> | null = null;

  constructor(
    private readonly threads = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2)),
    private readonly startWorker: () => Worker = () =>
      new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  private pool(n: number): WorkerLink<AnalysisWorkerApi>[] {
    while (this.runLinks.length < n)
      this.runLinks.push(linkWorker<AnalysisWorkerApi>(this.startWorker(), 'an atlas worker'));
    return this.runLinks.slice(0, n);
  }

  private one(): WorkerLink<AnalysisWorkerApi> {
    return (this.single ??= linkWorker<AnalysisWorkerApi>(this.startWorker(), 'an atlas worker'));
  }

  /** Stops these workers (those of the job that failed or was cancelled) and forgets them. */
  private stop(links: readonly WorkerLink<AnalysisWorkerApi>[]): void {
    for (const l of links) l.terminate();
    this.runLinks = this.runLinks.filter((l) => !links.includes(l));
    if (this.single && links.includes(this.single)) this.single = null;
  }

  /** One call raced against the worker's death and the signal; input problems as issues. */
  private async race<T>(
    link: WorkerLink<AnalysisWorkerApi>,
    call: Promise<Answer<T>>,
    signal: AbortSignal | null,
    job: readonly WorkerLink<AnalysisWorkerApi>[] = [link],
  ): Promise<T> {
    if (signal?.aborted) throw abortError();
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        this.stop(job);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort);
    });
    try {
      const a = await Promise.race([call, link.crashed, aborted]);
      if (!a.ok) throw new AnalysisInputError(a.issues);
      return a.value;
    } catch (e) {
      if (!(e instanceof AnalysisInputError) && !(e instanceof DOMException)) this.stop(job);
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async run(
    base: AtlasBase,
    years: readonly number[],
    speeds: AtlasSpeeds,
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
    edits: readonly Edit[] = [],
  ): Promise<AtlasResult> {
    const t0 = performance.now();
    const links = this.pool(this.threads);
    const done = links.map(() => 0);
    const total = links.map(() => 0);
    const pages = await Promise.all(
      links.map((link, part) =>
        this.race(
          link,
          link.api.atlasRows(
            { base, years: [...years], part, of: links.length, speeds, edits: [...edits] },
            proxy((d: number, t: number) => {
              done[part] = d;
              total[part] = t;
              onProgress({ done: done.reduce((a, b) => a + b, 0), total: total.reduce((a, b) => a + b, 0) });
            }),
          ),
          signal,
          links,
        ),
      ),
    );
    const rows = pages.flatMap((p) => p.rows).sort((a, b) => a.code.localeCompare(b.code) || a.year - b.year);
    return { base, years, rows, failures: pages.flatMap((p) => p.failures), seconds: (performance.now() - t0) / 1000 };
  }

  scenario(code: string, base: AtlasBase, speeds: AtlasSpeeds, edits: readonly Edit[] = []): Promise<unknown> {
    const link = this.one();
    return this.race(link, link.api.atlasScenario(code, base, speeds, [...edits]), null);
  }

  hindcast(speeds: AtlasSpeeds, signal: AbortSignal): Promise<Hindcast> {
    const link = this.one();
    return this.race(link, link.api.atlasHindcast(speeds), signal);
  }
}
