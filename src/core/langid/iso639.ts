// ISO 639-3 codes (what franc returns) to BCP-47 language tags, and back.
//
// The table covers every language franc-all 7.2.0 supports that has an ISO 639-1 code. An individual language
// that is the usual member of a macrolanguage with a 639-1 code gets that code (cmn → zh, arb → ar, pes/prs → fa,
// zlm → ms, npi → ne, the Quechua varieties → qu, ...): that is how people tag such text. Exceptions kept on purpose:
// nob/nno → nb/nn (their own 639-1 codes; `languageKey` merges them with "no"), and ckb stays "ckb" (CLDR uses "ku"
// for Northern Kurdish only). A franc language without a 639-1 code is tagged with its 639-3 code, which is valid BCP-47.
import { languageKey, parseLanguageTag, type LanguageTag } from '../model/language';

const ISO639_3_TO_1: Readonly<Record<string, string>> = {
  aar: 'aa',
  abk: 'ab',
  afr: 'af',
  als: 'sq',
  amh: 'am',
  arb: 'ar',
  ayr: 'ay',
  azb: 'az',
  azj: 'az',
  bam: 'bm',
  bel: 'be',
  ben: 'bn',
  bis: 'bi',
  bod: 'bo',
  bos: 'bs',
  bre: 'br',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  cha: 'ch',
  chv: 'cv',
  cmn: 'zh',
  cos: 'co',
  csw: 'cr',
  cym: 'cy',
  dan: 'da',
  deu: 'de',
  div: 'dv',
  dzo: 'dz',
  ekk: 'et',
  ell: 'el',
  eng: 'en',
  epo: 'eo',
  eus: 'eu',
  ewe: 'ee',
  fao: 'fo',
  fat: 'ak',
  fij: 'fj',
  fin: 'fi',
  fra: 'fr',
  fry: 'fy',
  fuf: 'ff',
  fuv: 'ff',
  gaz: 'om',
  gla: 'gd',
  gle: 'ga',
  glg: 'gl',
  glv: 'gv',
  gug: 'gn',
  guj: 'gu',
  hat: 'ht',
  hau: 'ha',
  heb: 'he',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  hye: 'hy',
  ibo: 'ig',
  ido: 'io',
  iii: 'ii',
  ike: 'iu',
  ina: 'ia',
  ind: 'id',
  isl: 'is',
  ita: 'it',
  jav: 'jv',
  jpn: 'ja',
  kal: 'kl',
  kan: 'kn',
  kat: 'ka',
  kaz: 'kk',
  khk: 'mn',
  khm: 'km',
  kin: 'rw',
  kir: 'ky',
  knc: 'kr',
  kng: 'kg',
  koi: 'kv',
  kor: 'ko',
  lao: 'lo',
  lat: 'la',
  lin: 'ln',
  lit: 'lt',
  ltz: 'lb',
  lug: 'lg',
  lvs: 'lv',
  mah: 'mh',
  mal: 'ml',
  mar: 'mr',
  mkd: 'mk',
  mlt: 'mt',
  mri: 'mi',
  mya: 'my',
  nav: 'nv',
  nbl: 'nr',
  ndo: 'ng',
  nld: 'nl',
  nno: 'nn',
  nob: 'nb',
  npi: 'ne',
  nya: 'ny',
  oci: 'oc',
  ojb: 'oj',
  oss: 'os',
  pan: 'pa',
  pbu: 'ps',
  pes: 'fa',
  plt: 'mg',
  pol: 'pl',
  por: 'pt',
  prs: 'fa',
  que: 'qu',
  qug: 'qu',
  quh: 'qu',
  quy: 'qu',
  quz: 'qu',
  qva: 'qu',
  qvc: 'qu',
  qvh: 'qu',
  qvm: 'qu',
  qvn: 'qu',
  qwh: 'qu',
  qxn: 'qu',
  qxu: 'qu',
  roh: 'rm',
  ron: 'ro',
  run: 'rn',
  rus: 'ru',
  sag: 'sg',
  san: 'sa',
  sin: 'si',
  slk: 'sk',
  slv: 'sl',
  sme: 'se',
  smo: 'sm',
  sna: 'sn',
  som: 'so',
  sot: 'st',
  spa: 'es',
  src: 'sc',
  srp: 'sr',
  ssw: 'ss',
  sun: 'su',
  swe: 'sv',
  swh: 'sw',
  tah: 'ty',
  tam: 'ta',
  tat: 'tt',
  tel: 'te',
  tgk: 'tg',
  tgl: 'tl',
  tha: 'th',
  tir: 'ti',
  tsn: 'tn',
  tso: 'ts',
  ton: 'to',
  tuk: 'tk',
  tur: 'tr',
  twi: 'tw',
  uig: 'ug',
  ukr: 'uk',
  urd: 'ur',
  uzn: 'uz',
  ven: 've',
  vie: 'vi',
  wln: 'wa',
  wol: 'wo',
  xho: 'xh',
  ydd: 'yi',
  yor: 'yo',
  zlm: 'ms',
  zul: 'zu',
  zyb: 'za',
};

const tagOfCode = new Map<string, LanguageTag>();

/** The BCP-47 tag for a franc (ISO 639-3) code: the 639-1 code where one exists, else the 639-3 code itself. */
export function francCodeToTag(code: string): LanguageTag {
  let tag = tagOfCode.get(code);
  if (tag) return tag;
  tag = parseLanguageTag(ISO639_3_TO_1[code] ?? code);
  if (!tag) throw new Error(`not a language code: ${code}`);
  tagOfCode.set(code, tag);
  return tag;
}

/**
 * Indexes franc codes by `languageKey` of their tag, so that any spelling of a run language finds its models:
 * "no", "nb" and "nn" all find nob and nno; "zh", "zho" and "cmn" find cmn; "fa" finds pes and prs.
 */
export class FrancCodeIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(francCodes: Iterable<string>) {
    for (const code of francCodes) {
      const key = languageKey(francCodeToTag(code));
      const list = this.byKey.get(key) ?? [];
      if (!list.includes(code)) list.push(code);
      this.byKey.set(key, list);
    }
  }

  /** The franc codes that detect `tag` (empty when franc has no model for it). */
  codesFor(tag: LanguageTag): readonly string[] {
    return this.byKey.get(languageKey(tag)) ?? [];
  }
}
