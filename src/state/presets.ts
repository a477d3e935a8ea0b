/**
 * The bundled presets as the main thread knows them: each file's own JSON (a few lines that include a
 * city part and a policy package; the worker merges and resolves the parts).
 */
export interface PresetInfo {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly raw: unknown;
}

const FILES: Readonly<Record<string, unknown>> = import.meta.glob(['/scenarios/*.json', '!/scenarios/*.schema.json'], {
  eager: true,
  import: 'default',
});

/** The preset the app opens with (document 000, Changzhou). */
export const DEFAULT_PRESET = 'changzhou-2016';

export const PRESETS: readonly PresetInfo[] = Object.entries(FILES)
  .map(([path, raw]) => {
    const r = raw as { name?: string; nameEn?: string };
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    return { id, name: r.name ?? id, nameEn: r.nameEn ?? r.name ?? id, raw };
  })
  .sort((a, b) => (a.id === DEFAULT_PRESET ? -1 : b.id === DEFAULT_PRESET ? 1 : a.id.localeCompare(b.id)));

export const presetById = (id: string): PresetInfo | undefined => PRESETS.find((p) => p.id === id);
