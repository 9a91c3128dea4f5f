// Reads a word typed with the Vietnamese keyboard switched off: the keys of Telex ("nhaanj",
// "truwowngf", "ddieenj") or VNI ("nha65n", "d9ie65n") become the syllable they would have produced
// ("nhận", "trường", "điện"). Only one syllable per word, and only syllables Vietnamese spelling
// allows, so English words ("online", "website", "email") have no reading. Whether a reading is
// used is the caller's decision (src/search/query.ts: only when the word is unknown as typed and
// the reading is a known word). Ships to the browser: no node: imports.
//
// Both schemes let tone and shape keys come anywhere after the vowel they change, as the input
// methods do: "nhaajn" and "nhaanj" both give "nhận", "vuwowfn" gives "vườn", "thu7c5" gives "thực".

type Shape = '' | 'hat' | 'horn' | 'breve';
interface Letter {
  ch: string;
  shape: Shape;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const TELEX_TONES: Record<string, number> = { s: 1, f: 2, r: 3, x: 4, j: 5 };
const VNI_TONES: Record<string, number> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
/** Combining marks: sắc, huyền, hỏi, ngã, nặng. */
const TONE_MARK = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const SHAPE_MARK: Record<Shape, string> = { '': '', hat: '\u0302', horn: '\u031b', breve: '\u0306' };

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);
/** Vowel groups that may take a final consonant ("oan", "uyên", "ương"). */
const CLOSABLE = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'iê', 'yê', 'uô', 'ươ', 'oa', 'oă', 'uâ', 'oe', 'uê', 'uy', 'uyê', 'oo']);
/** Vowel groups that end the syllable ("ai", "ươi", "yêu"). */
const OPEN_ONLY = new Set(['ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'ưa', 'ưi', 'ưu', 'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu']);

const letterText = (l: Letter) => (l.ch + SHAPE_MARK[l.shape]).normalize('NFC');

/** Indexes of the vowel letters, skipping the u of "qu" and the i of "gi" before another vowel. */
function vowelIndexes(letters: Letter[]): number[] {
  const out: number[] = [];
  letters.forEach((l, i) => {
    if (!VOWELS.has(l.ch)) return;
    if (i === 1 && l.ch === 'u' && letters[0].ch === 'q') return;
    if (i === 1 && l.ch === 'i' && letters[0].ch === 'g' && letters[2] && VOWELS.has(letters[2].ch)) return;
    out.push(i);
  });
  return out;
}

/** Horn (ư, ơ; "uo" → "ươ") or breve (ă): what Telex w and VNI 7/8 do. Returns false when nothing takes it. */
function addHorn(letters: Letter[], breveOnly: boolean, hornOnly: boolean): boolean {
  const vs = vowelIndexes(letters).filter((i) => letters[i].shape === '');
  if (!breveOnly) {
    const u = vs.find((i) => letters[i].ch === 'u' && letters[i + 1]?.ch === 'o');
    if (u !== undefined) {
      letters[u].shape = 'horn';
      letters[u + 1].shape = 'horn';
      return true;
    }
    const o = vs.find((i) => letters[i].ch === 'o');
    const uu = vs.find((i) => letters[i].ch === 'u');
    const at = o ?? uu;
    if (at !== undefined) {
      letters[at].shape = 'horn';
      return true;
    }
  }
  if (!hornOnly) {
    const a = vs.find((i) => letters[i].ch === 'a');
    if (a !== undefined) {
      letters[a].shape = 'breve';
      return true;
    }
  }
  return false;
}

/** Circumflex on the last a, e or o (or the one named): "aa", "ee", "oo" in Telex, 6 in VNI. */
function addHat(letters: Letter[], only?: string): boolean {
  const vs = vowelIndexes(letters).filter((i) => letters[i].shape === '' && 'aeo'.includes(letters[i].ch) && (!only || letters[i].ch === only));
  const at = vs[vs.length - 1];
  if (at === undefined) return false;
  letters[at].shape = 'hat';
  return true;
}

/** True when a "d" key strokes the first letter: "dd…", or a later d in a word that has no other place for it. */
function canStroke(letters: Letter[]): boolean {
  return letters[0]?.ch === 'd' && letters.slice(1).every((l) => VOWELS.has(l.ch));
}

function applyKeys(word: string, scheme: 'telex' | 'vni'): { letters: Letter[]; tone: number } | undefined {
  const letters: Letter[] = [];
  let tone = 0;
  for (const key of word) {
    const hasVowel = vowelIndexes(letters).length > 0;
    if (scheme === 'telex') {
      if (key in TELEX_TONES && hasVowel) {
        if (tone) return undefined;
        tone = TELEX_TONES[key];
        continue;
      }
      if (key === 'w') {
        if (!addHorn(letters, false, false)) {
          if (hasVowel) return undefined;
          letters.push({ ch: 'u', shape: 'horn' }); // "w" alone types ư: "tw" → "tư"
        }
        continue;
      }
      if ('aeo'.includes(key) && vowelIndexes(letters).some((i) => letters[i].ch === key && letters[i].shape === '')) {
        if (addHat(letters, key)) continue;
      }
      if (key === 'd' && canStroke(letters) && letters[0].ch === 'd') {
        letters[0].ch = 'đ';
        continue;
      }
      if (!/[a-z]/.test(key)) return undefined;
    } else {
      if (key in VNI_TONES) {
        if (tone || !hasVowel) return undefined;
        tone = VNI_TONES[key];
        continue;
      }
      if (key === '6') {
        if (!addHat(letters)) return undefined;
        continue;
      }
      if (key === '7' || key === '8') {
        if (!addHorn(letters, key === '8', key === '7')) return undefined;
        continue;
      }
      if (key === '9') {
        if (letters[0]?.ch !== 'd') return undefined;
        letters[0].ch = 'đ';
        continue;
      }
      if (!/[a-z]/.test(key)) return undefined;
    }
    letters.push({ ch: key, shape: '' });
  }
  return { letters, tone };
}

/** Spells letters and a tone as one syllable, or undefined when Vietnamese spelling does not allow it. */
function spell(letters: Letter[], tone: number): string | undefined {
  const text = letters.map(letterText).join('');
  const onset = ONSETS.find((o) => text.startsWith(o) && !(o === 'gi' && !/^gi[aăâeêioôơuưy]/.test(text)) && !(o === 'qu' && text.length === 2))!;
  const rest = text.slice(onset.length);
  const m = /^([aăâeêioôơuưy]+)([a-zđ]*)$/.exec(rest);
  if (!m) return undefined;
  const [, nucleus, final] = m;
  if (!FINALS.has(final)) return undefined;
  if (final ? !CLOSABLE.has(nucleus) : !CLOSABLE.has(nucleus) && !OPEN_ONLY.has(nucleus)) return undefined;
  if (STOP_FINALS.has(final) && tone !== 0 && tone !== 1 && tone !== 5) return undefined;
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !/^[eêiy]/.test(nucleus)) return undefined;
  if (!tone) return text;
  // Tone position (old style, as src/search/fold.ts normalises): on the shaped vowel (ơ of ươ); else
  // on the last vowel before a final consonant; else the middle of three or the first of two.
  const chars = [...nucleus];
  const shaped = chars.map((c, i) => ('ăâêôơư'.includes(c) ? i : -1)).filter((i) => i >= 0);
  const at = shaped.length ? shaped[shaped.length - 1] : final ? chars.length - 1 : chars.length === 3 ? 1 : 0;
  chars[at] = (chars[at].normalize('NFD') + TONE_MARK[tone]).normalize('NFC');
  return onset + chars.join('') + final;
}

function read(word: string, scheme: 'telex' | 'vni'): string | undefined {
  const lower = word.normalize('NFC').toLowerCase();
  if (!/^[a-z0-9]+$/.test(lower)) return undefined;
  if (scheme === 'telex' && /\d/.test(lower)) return undefined;
  if (scheme === 'vni' && !/[1-9]/.test(lower)) return undefined;
  const keyed = applyKeys(lower, scheme);
  if (!keyed) return undefined;
  const out = spell(keyed.letters, keyed.tone);
  return out === lower ? undefined : out;
}

/** The Telex reading of a typed word ("truwowngf" → "trường"), or undefined. */
export const readTelex = (word: string) => read(word, 'telex');
/** The VNI reading of a typed word ("d9ie65n" → "điện"), or undefined. */
export const readVni = (word: string) => read(word, 'vni');

/** Every reading of a typed word, Telex first; empty for words that are no keyed syllable. */
export function typedReadings(word: string): string[] {
  return [readTelex(word), readVni(word)].filter((r): r is string => r !== undefined);
}
