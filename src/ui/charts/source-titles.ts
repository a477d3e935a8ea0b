/**
 * Chinese titles for the sources the Chinese captions and the brief name. The scenarios record their
 * sources in English notes (publication, table, address, how a figure was derived); a Chinese reader should
 * read the publication's Chinese name, not an English fragment. Each rule recognises one publication (or a
 * kind of source) in the note and names it as it is published; a source already in Chinese keeps its own
 * title. Nothing here adds a fact: the rules only rename what the note says.
 */
const CITIES: Record<string, string> = {
  Changzhou: '常州市',
  Guangzhou: '广州市',
  Liaoyuan: '辽源市',
  Jinzhou: '锦州市',
  Meizhou: '梅州市',
  Jilin: '吉林省',
  Liaoning: '辽宁省',
  Jiangsu: '江苏省',
};
const place = (en: string) => CITIES[en] ?? en;

type Rule = readonly [RegExp, (m: RegExpMatchArray) => string];

const RULES: readonly Rule[] = [
  [/Statistical Communique of (\w+) on the (\d{4})/, (m) => `${place(m[1])}${m[2]}年国民经济和社会发展统计公报`],
  [
    /(?:Aggregator|MAIGOO) (?:page|article)(?: \([^)]*\))? (?:on|quoting) the (\d{4}) (\w+) (?:statistical )?communiqu/,
    (m) => `${place(m[2])}${m[1]}年统计公报（转载网页）`,
  ],
  [
    /Aggregator page(?: \([^)]*\))? quoting the (\d{4}) (\w+) figures/,
    (m) => `${place(m[2])}${m[1]}年统计数据（转载网页）`,
  ],
  [
    /Guangzhou population table (\d{4})-(\d{4})/,
    (m) => `广州市人口统计表${m[1]}–${m[2]}年（转载网页，户籍数据源自公安部门年报）`,
  ],
  [/2020 census \(7th census yearbook\)/, () => '第七次全国人口普查年鉴分县资料'],
  [/(\d{4}) census county-level tables/, (m) => `${m[1]}年人口普查分县资料`],
  [/Jiangsu (?:Statistical Yearbook|YB) (\d{4}), table ([\d-]+)/, (m) => `《江苏统计年鉴${m[1]}》表${m[2]}`],
  [/Nantong statistics article on (\d{4}) population/, (m) => `南通市统计部门${m[1]}年人口统计文章（转载）`],
  [/Changzhou's resident population hits/, () => '常州市政府英文网站报道（常住人口）'],
  [
    /NDRC Xu Xianping, SCIO press conference (\d{4}-\d\d-\d\d)/,
    (m) => `国家发展改革委国新办新闻发布会（徐宪平，${m[1]}）`,
  ],
  [
    /NBS at the State Council Information Office press conference on (\d{4})/,
    (m) => `国家统计局国新办新闻发布会（${m[1]}年数据）`,
  ],
  [/(\d{4}) NBS communiqué/, (m) => `国家统计局${m[1]}年统计公报（中新社转载）`],
  [/Guangxi DRC article/, () => '广西壮族自治区发展改革委文章'],
  [
    /公安部 data on 十三五 hukou reform \((\d{4})-(\d\d)\)/,
    (m) => `公安部“十三五”户籍制度改革数据（${m[1]}年${+m[2]}月，转载）`,
  ],
  [/国家发改委 press conference (\d{4}-\d\d-\d\d) \(([^)]+)\)/, (m) => `国家发展改革委新闻发布会（${m[2]}，${m[1]}）`],
  [/新华社图表 (\d{4}-\d\d-\d\d): 公安部/, (m) => `新华社图表（${m[1]}，公安部国新办新闻发布会）`],
  [/广州统计年鉴 (\d{4}), (表[\d-]+)/, (m) => `《广州统计年鉴${m[1]}》${m[2]}`],
  [/census communiqu/, () => '全国人口普查公报'],
];

const CJK = /[\u4e00-\u9fff]/;

/**
 * A note that opens with a Chinese headline and goes on in English: the headline as a title, the site that
 * carries it before it where the note names one (“思而思学网, 辽源人口总数”), a date or a reprint after it.
 */
function chineseHead(t: string): string {
  const head = t.split(/ \(|: https?:|;\s/)[0].trim();
  const [site, title] = /^([^,，]+网), (.+)$/.exec(head)?.slice(1) ?? [null, head];
  const date = /^[^(]* \((\d{4}-\d\d-\d\d)\)/.exec(t)?.[1];
  const reprint = /aggregator/i.test(t) ? '（转载网页）' : '';
  return `${site ?? ''}《${title}》${date ? `（${date}）` : ''}${reprint}`;
}

/**
 * The Chinese title of a source note, or null where none can be read from it (the caller keeps its own
 * short form). `short` is that short form, used when the note is already Chinese.
 */
export function chineseTitle(note: string, short: string): string | null {
  const t = note.replace(/^shared\/data\/README\.md §[\w.]+:\s*/, '').trim();
  // A figure worked out from published ones: say so; the working is in the data table and the file.
  if (
    /^derived:/i.test(t) ||
    /^\d[\d.]*\s*(?:−|-|minus)\s*\d/.test(t) ||
    /^\d{4} value /.test(t) ||
    /\d[\d,]* = [\d,.]+ ×/.test(t)
  )
    return '由公布数据推算（推算过程见数据表）';
  for (const [re, name] of RULES) {
    const m = t.match(re);
    if (m) return name(m);
  }
  const quoted = /《([^》]+)》/.exec(t);
  if (quoted) return `《${quoted[1]}》`;
  if (CJK.test(short.slice(0, 8))) return chineseHead(t);
  const site = /https?:\/\/([^/\s]+)/.exec(t);
  if (site) return `网页（${site[1]}）`;
  return null;
}
