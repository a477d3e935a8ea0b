/**
 * The user's scenario as the interface keeps it: a starting point (a bundled preset or an imported
 * scenario) and the lever edits made since, as JSON Pointer → value. Small, plain and serialisable:
 * it is what goes into the URL hash, the autosave and the library.
 *
 * In the URL it is JSON, deflated and base64url-encoded, so that an imported scenario (a few tens of
 * kB of JSON) still fits in a link.
 */
import type { Override } from '../scenario/load';

export type EditValue = number | boolean;

export type DocSource =
  | { readonly kind: 'preset'; readonly id: string }
  | { readonly kind: 'custom'; readonly raw: unknown; readonly fileName?: string };

export interface ScenarioDoc {
  readonly source: DocSource;
  /** Lever edits, JSON Pointer → value, applied over the source in insertion order. */
  readonly edits: Readonly<Record<string, EditValue>>;
}

/** The overrides a run applies for a document's edits. */
export const overridesOf = (doc: ScenarioDoc): Override[] =>
  Object.entries(doc.edits).map(([pointer, value]) => ({ pointer, value }));

export const presetDoc = (id: string): ScenarioDoc => ({ source: { kind: 'preset', id }, edits: {} });

/** A document with one lever set; setting a lever back to its source value removes the edit. */
export function withEdit(doc: ScenarioDoc, pointer: string, value: EditValue, sourceValue?: EditValue): ScenarioDoc {
  const edits = { ...doc.edits };
  if (sourceValue !== undefined && value === sourceValue) delete edits[pointer];
  else edits[pointer] = value;
  return { ...doc, edits };
}

/** Why a document read from a link or storage was refused. */
export class DocFormatError extends Error {}

/** Checks the shape of something that claims to be a {@link ScenarioDoc} (from a link, storage or a file). */
export function asDoc(x: unknown): ScenarioDoc {
  if (!x || typeof x !== 'object') throw new DocFormatError('not an object');
  const { source, edits } = x as Record<string, unknown>;
  if (!source || typeof source !== 'object') throw new DocFormatError('source: missing');
  const src = source as Record<string, unknown>;
  let checked: DocSource;
  if (src.kind === 'preset' && typeof src.id === 'string' && /^[a-z0-9-]+$/.test(src.id))
    checked = { kind: 'preset', id: src.id };
  else if (src.kind === 'custom' && src.raw && typeof src.raw === 'object')
    checked = {
      kind: 'custom',
      raw: src.raw,
      ...(typeof src.fileName === 'string' ? { fileName: src.fileName } : {}),
    };
  else throw new DocFormatError('source: must be a preset id or an imported scenario');
  if (!edits || typeof edits !== 'object' || Array.isArray(edits)) throw new DocFormatError('edits: must be an object');
  const out: Record<string, EditValue> = {};
  for (const [k, v] of Object.entries(edits)) {
    if (!k.startsWith('/')) throw new DocFormatError(`edits: "${k}" is not a JSON Pointer`);
    if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else throw new DocFormatError(`edits${k}: must be a finite number or true/false`);
  }
  return { source: checked, edits: out };
}

const toBase64Url = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

/**
 * The largest scenario a link may unpack to: the size limit of a scenario file (MAX_FILE_BYTES of
 * src/scenario/schema.ts, 5 MB, repeated here so that the page's main bundle need not carry the schema).
 */
export const MAX_LINK_BYTES = 5 * 1024 * 1024;

/**
 * Bytes through a (de)compression stream, at most `limit` of them out: a crafted link must not inflate
 * into gigabytes (one of 543 kB once became 400 MB).
 */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new DocFormatError(
        `the link unpacks to more than ${Math.round(limit / 1048576)} MB; no scenario is that large`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The text of a document for a URL: deflated JSON in base64url. */
export async function encodeDoc(doc: ScenarioDoc): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** Reads {@link encodeDoc}'s text back; a damaged or foreign text throws a {@link DocFormatError}. */
export async function decodeDoc(text: string): Promise<ScenarioDoc> {
  let json: string;
  try {
    json = new TextDecoder().decode(
      await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'), MAX_LINK_BYTES),
    );
  } catch (e) {
    if (e instanceof DocFormatError) throw e;
    throw new DocFormatError('the link is damaged (it cannot be decoded)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new DocFormatError('the link is damaged (not JSON)');
  }
  return asDoc(parsed);
}
