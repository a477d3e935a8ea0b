/**
 * `npm run city`'s words for what other parts of the program say in English: the base-year
 * decomposition's warnings and the check of the city part with its package, given in Chinese too.
 */
import { bi } from '../scenario/import-city-text';
import type { Issue } from '../scenario/issues';

/** The decomposition's stocks (src/model/decomposition.ts) in Chinese. */
const STOCKS: Record<string, string> = {
  'registered people living away (H + N − R)': '人户分离在外的户籍人口（H + N − R）',
  'residents registered elsewhere (R − H + AW)': '外来常住人口（R − H + AW）',
  'urban-registered residents (HU − AWU)': '城镇户籍常住人口（HU − AWU）',
  'rural-registered urban residents (U − N + RN − UH)': '本地乡村户籍的城镇常住人口（U − N + RN − UH）',
  'rural residents registered here (R − U − RN)': '本地户籍的乡村常住人口（R − U − RN）',
};

/** A base-year decomposition warning as a `警告/warning:` line in both languages. */
export function decompositionWarning(w: string): string {
  const m = /^(.*) came out negative \((-?\d+)\); set to 0$/.exec(w);
  const zh = m
    ? `${STOCKS[m[1]] ?? m[1]}算出为负（${Number(m[2]).toLocaleString('en-US')}），已设为 0：公布的总量不能同时成立`
    : '基年分解的提示';
  return `警告/warning: ${bi(`基年分解：${zh}`, `base-year decomposition: ${w}`)}`;
}

/** An issue of the check (the city part with the package, as the scenario format validates them). */
export const checkIssue = (i: Issue, where: string): Issue => ({
  path: `${where}#${i.path}`,
  message: bi('城市部分与政策包组合后未通过检查', 'fails the check with the package') + `: ${i.message}`,
});
