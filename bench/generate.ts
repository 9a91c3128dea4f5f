// Deterministic synthetic content root for the scale benchmark (`npm run bench`): N entries that
// follow the content contract, in administrative Vietnamese built from the word lists of
// vocabulary.ts. The same (entries, seed, build date) always writes the same files.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { serializeEntry, type EntryDraft } from '../src/content/write-entry.ts';
import { addDays } from '../src/content/dates.ts';
import { fold } from '../src/search/fold.ts';
import { slugify } from '../src/content/slug.ts';
import type { Level } from '../src/schema/index.ts';
import {
  ACTORS, ADJUNCTS, BUSINESS_KINDS, BUSINESS_TRADES, COMMUNES, CONNECTORS, DOCUMENT_KINDS, FIELDS, HEADINGS, MODALS, NAME_SYLLABLES,
  PROVINCES, QUESTION_TEMPLATES, SYNONYMS, VILLAGE_WORDS, type FieldSpec,
} from './vocabulary.ts';

/** Bump when the output changes, so reused roots of an older generator are rewritten. */
export const GENERATOR_VERSION = 2;
export const MANIFEST = '.bench-root.json';
/** Build date the generated dates are valid against (pass it as HOIDAP_BUILD_DATE). */
export const DEFAULT_BUILD_DATE = '2026-12-01';
const FIRST_DATE = '2025-07-01';

export interface GenerateOptions {
  entries: number;
  seed: number;
  buildDate?: string;
}

export interface GenerateSummary {
  generator: number;
  entries: number;
  seed: number;
  buildDate: string;
  published: number;
  drafts: number;
  superseded: number;
  mdx: number;
  withAliases: number;
  fields: number;
  units: number;
  documents: number;
  /** Words in entry bodies. */
  bodyWords: { min: number; median: number; p95: number; max: number; mean: number };
  /** Total bytes of the entry files. */
  entryBytes: number;
  /** A published entry (id and file relative to the root), used by the page-weight and rebuild checks. */
  sample: { id: string; file: string };
}

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Up to n distinct items (order of first draw). */
  some<T>(list: readonly T[], n: number): T[] {
    const out = new Set<T>();
    for (let tries = 0; out.size < Math.min(n, list.length) && tries < n * 8; tries++) out.add(this.pick(list));
    return [...out];
  }
  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  weighted<T extends { weight: number }>(list: readonly T[]): T {
    const total = list.reduce((s, x) => s + x.weight, 0);
    let r = this.next() * total;
    for (const x of list) {
      r -= x.weight;
      if (r < 0) return x;
    }
    return list[list.length - 1];
  }
}

// ---------------------------------------------------------------- units and documents

interface UnitSpec {
  id: string;
  name: string;
  level: Level;
  parent?: string;
  email?: string;
  phone?: string;
}

function buildUnits(): UnitSpec[] {
  const units: UnitSpec[] = [{ id: 'bo-cong-thuong', name: 'Bộ Công Thương', level: 'ministry', email: 'bct@moit.gov.vn', phone: '024 2220 2222' }];
  const seen = new Set(units.map((u) => u.id));
  for (const f of FIELDS) {
    if (seen.has(f.department.id)) continue;
    seen.add(f.department.id);
    units.push({ id: f.department.id, name: f.department.name, level: 'ministry', parent: 'bo-cong-thuong', email: f.department.email });
  }
  PROVINCES.forEach((p, i) => {
    units.push({
      id: `so-cong-thuong-${p.id}`,
      name: `Sở Công Thương ${p.name}`,
      level: 'province',
      parent: 'bo-cong-thuong',
      email: `socongthuong@${p.domain}.gov.vn`,
      phone: `${p.phone} ${380 + i * 7} ${String(1000 + i * 37).slice(-3)}`,
    });
  });
  for (const c of COMMUNES) {
    const p = PROVINCES[c.province];
    units.push({
      id: `ubnd-${c.kind === 'xã' ? 'xa' : 'phuong'}-${c.id}`,
      name: `UBND ${c.kind} ${c.name}, ${p.name}`,
      level: 'commune',
      parent: `so-cong-thuong-${p.id}`,
      email: `ubnd${c.id.replace(/-/g, '')}@${p.domain}.gov.vn`,
    });
  }
  return units;
}

interface DocSpec {
  id: string;
  number: string;
  title: string;
  issued: string;
  effective?: string;
  status: 'in_force' | 'amended' | 'replaced' | 'expired';
  changed?: string;
  replaced_by?: string;
  url?: string;
}

/** Status changes of some documents, so some entries need review because their legal basis changed. */
const DOCUMENT_CHANGES: Record<string, Pick<DocSpec, 'status' | 'changed' | 'replaced_by'>> = {
  'nd-113-2017': { status: 'replaced', changed: '2026-01-16', replaced_by: 'nd-26-2026' },
  'nd-52-2013': { status: 'replaced', changed: '2026-07-01', replaced_by: 'luat-tmdt-2025' },
  'nd-67-2013': { status: 'amended', changed: '2026-03-01' },
  'nd-83-2014': { status: 'amended', changed: '2023-11-17' },
  'nd-71-2019': { status: 'expired', changed: '2026-10-01' },
};

function buildDocuments(): DocSpec[] {
  const docs = new Map<string, DocSpec>();
  for (const f of FIELDS) {
    for (const d of f.documents) {
      if (docs.has(d.id)) continue;
      docs.set(d.id, {
        ...d,
        effective: addDays(d.issued, 45),
        url: `https://vanban.chinhphu.vn/?pageid=27160&docid=${100000 + docs.size * 811}`,
        ...(DOCUMENT_CHANGES[d.id] ?? { status: 'in_force' }),
      });
    }
  }
  return [...docs.values()];
}

// ---------------------------------------------------------------- text

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

class Writer {
  private readonly rng: Rng;
  private readonly field: FieldSpec;
  constructor(rng: Rng, field: FieldSpec) {
    this.rng = rng;
    this.field = field;
  }

  actor(): string {
    const r = this.rng.next();
    const group = r < 0.45 ? ACTORS.commune : r < 0.75 ? ACTORS.province : r < 0.85 ? ACTORS.ministry : ACTORS.other;
    return this.rng.pick(group);
  }
  name(): string {
    return `${this.rng.pick(NAME_SYLLABLES)} ${this.rng.pick(NAME_SYLLABLES)}`;
  }
  place(): string {
    const c = this.rng.pick(COMMUNES);
    return `${this.rng.pick(VILLAGE_WORDS)} ${this.name()}, ${c.kind} ${c.name}, tỉnh ${PROVINCES[c.province].name}`;
  }
  business(): string {
    return `${this.rng.pick(BUSINESS_KINDS)} ${this.rng.pick(BUSINESS_TRADES)} ${this.name()}`;
  }
  docRef(): string {
    if (this.rng.chance(0.6)) {
      const d = this.rng.pick(this.field.documents);
      return d.number.startsWith('Luật') || d.number.startsWith('Pháp lệnh') ? d.number.replace(/ số .*/, '') : `Nghị định ${d.number}`;
    }
    const kind = this.rng.pick(DOCUMENT_KINDS);
    const year = this.rng.int(2013, 2026);
    const suffix = kind === 'Thông tư' ? 'TT-BCT' : kind === 'Nghị định' ? 'NĐ-CP' : kind === 'Quyết định' ? 'QĐ-UBND' : 'NQ-HĐND';
    return `${kind} số ${this.rng.int(1, 350)}/${year}/${suffix}`;
  }
  money(): [string, string] {
    const lo = this.rng.pick([1, 2, 3, 5, 10, 15, 20, 30, 40, 50]);
    return [`${lo} triệu đồng`, `${lo * this.rng.pick([2, 3, 4])} triệu đồng`];
  }
  fill(template: string): string {
    const [money, money2] = this.money();
    return template
      .replace(/\{actor\}/g, () => this.actor())
      .replace(/\{doc\}/g, () => this.docRef())
      .replace(/\{n\}/g, () => String(this.rng.pick([3, 5, 7, 10, 15, 20, 30])))
      .replace(/\{day\}/g, () => `${this.rng.int(1, 28)}/${this.rng.int(1, 12)}`)
      .replace(/\{place\}/g, () => this.place())
      .replace(/\{money\}/g, money)
      .replace(/\{money2\}/g, money2);
  }
  clause(): string {
    const modal = this.fill(this.rng.pick(MODALS));
    const action = this.rng.pick(this.field.actions);
    const object = this.rng.pick(this.field.objects);
    const adjuncts = Array.from({ length: this.rng.int(0, 2) }, () => this.fill(this.rng.pick(ADJUNCTS)));
    return [this.actor(), modal, action, object, ...adjuncts].join(' ');
  }
  sentence(): string {
    const r = this.rng.next();
    let s: string;
    if (r < 0.15) s = `Trường hợp ${this.rng.pick(this.field.situations)}, ${this.clause()}`;
    else if (r < 0.25) s = `${this.business()} có trụ sở tại ${this.place()} ${this.rng.pick(['đã đề nghị', 'đã phản ánh việc', 'chưa thực hiện', 'được hướng dẫn'])} ${this.rng.pick(this.field.actions)} ${this.rng.pick(this.field.objects)}`;
    else if (r < 0.45) s = `${this.rng.pick(CONNECTORS)} ${this.clause()}`;
    else s = this.clause();
    return `${capitalize(s)}.`;
  }
  paragraph(target: number): string {
    const out: string[] = [];
    let n = 0;
    while (n < target) {
      const s = this.sentence();
      out.push(s);
      n += words(s);
    }
    return out.join(' ');
  }
  list(): string {
    const numbered = this.rng.chance(0.4);
    return Array.from({ length: this.rng.int(3, 6) }, (_, i) => {
      const item = this.rng.chance(0.5) ? `${capitalize(this.rng.pick(this.field.actions))} ${this.rng.pick(this.field.objects)}` : capitalize(this.clause());
      return `${numbered ? `${i + 1}.` : '-'} ${item}${this.rng.chance(0.3) ? ` (${this.fill('theo quy định tại {doc}')})` : ''}.`;
    }).join('\n');
  }
  /** Markdown body of about `target` words: paragraphs, some lists and ### headings. */
  body(target: number): string {
    const blocks: string[] = [];
    let n = 0;
    const headings = target > 200 && this.rng.chance(0.5) ? this.rng.some(HEADINGS, Math.ceil(target / 250)) : [];
    let nextHeading = 0;
    while (n < target) {
      if (nextHeading < headings.length && (blocks.length === 0 || this.rng.chance(0.35))) blocks.push(`### ${headings[nextHeading++]}`);
      const left = target - n;
      // Lists only where they fit, so a body overshoots its target by one sentence at most.
      const block = left > 150 && this.rng.chance(0.2) ? this.list() : this.paragraph(Math.min(left, this.rng.int(40, 110)));
      blocks.push(block);
      n += words(block);
    }
    return blocks.join('\n\n');
  }
  question(): string {
    for (let attempt = 0; ; attempt++) {
      const c = this.rng.pick(COMMUNES);
      const template = this.rng.pick(QUESTION_TEMPLATES);
      let q = template
        .replace('{Actor}', () => capitalize(this.actor()))
        .replace('{actor2}', () => this.actor())
        .replace('{actor}', () => this.actor())
        .replace('{action}', () => this.rng.pick(this.field.actions))
        .replace('{object}', () => this.rng.pick(this.field.objects))
        .replace('{situation}', () => this.rng.pick(this.field.situations))
        .replace('{level}', () => this.rng.pick(['cấp xã', 'cấp tỉnh', 'UBND xã', 'Sở Công Thương']))
        .replace('{commune}', `${c.name} (${PROVINCES[c.province].name})`)
        .replace('{business}', () => this.rng.pick(['hộ kinh doanh', 'hợp tác xã', 'doanh nghiệp nhỏ và vừa', 'cơ sở sản xuất nhỏ lẻ', 'thương nhân']));
      if (words(q) < 8) q = q.replace(/\?$/, ` trên địa bàn ${c.kind} ${c.name}?`);
      const n = words(q);
      if ((n >= 8 && n <= 25) || attempt > 20) return capitalize(q);
    }
  }
  summary(): string {
    let s = this.rng.pick(['Có.', 'Không.', 'Được.', '']) + ' ' + Array.from({ length: this.rng.int(1, 3) }, () => this.sentence()).join(' ');
    s = s.trim();
    if ([...s].length > 400) {
      s = [...s].slice(0, 396).join('');
      s = `${s.slice(0, s.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
    }
    return s;
  }
  aliases(question: string): string[] {
    const out = new Set<string>();
    const n = this.rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const r = this.rng.next();
      if (r < 0.35) out.add(fold(question).replace(/[?]/g, '').split(' ').slice(0, this.rng.int(4, 8)).join(' '));
      else if (r < 0.7) out.add(`${this.rng.pick(this.field.objects)} ${this.rng.pick(['hỏi ở đâu', 'xin ở đâu', 'ai cấp', 'làm thế nào', 'mất bao lâu'])}`);
      else out.add(this.rng.pick(this.field.situations));
    }
    return [...out];
  }
}

// ---------------------------------------------------------------- dates

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

// ---------------------------------------------------------------- the root

function writeYaml(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, YAML.stringify(data, { lineWidth: 0 }));
}

/** Reads the manifest of a generated root, or undefined. */
export function readManifest(root: string): GenerateSummary | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, MANIFEST), 'utf8')) as GenerateSummary;
  } catch {
    return undefined;
  }
}

/** True when `root` holds a complete root generated with these options by this generator version. */
export function isReusable(root: string, opts: GenerateOptions): boolean {
  const m = readManifest(root);
  return !!m && m.generator === GENERATOR_VERSION && m.entries === opts.entries && m.seed === opts.seed && m.buildDate === (opts.buildDate ?? DEFAULT_BUILD_DATE);
}

/** Writes a fresh content root into `root` (emptied first). */
export function generateContentRoot(root: string, opts: GenerateOptions): GenerateSummary {
  const buildDate = opts.buildDate ?? DEFAULT_BUILD_DATE;
  const n = opts.entries;
  if (!Number.isInteger(n) || n < 10) throw new Error(`--entries must be an integer of at least 10 (got ${n})`);
  const rng = new Rng(opts.seed);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });

  FIELDS.forEach((f, i) => {
    writeYaml(path.join(root, 'fields', `${f.id}.yaml`), {
      name: f.name,
      name_en: f.nameEn,
      description: f.description,
      order: i + 1,
      ...(f.reviewMonths ? { review_months: f.reviewMonths } : {}),
    });
  });
  const units = buildUnits();
  for (const { id, ...u } of units) writeYaml(path.join(root, 'units', `${id}.yaml`), u);
  const documents = buildDocuments();
  for (const { id, ...d } of documents) writeYaml(path.join(root, 'documents', `${id}.yaml`), d);
  fs.writeFileSync(path.join(root, 'synonyms.yaml'), `# Search synonyms of the synthetic benchmark root\n${SYNONYMS.map((g) => `- [${g.join(', ')}]`).join('\n')}\n`);

  // First pass: field, status and id of every entry, so references can name existing entries.
  const unitsByLevel = { ministry: units.filter((u) => u.level === 'ministry'), province: units.filter((u) => u.level === 'province'), commune: units.filter((u) => u.level === 'commune') };
  interface Plan {
    field: FieldSpec;
    status: 'published' | 'draft' | 'superseded';
    question: string;
    id: string;
    writer: Writer;
  }
  const plans: Plan[] = [];
  const slugCount = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const field = rng.weighted(FIELDS);
    const r = rng.next();
    const status = r < 0.01 ? 'draft' : r < 0.02 ? 'superseded' : 'published';
    const writer = new Writer(rng, field);
    const question = writer.question();
    const base = slugify(question, 60) || 'cau-hoi';
    const k = (slugCount.get(base) ?? 0) + 1;
    slugCount.set(base, k);
    plans.push({ field, status, question, id: k === 1 ? base : `${base}-${k}`, writer });
  }
  // A slug with a numeric suffix may equal another question's base slug: make ids unique.
  const ids = new Set<string>();
  for (const p of plans) {
    let id = p.id;
    for (let k = 2; ids.has(id); k++) id = `${p.id}-${k}`;
    p.id = id;
    ids.add(id);
  }
  const publishedIndexes = plans.flatMap((p, i) => (p.status === 'published' ? [i] : []));
  if (publishedIndexes.length === 0) throw new Error('no published entry generated');
  const publishedByField = new Map<string, number[]>();
  for (const i of publishedIndexes) publishedByField.set(plans[i].field.id, [...(publishedByField.get(plans[i].field.id) ?? []), i]);

  const bodyWords: number[] = [];
  const summary: GenerateSummary = {
    generator: GENERATOR_VERSION,
    entries: n,
    seed: opts.seed,
    buildDate,
    published: 0,
    drafts: 0,
    superseded: 0,
    mdx: 0,
    withAliases: 0,
    fields: FIELDS.length,
    units: units.length,
    documents: documents.length,
    bodyWords: { min: 0, median: 0, p95: 0, max: 0, mean: 0 },
    entryBytes: 0,
    sample: { id: '', file: '' },
  };
  const span = daysBetween(FIRST_DATE, buildDate);
  const width = String(n).length;

  plans.forEach((p, i) => {
    const w = p.writer;
    const f = p.field;
    // Owner: the field's ministry department, a provincial department or a commune.
    const r = rng.next();
    const owner = r < 0.3 ? f.department.id : r < 0.75 ? rng.pick(unitsByLevel.province).id : rng.pick(unitsByLevel.commune).id;
    const ownerLevel = units.find((u) => u.id === owner)!.level;
    const levels = new Set<Level>([ownerLevel]);
    if (rng.chance(0.7)) levels.add('commune');
    if (rng.chance(0.4)) levels.add('province');
    if (rng.chance(0.1)) levels.add('ministry');

    const answered = addDays(FIRST_DATE, Math.floor(rng.next() ** 0.7 * (span - 1)));
    const reviewed = addDays(answered, Math.floor(rng.next() ** 0.5 * daysBetween(answered, buildDate)));
    const asked = rng.chance(0.35) ? addDays(answered, -rng.int(0, 20)) : undefined;
    const c = rng.pick(COMMUNES);

    const legal = Array.from({ length: rng.chance(0.95) ? rng.int(1, 3) : 0 }, () => {
      if (rng.chance(0.6)) {
        const d = rng.pick(f.documents);
        return { ref: d.id, ...(rng.chance(0.7) ? { article: `Điều ${rng.int(1, 60)}${rng.chance(0.5) ? ` khoản ${rng.int(1, 9)}` : ''}` } : {}) };
      }
      return {
        document: w.docRef(),
        ...(rng.chance(0.5) ? { article: `Điều ${rng.int(1, 60)}` } : {}),
        ...(rng.chance(0.2) ? { url: `https://thuvienphapluat.vn/van-ban/${rng.int(100000, 999999)}.aspx` } : {}),
      };
    });
    const sameField = publishedByField.get(f.id) ?? publishedIndexes;
    const pickOther = (pool: number[]) => {
      for (let t = 0; t < 10; t++) {
        const j = rng.pick(pool);
        if (j !== i) return plans[j].id;
      }
      return undefined;
    };

    // Log-normal body length: median about 300 words, clamped to 80-1,430 (+ one sentence at most, so at most 1,500).
    const target = Math.round(Math.min(1430, Math.max(80, Math.exp(Math.log(280) + 0.6 * rng.normal()))));
    const body = w.body(target);
    bodyWords.push(words(body.replace(/^#+ |^- |^\d+\. /gm, '')));

    const entry: EntryDraft = {
      id: p.id,
      question: p.question,
      summary: w.summary(),
      field: f.id,
      owner,
      levels: [...levels],
      topic: rng.chance(0.9) ? rng.pick(f.topics) : undefined,
      aliases: rng.chance(0.1) ? w.aliases(p.question) : undefined,
      legal_basis: legal,
      can: rng.chance(0.35) ? Array.from({ length: rng.int(1, 3) }, () => capitalize(`${rng.pick(f.actions)} ${rng.pick(f.objects)}`)) : undefined,
      cannot: rng.chance(0.3) ? Array.from({ length: rng.int(1, 2) }, () => capitalize(`tự ý ${rng.pick(f.actions)} ${rng.pick(f.objects)} khi chưa có ý kiến của ${w.actor()}`)) : undefined,
      asked_by: asked ? `UBND ${c.kind} ${c.name}, ${PROVINCES[c.province].name}` : undefined,
      asked,
      answered,
      reviewed,
      review_months: rng.chance(0.05) ? 6 : undefined,
      status: p.status,
      superseded_by: p.status === 'superseded' ? pickOther(publishedIndexes) : undefined,
      related: rng.chance(0.15) ? [...new Set(Array.from({ length: rng.int(1, 3) }, () => pickOther(sameField)).filter((x): x is string => !!x))] : undefined,
      tags: rng.chance(0.6) ? rng.some(f.tags, rng.int(1, 4)) : undefined,
    };
    if (entry.aliases) summary.withAliases++;
    const mdx = rng.chance(0.02);
    const rel = path.join('entries', f.id, `${String(i).padStart(width, '0')}.${mdx ? 'mdx' : 'md'}`);
    const text = serializeEntry(entry, body);
    fs.mkdirSync(path.join(root, 'entries', f.id), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    summary.entryBytes += Buffer.byteLength(text);
    if (mdx) summary.mdx++;
    if (p.status === 'published') summary.published++;
    else if (p.status === 'draft') summary.drafts++;
    else summary.superseded++;
    if (!summary.sample.id && p.status === 'published' && !mdx && i >= n / 2) summary.sample = { id: p.id, file: rel.split(path.sep).join('/') };
  });

  const sorted = bodyWords.sort((a, b) => a - b);
  summary.bodyWords = {
    min: sorted[0],
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.floor(sorted.length * 0.95)],
    max: sorted[sorted.length - 1],
    mean: Math.round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
  };
  fs.writeFileSync(path.join(root, MANIFEST), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
