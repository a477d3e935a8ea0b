/**
 * A payer share set on its own (a lever, `--set`) takes its part from the component's other payers in
 * proportion to their shares, so that the shares still add up to 1: a finance user moves the municipal
 * share from 60 % to 80 % and the others give up the 20 points between them.
 */
import { getAt, setAt } from './pointer';

const PAYER_SHARE = /^\/fiscal\/components\/(\d+)\/payers\/([a-z]+)$/;

export function rebalancePayerShares(doc: unknown, pointers: readonly string[]): unknown {
  const fixedBy = new Map<string, Set<string>>();
  for (const p of pointers) {
    const m = PAYER_SHARE.exec(p);
    if (!m) continue;
    const at = `/fiscal/components/${m[1]}/payers`;
    fixedBy.set(at, (fixedBy.get(at) ?? new Set()).add(m[2]));
  }
  let out = doc;
  for (const [at, fixed] of fixedBy) {
    const shares = getAt(out, at) as Record<string, unknown> | undefined;
    if (!shares || typeof shares !== 'object') continue;
    const num = (k: string) => (typeof shares[k] === 'number' ? (shares[k] as number) : NaN);
    const keys = Object.keys(shares);
    const fixedSum = keys.filter((k) => fixed.has(k)).reduce((t, k) => t + num(k), 0);
    const others = keys.filter((k) => !fixed.has(k));
    const otherSum = others.reduce((t, k) => t + num(k), 0);
    // Nothing to take from (or the fixed shares alone exceed 1): leave it to the schema to say so.
    if (!(fixedSum <= 1) || !(otherSum > 0)) continue;
    const scale = (1 - fixedSum) / otherSum;
    const next = { ...shares };
    for (const k of others) next[k] = num(k) * scale;
    out = setAt(out, at, next);
  }
  return out;
}
