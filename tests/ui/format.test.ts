import { describe, expect, it } from 'vitest';
import { metricValue, percent, placeName, points, tenThousands, unitIn } from '../../src/ui/format';

describe('number formats', () => {
  it('shows rates as % with one decimal', () => {
    expect(percent(3291000 / 4701400)).toBe('70.0%');
    expect(percent(0.72)).toBe('72.0%');
    expect(percent(null)).toBe('—');
    expect(percent(NaN)).toBe('—');
  });

  it('shows gaps in 个百分点 without a negative zero', () => {
    expect(points(11.66)).toBe('11.7 个百分点');
    expect(points(-0.01)).toBe('0.0 个百分点');
    expect(points(-1.25)).toBe('-1.3 个百分点');
  });

  it('shows people in 万人', () => {
    expect(tenThousands(4701400)).toBe('470.1 万人');
    expect(tenThousands(45_912, 2)).toBe('4.59 万人');
    expect(tenThousands(undefined)).toBe('—');
  });

  it('formats a target value in its metric unit', () => {
    expect(metricValue('residentUrbanRate', 0.736)).toBe('73.6%');
    expect(metricValue('gapPoints', 5)).toBe('5.0 个百分点');
    expect(metricValue('settlersCumulative', 250_000)).toBe('25.0 万人');
  });
});

describe('words of the headings and the lever units', () => {
  it('names the place once (the nation read “全国全国”)', () => {
    expect(placeName('常州市', '江苏省')).toBe('江苏省常州市');
    expect(placeName('全国', '全国')).toBe('全国');
    expect(placeName('广州市')).toBe('广州市');
  });
  it('gives lever units in English on the English page (it kept 年 and 岁), as they are in Chinese', () => {
    expect(unitIn('年', 'en')).toBe('years');
    expect(unitIn('岁', 'en')).toBe('years of age');
    expect(unitIn('比例/年', 'en')).toBe('share a year');
    expect(unitIn('年', 'zh')).toBe('年');
    expect(unitIn('%', 'en')).toBe('%');
  });
});
