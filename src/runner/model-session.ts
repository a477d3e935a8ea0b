/**
 * Send once, run many: the protocol between the page and its model worker. A scenario (the raw JSON of a
 * document) crosses to the worker once, under a key; each lever move then sends the key and the edits only.
 * The worker answers with what changes with the edits: the result's numbers and the pyramid (two buffers it
 * hands over without copying) and the levers' values. What depends on the scenario alone crosses once per
 * key and the page keeps it: the view's sources, tasks, lever labels and ranges, observations (about
 * 120 KB for 常州) and the result's shape, its names and structure (packed.ts). Pure: the worker
 * ({@link ModelSession}) and the page ({@link ViewAssembler}) are tested in Node.
 */
import { ValidationError, type Issue } from '../scenario/issues';
import { applyChecked } from '../scenario/apply-checked';
import { loadScenario, type Override } from '../scenario/load';
import { getAt } from '../scenario/pointer';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import { runResolved, runScenario, type RunOutcome } from '../scenario/run';
import type { Scenario } from '../scenario/schema';
import { pack, unpack, type Shape } from './packed';
import { sourceValuesOf, type ModelReply, type ScenarioMeta } from './reply';
import { buildViewData, type ViewData } from './view-data';

/** What depends on the scenario alone. */
export type FixedView = Omit<ViewData, 'pyramid'> & { readonly meta: ScenarioMeta };

export interface WireRequest {
  /** The scenario's key: the same raw JSON keeps its key. */
  readonly key: number;
  /** The raw JSON, sent when the worker has not seen this key (absent otherwise). */
  readonly raw?: unknown;
  readonly overrides: readonly Override[];
}

export type WireReply =
  | { readonly ok: false; readonly issues: readonly Issue[] }
  | {
      readonly ok: true;
      /** The result's numbers, in the order of its shape. */
      readonly numbers: Float64Array;
      /** The result's shape, sent when it is not the one sent last for this key. */
      readonly shape?: Shape;
      readonly pyramid: Float64Array;
      /** The levers' values in this run, in the order of `fixed.levers`. */
      readonly leverValues: readonly number[];
      /** Sent with the first answer for a key in this worker's life. */
      readonly fixed?: FixedView;
    }
  /** The worker does not hold this key (it was restarted, or the key is new): send the raw JSON. */
  | { readonly ok: false; readonly needRaw: true };

const valueOf = (v: unknown): number => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as number));

/** The worker's side: the scenario of the last key, its fixed view, and whether that has been sent. */
export class ModelSession {
  private key = -1;
  private raw: unknown = undefined;
  private fixed: FixedView | null = null;
  private shapeSent: string | null = null;
  /** The key's scenario validated without edits (null: it is not valid alone), tried on first use. */
  private base: Scenario | null | undefined = undefined;

  constructor(private readonly load: DataLoader) {}

  /**
   * A run with the user's edits: on the key's validated scenario, the edits checked part by part (a lever
   * move no longer merges, parses and resolves the whole document); the full way where that cannot be done.
   */
  private outcomeOf(overrides: readonly Override[]): RunOutcome {
    if (this.base === undefined) {
      try {
        this.base = loadScenario(this.raw, this.load);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        this.base = null;
      }
    }
    const set = this.base && (overrides.length ? applyChecked(this.base, overrides) : this.base);
    return set ? runResolved(set) : runScenario(this.raw, this.load, overrides);
  }

  run(req: WireRequest): WireReply {
    if (req.raw !== undefined) {
      if (req.key !== this.key || req.raw !== this.raw)
        [this.fixed, this.shapeSent, this.base] = [null, null, undefined];
      this.key = req.key;
      this.raw = req.raw;
    } else if (req.key !== this.key) return { ok: false, needRaw: true };
    try {
      const outcome = this.outcomeOf(req.overrides);
      let fixed: FixedView | undefined;
      if (!this.fixed) {
        const { pyramid: _, ...rest } = buildViewData(
          outcome,
          this.load,
          sourceValuesOf(this.raw, this.load, req.overrides),
        );
        this.fixed = fixed = { ...rest, meta: outcome.scenario.meta };
      }
      const leverValues = this.fixed.levers.map((l) => valueOf(getAt(outcome.scenario, l.pointer)));
      const { shape, numbers } = pack(outcome.result);
      const shapeText = JSON.stringify(shape);
      const newShape = shapeText !== this.shapeSent;
      this.shapeSent = shapeText;
      return {
        ok: true,
        numbers,
        ...(newShape ? { shape } : {}),
        pyramid: outcome.output.pyramid,
        leverValues,
        ...(fixed ? { fixed } : {}),
      };
    } catch (e) {
      if (e instanceof ValidationError) return { ok: false, issues: e.issues.map((i) => ({ ...i })) };
      throw e;
    }
  }
}

/** The page's side: the fixed view of each key this worker has sent, put together with each answer. */
export class ViewAssembler {
  private fixed = new Map<number, FixedView>();
  private shape: Shape | null = null;

  /** A new worker knows no key: forget what the old one sent. */
  reset(): void {
    this.fixed.clear();
    this.shape = null;
  }

  /** The full reply, or null when the fixed view of this key is missing (the caller resends the raw JSON). */
  assemble(key: number, reply: Exclude<WireReply, { needRaw: true }>): ModelReply | null {
    if (!reply.ok) return { ok: false, issues: reply.issues };
    if (reply.fixed) {
      // Only the latest scenario is worth keeping: a document switch sends its raw JSON anyway.
      this.fixed.clear();
      this.fixed.set(key, reply.fixed);
      this.shape = null;
    }
    if (reply.shape) this.shape = reply.shape;
    const fixed = this.fixed.get(key);
    if (!fixed || !this.shape) return null;
    const { meta, ...view } = fixed;
    const levers = view.levers.map((l, i) => ({ ...l, value: reply.leverValues[i] }));
    const result = unpack<ProjectionResult>({ shape: this.shape, numbers: reply.numbers });
    return { ok: true, result, meta, view: { ...view, levers, pyramid: reply.pyramid } };
  }
}
