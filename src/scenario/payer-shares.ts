/**
 * A payer share set on its own (a lever, `--set`) takes its part from the component's other payers in
 * proportion to their shares, so that the shares still add up to 1: a finance user moves the municipal
 * share from 60 % to 80 % and the others give up the 20 points between them. Applied after each such
 * override in turn, so the latest one holds and earlier ones give way in proportion with the rest.
 */
import { getAt, setAt } from './pointer';

const PAYER_SHARE = /^(\/fiscal\/components\/\d+\/payers)\/([a-z]+)$/;

export function rebalancePayerShares(doc: unknown, pointer: string): unknown {
  const m = PAYER_SHARE.exec(pointer);
  if (!m) return doc;
  const shares = getAt(doc, m[1]) as Record<string, unknown> | undefined;
  if (!shares || typeof shares !== 'object') return doc;
  const num = (k: string) => (typeof shares[k] === 'number' ? (shares[k] as number) : NaN);
  const fixed = num(m[2]);
  const others = Object.keys(shares).filter((k) => k !== m[2]);
  const otherSum = others.reduce((t, k) => t + num(k), 0);
  // Nothing to take from (or the share alone exceeds 1): leave it to the schema to say so.
  if (!(fixed >= 0 && fixed <= 1) || !(otherSum > 0)) return doc;
  const scale = (1 - fixed) / otherSum;
  const next = { ...shares };
  for (const k of others) next[k] = num(k) * scale;
  return setAt(doc, m[1], next);
}
