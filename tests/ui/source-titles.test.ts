/**
 * Sources in Chinese captions and the brief: the publication's Chinese name, not an English fragment of
 * the note (issue 13: "English source text inside Chinese captions").
 */
import { describe, expect, it } from 'vitest';
import { shortSource } from '../../src/ui/charts/source';

const zh = (note: string) => shortSource(note, 'zh');

describe('source titles in Chinese', () => {
  it('names bulletins, yearbooks and census tables by their Chinese titles', () => {
    expect(
      zh(
        'Statistical Communique of Changzhou on the 2016 Local Economic and Social Development-XI (mirror): http://baajob.com/x',
      ),
    ).toBe('常州市2016年国民经济和社会发展统计公报');
    expect(
      zh('shared/data/README.md §2a: Jiangsu Statistical Yearbook 2019, table 3-6: http://tj.jiangsu.gov.cn/x'),
    ).toBe('《江苏统计年鉴2019》表3-6');
    expect(zh('Aggregator page quoting the 2022 Liaoyuan communiqué (also …): http://x.com/y')).toBe(
      '辽源市2022年统计公报（转载网页）',
    );
    expect(zh('2020 census (7th census yearbook) county-level tables as compiled in github.com/leiii/census')).toBe(
      '第七次全国人口普查年鉴分县资料',
    );
  });
  it('keeps a Chinese title as a title, says when a figure is derived, and names a bare address as a web page', () => {
    expect(zh('南都 (赵安然、李鑫), 《广州去年户籍人口增加29.82万人》, 2019-02, on the release')).toBe(
      '《广州去年户籍人口增加29.82万人》',
    );
    expect(zh('思而思学网, 辽源人口总数 (aggregator quoting the 2019 communiqué): http://x')).toBe(
      '思而思学网《辽源人口总数》（转载网页）',
    );
    expect(zh('derived: 57.4% at the end of 2016 minus 4.8 points')).toBe('由公布数据推算（推算过程见数据表）');
    expect(zh('2015 year-end urban residents 13,432,700 = 15,949,500 × 84.22% (revised series)')).toBe(
      '由公布数据推算（推算过程见数据表）',
    );
    expect(zh('shared/data/README.md §1a: https://yzcslt.com/n/a30475.html — confidence: verified')).toBe(
      '网页（yzcslt.com）',
    );
  });
  it('leaves the English short form in English', () => {
    expect(
      shortSource('Statistical Communique of Changzhou on the 2016 Local Economic and Social Development'),
    ).toMatch(/^Statistical Communique of Changzhou/);
  });
});
