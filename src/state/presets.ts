/**
 * The bundled presets as the main thread knows them: each file's own JSON (a few lines that include a
 * city part and a policy package; the worker merges and resolves the parts).
 */
export interface PresetInfo {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** "current": from the 2020 census under the rules in force; "document": a past document replayed. */
  readonly kind: 'current' | 'document';
  readonly raw: unknown;
}

const FILES: Readonly<Record<string, unknown>> = import.meta.glob(['/scenarios/*.json', '!/scenarios/*.schema.json'], {
  eager: true,
  import: 'default',
});

/** The preset the app opens with: today's question for 常州 (its document 000 replay is changzhou-2016). */
export const DEFAULT_PRESET = 'changzhou-now';

export const PRESETS: readonly PresetInfo[] = Object.entries(FILES)
  .map(([path, raw]) => {
    const r = raw as { name?: string; nameEn?: string; meta?: { kind?: string } };
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const kind = r.meta?.kind === 'current' ? ('current' as const) : ('document' as const);
    return { id, name: r.name ?? id, nameEn: r.nameEn ?? r.name ?? id, kind, raw };
  })
  // Today's presets first, the default leading; then the documents.
  .sort(
    (a, b) =>
      Number(b.kind === 'current') - Number(a.kind === 'current') ||
      Number(b.id === DEFAULT_PRESET) - Number(a.id === DEFAULT_PRESET) ||
      a.id.localeCompare(b.id),
  );

export const presetById = (id: string): PresetInfo | undefined => PRESETS.find((p) => p.id === id);
