/** The Tasks screen names what each task governs: levers as links, other parts and targets by name. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import { Tasks } from '../../src/ui/Tasks';

describe('Tasks', () => {
  const reply = replyTo(DEFAULT_SCENARIO, nodeDataLoader());
  if (!reply.ok) throw new Error('default scenario must run');
  const render = (lang: 'zh' | 'en') =>
    renderToStaticMarkup(
      createElement(Tasks, {
        table: reply.view.tasks,
        levers: reply.view.levers,
        targets: reply.result.targets,
        parts: reply.view.parts,
        lang,
        focus: () => {},
      }),
    );

  it('lists every task of document 000 with its lead bureau', () => {
    const html = render('zh');
    const table = reply.view.tasks!;
    expect(table.tasks.length).toBeGreaterThan(5);
    for (const task of table.tasks) expect(html).toContain(`data-task="${task.no}"`);
    expect(html).toContain('市公安局');
  });

  it('never shows a bare JSON pointer: levers are links, targets and channels are named', () => {
    const html = render('zh');
    expect(html).not.toMatch(/>\/(policy|fiscal|targets|willingness)\//);
    expect(html).toContain(`目标：${reply.result.targets[0].label}`);
    expect(html).toContain(reply.view.parts['/policy/zones/core/channels/1'].label);
    expect(html).toMatch(/<button type="button" class="link">[^<]+<\/button>/);
  });

  it('names the parts in English when asked', () => {
    const html = render('en');
    expect(html).toContain(reply.view.parts['/policy/zones/core/channels/1'].labelEn);
    expect(html).toContain('Target: ');
  });

  it('names every part document 001 points at, on its preset', () => {
    const raw = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenarios/doc001-package.json'), 'utf8'));
    const r = replyTo(raw, nodeDataLoader());
    if (!r.ok) throw new Error('doc001 preset must run');
    expect(r.view.tasks?.file).toBe('data/tasks/doc001.json');
    const html = renderToStaticMarkup(
      createElement(Tasks, {
        table: r.view.tasks,
        levers: r.view.levers,
        targets: r.result.targets,
        parts: r.view.parts,
        lang: 'zh',
        focus: () => {},
      }),
    );
    expect(html).not.toMatch(/>\/(policy|fiscal|targets|willingness|hukouDefinition)/);
  });
});
