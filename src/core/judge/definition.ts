// Judge definition files (docs/judges.md): read and validated once, at the boundary, into a typed JudgeDefinition
// with a content hash. Every problem names the file and the field.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { KNOWN_SCALES } from '../import/formats/canonical';
import { parseLanguageTag } from '../model/language';
import type { ScoreScale } from '../model/records';
import { builtInTemplates, languageNameIn, type InstructionsLanguage } from './instructions';
import { parsePrice, type TokenPrice } from './prices';
import { defaultConcurrency, isOpenAI } from './servers';
import { readConfinedTemplate, TemplateRefused } from './templateFiles';
import {
  placeholdersIn,
  templateProblems,
  type PairwiseAnswers,
  type PromptTemplates,
  type ProtocolKind,
  type TemplateRole,
} from './templates';
import type { Baseline } from './tasks';
import { english, WORDING_LANGUAGES, wordingFor } from './wording';
import { arrange, CoreError, joinMessages, type Message, messageOf, msg, TEXT, wording } from '../util/message';

export { isOpenAI } from './servers';

export type JudgeProtocol =
  | { readonly kind: 'pairwise'; readonly allowTie: boolean; readonly answers: PairwiseAnswers }
  | { readonly kind: 'likert'; readonly scale: ScoreScale }
  | { readonly kind: 'rating'; readonly scale: ScoreScale };

export interface JudgeDefinition {
  readonly name: string;
  /** Absolute path of the definition file. */
  readonly file: string;
  readonly model: string;
  readonly baseURL: string;
  /** null: the request carries no temperature (models that accept only their default). */
  readonly temperature: number | null;
  readonly maxTokens: number;
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Asks the server for a JSON object (response_format json_object); Likert judges only. */
  readonly jsonMode: boolean;
  /** Sent as "seed", for servers that make sampling reproducible with it (not the responses' seed of --seed). */
  readonly samplingSeed: number | null;
  readonly protocol: JudgeProtocol;
  /** The criterion the judge rates, when it rates one (its verdicts and scores carry it, and the rubric is in its prompt). */
  readonly criterion?: JudgeCriterion;
  /** The templates of the instructions' language (English, or the judge's own); see templatesFor for "prompt". */
  readonly templates: PromptTemplates;
  /** "en": the instructions in English; "prompt": in each prompt's own language (built-in templates only). */
  readonly instructionsLanguage: InstructionsLanguage;
  /** The language the reasoning is asked for in: a tag, or "prompt" for the prompt's own; undefined: not asked. */
  readonly rationaleLanguage: string | undefined;
  /** Where the templates came from: "built-in" or the template files. */
  readonly templateOrigin: string;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /**
   * The environment variable the key comes from: the definition's "apiKeyEnv", else OPENAI_API_KEY for OpenAI's own
   * server; undefined for any other server without one (no key is sent there: keys.ts).
   */
  readonly apiKeyEnv: string | undefined;
  readonly price: TokenPrice | undefined;
  /** Pairwise: the comparison the file asks for ("baseline" / "allPairs"), used when a run gives none. */
  readonly baseline: Baseline | undefined;
  /** Notes to show the user (deprecated field names), never problems. */
  readonly notes: readonly string[];
  /** The notes as the editor translates them, when there are any. */
  readonly [TEXT]?: readonly Message[];
  /** Content hash of everything that shapes the answers (not of concurrency, timeouts or prices). */
  readonly hash: string;
  /** The canonical JSON the hash is taken of; stored with the judge so its results can be reproduced. */
  readonly fingerprint: string;
}

export interface DefinitionProblem {
  readonly field?: string;
  readonly message: string;
  /** The message as the editor translates it, when it is one. */
  readonly [TEXT]?: Message;
}

export class JudgeDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly DefinitionProblem[],
  ) {
    super(
      problems.map((p) => (p.field ? `${file}: field "${p.field}": ${p.message}` : `${file}: ${p.message}`)).join('\n'),
    );
  }

  /** The message as the editor translates it, a problem a line. */
  get text(): Message {
    return joinMessages(
      this.problems.map((p) => {
        const said = p[TEXT] ?? p.message;
        return p.field ? msg('{0}: field "{1}": {2}', this.file, p.field, said) : arrange('{0}: {1}', this.file, said);
      }),
    );
  }
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Bump when the request a definition produces changes meaning, so that old answers are not reused. */
const FINGERPRINT_VERSION = 2;

const KNOWN_FIELDS = [
  'name',
  'description',
  'model',
  'baseURL',
  'temperature',
  'maxTokens',
  'maxTokensField',
  'jsonMode',
  'samplingSeed',
  'seed',
  'protocol',
  'allowTie',
  'answers',
  'scale',
  'template',
  'systemTemplate',
  'staticSystemTemplate',
  'multiTurnTemplate',
  'instructionsLanguage',
  'rationaleLanguage',
  'baseline',
  'allPairs',
  'concurrency',
  'timeoutSeconds',
  'maxRetries',
  'apiKeyEnv',
  'price',
  'criterion',
  'rubric',
] as const;
const SECRET_FIELDS = ['apiKey', 'api_key', 'key', 'token', 'apiToken', 'authorization'];
const PROTOCOLS: readonly ProtocolKind[] = ['pairwise', 'likert', 'rating'];
const DEFAULT_MAX_TOKENS: Readonly<Record<ProtocolKind, number>> = { pairwise: 32, likert: 1024, rating: 1024 };

/** Reads and validates a definition file; template paths in it are relative to the file. */
export function loadJudgeDefinition(path: string): JudgeDefinition {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new JudgeDefinitionError(file, [
      { ...wording(msg('cannot read the judge definition: {0}', messageOf(err))) },
    ]);
  }
  return parseJudgeDefinition(file, text, (templatePath) => readConfinedTemplate(dirname(file), templatePath));
}

/** Validates a definition's text. `readTemplate` reads a template path as written in the file. */
export function parseJudgeDefinition(
  file: string,
  text: string,
  readTemplate: (path: string) => string,
): JudgeDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new JudgeDefinitionError(file, [
      { ...wording(msg('not valid JSON: {0}', describeJsonError(err as Error, text))) },
    ]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new JudgeDefinitionError(file, [
      { ...wording(msg('a judge definition is a JSON object, e.g. {"model": "gpt-4o", "protocol": "pairwise"}')) },
    ]);
  }
  const fields = new Fields(json as Record<string, unknown>);
  const definition = readDefinition(file, fields, readTemplate);
  if (fields.problems.length > 0 || !definition) throw new JudgeDefinitionError(file, fields.problems);
  return definition;
}

function readDefinition(file: string, f: Fields, readTemplate: (path: string) => string): JudgeDefinition | undefined {
  for (const key of Object.keys(f.raw)) {
    if (SECRET_FIELDS.some((s) => s.toLowerCase() === key.toLowerCase())) {
      f.problem(
        key,
        msg(
          'API keys do not belong in judge files (they end up in version control): use the command "LangLens: Set API Key" in the editor, or the environment variable named by "apiKeyEnv" for the CLI',
        ),
      );
    } else if (!(KNOWN_FIELDS as readonly string[]).includes(key)) {
      f.problem(key, msg('unknown field (known: {0})', KNOWN_FIELDS.join(', ')));
    }
  }
  const kind = f.oneOf('protocol', PROTOCOLS);
  const model = f.text('model');
  const baseURL = f.url('baseURL', DEFAULT_BASE_URL);
  const temperature = f.numberOrNull('temperature', 0, 0, 2);
  const maxTokens = f.integer('maxTokens', kind ? DEFAULT_MAX_TOKENS[kind] : 1, 1, 1_000_000);
  const maxTokensField = f.oneOf('maxTokensField', ['max_tokens', 'max_completion_tokens'] as const, 'max_tokens');
  const jsonMode = f.boolean('jsonMode', false);
  const samplingSeed = readSamplingSeed(f);
  const concurrency = f.integer('concurrency', defaultConcurrency(baseURL), 1, 1024);
  const timeoutSeconds = f.number('timeoutSeconds', 120, 0.001, 3600);
  const maxRetries = f.integer('maxRetries', 8, 0, 100);
  const apiKeyEnv = f.envName('apiKeyEnv') ?? (isOpenAI(baseURL) ? 'OPENAI_API_KEY' : undefined);
  const price = f.price('price');
  const name = f.text('name', defaultName(file));
  const instructionsLanguage = f.oneOf('instructionsLanguage', ['en', 'prompt'] as const, 'en');
  const rationaleLanguage = f.rationaleLanguage('rationaleLanguage');
  if (!kind || !model || !name || !maxTokensField || !instructionsLanguage) return undefined;
  if (jsonMode && kind !== 'likert') f.problem('jsonMode', msg('only a likert judge answers with JSON'));
  if (kind !== 'pairwise') f.forbid('allowTie', 'answers', 'baseline', 'allPairs');
  if (kind === 'pairwise') f.forbid('scale');
  if (kind === 'pairwise' && rationaleLanguage !== undefined) {
    f.problem('rationaleLanguage', msg('a pairwise judge answers with a label only, without reasoning'));
  }
  const protocol = readProtocol(kind, f);
  const baseline = kind === 'pairwise' ? f.baseline() : undefined;
  const instructions = { language: instructionsLanguage, rationale: rationaleLanguage };
  const read = readTemplates(protocol, f, readTemplate, instructions);
  const criterion = readCriterion(f);
  if (!protocol || !read) return undefined;
  const templates = criterion
    ? { ...read.templates, system: withCriterion(read.templates.system, criterion) }
    : read.templates;
  // The criterion, the instructions' language and the rationale's join the hash only when set: a judge without them
  // keeps its hash and its paid answers.
  const shape = {
    version: FINGERPRINT_VERSION,
    protocol,
    model,
    baseURL,
    temperature,
    maxTokens,
    maxTokensField,
    jsonMode,
    seed: samplingSeed,
    system: templates.system,
    user: templates.user,
    multiTurnUser: templates.multiTurnUser,
    ...(criterion ? { criterion: criterion.name } : {}),
    ...(instructionsLanguage === 'prompt'
      ? { instructionsLanguage, localized: localizedTemplates(protocol, rationaleLanguage) }
      : {}),
    ...(rationaleLanguage === undefined ? {} : { rationaleLanguage }),
  };
  const fingerprint = canonicalJson(shape);
  return {
    name,
    file,
    model,
    baseURL,
    temperature,
    maxTokens,
    maxTokensField,
    jsonMode,
    samplingSeed,
    protocol,
    ...(criterion ? { criterion } : {}),
    templates,
    instructionsLanguage,
    rationaleLanguage,
    templateOrigin: read.origin,
    concurrency,
    timeoutMs: Math.round(timeoutSeconds * 1000),
    maxRetries,
    apiKeyEnv,
    price,
    baseline,
    notes: f.notes.map(String),
    ...(f.notes.length ? { [TEXT]: f.notes } : {}),
    hash: createHash('sha256').update(fingerprint).digest('hex').slice(0, 16),
    fingerprint,
  };
}

/** "samplingSeed"; the old name "seed" is still read, with a note (it is easily taken for the responses' --seed). */
function readSamplingSeed(f: Fields): number | null {
  const current = f.integerOrNull('samplingSeed');
  if (!('seed' in f.raw)) return current;
  const old = f.integerOrNull('seed');
  if ('samplingSeed' in f.raw && current !== old) {
    f.problem(
      'seed',
      msg(
        'and "samplingSeed" differ ({0} and {1}): keep "samplingSeed" only',
        JSON.stringify(f.raw.seed),
        JSON.stringify(f.raw.samplingSeed),
      ),
    );
  }
  f.notes.push(
    msg(
      'field "seed" is deprecated: it is the sampling seed sent to the server, now called "samplingSeed" ' +
        '(not to be confused with --seed, which picks the responses judged); rename it',
    ),
  );
  return current ?? old;
}

/** Every shipped language's templates, for the fingerprint of a judge whose instructions follow the prompt's language. */
function localizedTemplates(
  protocol: JudgeProtocol | undefined,
  rationale: string | undefined,
): Record<string, PromptTemplates> | undefined {
  if (!protocol) return undefined;
  return Object.fromEntries(
    WORDING_LANGUAGES.map((tag) => [tag, builtInTemplates(protocol, wordingFor(tag)!, rationale)]),
  );
}

/**
 * The templates a task in `lang` is asked with: the definition's own, or with instructions in the prompt's language,
 * the built-in ones of that language. Throws for a language whose wording is not shipped.
 */
export function templatesFor(definition: JudgeDefinition, lang: string): PromptTemplates {
  if (definition.instructionsLanguage !== 'prompt') return definition.templates;
  const wording = wordingFor(lang);
  if (!wording) throw new CoreError(noWordingFor(definition, [lang]));
  const templates = builtInTemplates(definition.protocol, wording, definition.rationaleLanguage);
  // The criterion and its rubric are the project's own words: they end the system message in every language.
  return definition.criterion
    ? { ...templates, system: withCriterion(templates.system, definition.criterion) }
    : templates;
}

export function noWordingFor(definition: JudgeDefinition, languages: readonly string[]): Message {
  return msg(
    'judge "{0}" asks in each prompt\'s language ("instructionsLanguage": "prompt"), but LangLens has no ' +
      'instructions in {1} (it has {2}): leave those languages out (--lang), ' +
      'or use English instructions ("instructionsLanguage": "en"), or your own templates',
    definition.name,
    languages.join(', '),
    WORDING_LANGUAGES.join(', '),
  );
}

function readProtocol(kind: ProtocolKind, f: Fields): JudgeProtocol | undefined {
  if (kind === 'pairwise') {
    const allowTie = f.boolean('allowTie', false);
    const answers = f.answers('answers', { first: '1', second: '2', tie: 'tie' });
    return answers && { kind, allowTie, answers };
  }
  const defaults = kind === 'likert' ? KNOWN_SCALES['likert-6']! : KNOWN_SCALES['rating-3']!;
  const scale = f.scale('scale', defaults, kind);
  return scale && { kind, scale };
}

function readTemplates(
  protocol: JudgeProtocol | undefined,
  f: Fields,
  readTemplate: (path: string) => string,
  instructions: { language: InstructionsLanguage; rationale: string | undefined },
) {
  if (!protocol) return undefined;
  const builtIn = builtInTemplates(protocol, english, instructions.rationale);
  const userPath = f.optionalText('template');
  // An own user template comes without the built-in system message unless one is given: a paper's wording is
  // reproduced as it is, not mixed with ours. Likewise for later turns: with an own first-turn template, later turns
  // are judged only with an own multi-turn template.
  const systemPath = f.raw.systemTemplate === null ? null : f.optionalText('systemTemplate');
  const multiTurnPath = f.optionalText('multiTurnTemplate');
  const own = [systemPath, userPath, multiTurnPath].filter(Boolean);
  if (own.length > 0 && instructions.language === 'prompt') {
    f.problem(
      'instructionsLanguage',
      msg(
        '"prompt" picks LangLens\'s built-in instructions in each prompt\'s language; a judge with its own templates is asked in their words',
      ),
    );
  }
  if (own.length > 0 && instructions.rationale !== undefined) {
    f.problem(
      'rationaleLanguage',
      msg('applies to the built-in templates; with your own, write the language into your template'),
    );
  }
  const staticSystem = f.boolean('staticSystemTemplate', false);
  if (staticSystem && typeof systemPath !== 'string')
    f.problem('staticSystemTemplate', msg('applies only with a "systemTemplate" file'));
  const user =
    userPath === undefined ? builtIn.user : f.template('template', userPath, protocol.kind, 'user', readTemplate);
  const system =
    systemPath === null
      ? null
      : systemPath !== undefined
        ? f.systemTemplate(systemPath, protocol.kind, readTemplate, staticSystem)
        : userPath === undefined
          ? builtIn.system
          : null;
  const multiTurnUser =
    multiTurnPath !== undefined
      ? f.template('multiTurnTemplate', multiTurnPath, protocol.kind, 'multi-turn', readTemplate)
      : userPath === undefined
        ? builtIn.multiTurnUser
        : null;
  if (user === undefined || system === undefined || multiTurnUser === undefined) return undefined;
  const origin =
    own.length > 0
      ? own.join(' + ')
      : instructions.language === 'prompt'
        ? "built-in, in each prompt's language"
        : 'built-in';
  return { templates: { system, user, multiTurnUser }, origin };
}

export interface JudgeCriterion {
  readonly name: string;
  readonly rubric?: string;
}

/** "criterion": the name of a criterion (as in langlens.schema.json); "rubric": what its levels mean. */
function readCriterion(f: Fields): JudgeCriterion | undefined {
  const name = f.optionalText('criterion');
  const rubric = f.optionalText('rubric');
  if (name === undefined) {
    if (rubric !== undefined) f.problem('rubric', msg('a rubric belongs to a criterion: name it with "criterion"'));
    return undefined;
  }
  return { name, ...(rubric !== undefined ? { rubric } : {}) };
}

/** The criterion and its rubric as the last paragraph of the system message (one is made when there is none). */
function withCriterion(system: string | null, criterion: JudgeCriterion): string {
  const paragraph = `Judge only this criterion: ${criterion.name}.${criterion.rubric ? `\n${criterion.rubric}` : ''}`;
  return system === null ? paragraph : `${system}\n\n${paragraph}`;
}

function placeholderCount(text: string): number {
  return placeholdersIn(text).length;
}

function defaultName(file: string): string {
  return basename(file)
    .replace(/\.judge\.json$/i, '')
    .replace(/\.json$/i, '');
}

/** JSON with sorted keys, so that the hash does not depend on the order fields were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function describeJsonError(err: Error, text: string): Message | string {
  const reason = err.message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (\.\.\.)?".*$/s, '');
  const offset = errorOffset(text);
  if (offset === undefined) return reason;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return msg('{0} at line {1}, column {2}', reason, line, column);
}

/**
 * Where parsing first goes wrong: the shortest prefix that fails for another reason than ending too early. (V8's
 * messages give a position for some errors only.) Quadratic, but only run on a broken file of a few kilobytes.
 */
function errorOffset(text: string): number | undefined {
  for (let length = 1; length <= Math.min(text.length, 20_000); length++) {
    try {
      JSON.parse(text.slice(0, length));
    } catch (err) {
      const message = (err as Error).message;
      const at = /at position (\d+)/.exec(message);
      const endedEarly =
        /Unexpected end of JSON input|Unterminated string/.test(message) || (at !== null && Number(at[1]) >= length);
      if (!endedEarly) return length - 1;
    }
  }
  return undefined;
}

/** Reads typed fields out of the parsed JSON, collecting problems instead of stopping at the first. */
class Fields {
  readonly problems: DefinitionProblem[] = [];
  readonly notes: Message[] = [];
  constructor(readonly raw: Readonly<Record<string, unknown>>) {}

  problem(field: string, message: Message | string): void {
    this.problems.push({ field, ...wording(message) });
  }

  forbid(...names: string[]): void {
    for (const name of names) if (name in this.raw) this.problem(name, msg('does not apply to this protocol'));
  }

  private value(name: string): unknown {
    return this.raw[name];
  }

  private got(value: unknown): Message {
    return msg('got {0}', JSON.stringify(value));
  }

  text(name: string, fallback?: string): string | undefined {
    const v = this.value(name);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    this.problem(name, v === undefined ? msg('is required') : msg('must be a non-empty string ({0})', this.got(v)));
    return undefined;
  }

  optionalText(name: string): string | undefined {
    return this.value(name) === undefined ? undefined : this.text(name);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T | undefined {
    const v = this.value(name);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.problem(
      name,
      v === undefined
        ? msg('is required: one of {0}', allowed.join(', '))
        : msg('must be one of {0} ({1})', allowed.join(', '), this.got(v)),
    );
    return undefined;
  }

  number(name: string, fallback: number, min: number, max: number): number {
    const v = this.value(name);
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    this.problem(name, msg('must be a number from {0} to {1} ({2})', min, max, this.got(v)));
    return fallback;
  }

  numberOrNull(name: string, fallback: number, min: number, max: number): number | null {
    return this.value(name) === null ? null : this.number(name, fallback, min, max);
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const v = this.value(name);
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.problem(name, msg('must be a whole number from {0} to {1} ({2})', min, max, this.got(v)));
    return fallback;
  }

  integerOrNull(name: string): number | null {
    const v = this.value(name);
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    this.problem(name, msg('must be a whole number ({0})', this.got(v)));
    return null;
  }

  boolean(name: string, fallback: boolean): boolean {
    const v = this.value(name);
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    this.problem(name, msg('must be true or false ({0})', this.got(v)));
    return fallback;
  }

  url(name: string, fallback: string): string {
    const v = this.value(name) ?? fallback;
    if (typeof v === 'string') {
      try {
        const url = new URL(v);
        if (url.protocol === 'http:' || url.protocol === 'https:') return v.replace(/\/+$/, '');
      } catch {
        /* reported below */
      }
    }
    this.problem(
      name,
      msg('must be an http(s) URL such as {0} or http://localhost:8000/v1 ({1})', DEFAULT_BASE_URL, this.got(v)),
    );
    return fallback;
  }

  envName(name: string): string | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return v;
    this.problem(name, msg('must name an environment variable, e.g. "TOGETHER_API_KEY" ({0})', this.got(v)));
    return undefined;
  }

  /** A language tag, or "prompt" for each prompt's own language. */
  rationaleLanguage(name: string): string | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (v === 'prompt') return v;
    const tag = typeof v === 'string' ? parseLanguageTag(v) : undefined;
    if (tag && languageNameIn('en', tag) !== tag) return tag;
    this.problem(
      name,
      msg('must be "prompt" (each prompt\'s own language) or a language tag such as "en" ({0})', this.got(v)),
    );
    return undefined;
  }

  /** "baseline": a system, or {"es": "mono-es", ...} per language; "allPairs": true. */
  baseline(): Baseline | undefined {
    const v = this.value('baseline');
    const allPairs = this.boolean('allPairs', false);
    if (allPairs && v !== undefined) this.problem('allPairs', msg('give either "baseline" or "allPairs", not both'));
    if (allPairs) return { kind: 'all-pairs' };
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return { kind: 'system', system: v.trim() };
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0) {
      const systems = new Map<string, string>();
      for (const [key, system] of Object.entries(v)) {
        const tag = parseLanguageTag(key);
        if (!tag || typeof system !== 'string' || system.trim() === '') {
          this.problem(
            'baseline',
            msg('"{0}": must map a language tag to a system name, e.g. {"es": "mono-es"} ({1})', key, this.got(system)),
          );
          return undefined;
        }
        systems.set(tag, system.trim());
      }
      return { kind: 'per-language', systems };
    }
    this.problem(
      'baseline',
      msg('must be a system name or {"es": "mono-es", ...}, one per language ({0})', this.got(v)),
    );
    return undefined;
  }

  price(name: string): TokenPrice | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    try {
      return parsePrice(v, 'it');
    } catch (err) {
      this.problem(name, arrange('{0} ({1})', messageOf(err), this.got(v)));
      return undefined;
    }
  }

  answers(name: string, fallback: PairwiseAnswers): PairwiseAnswers | undefined {
    const v = this.value(name) as Record<string, unknown> | undefined;
    if (v === undefined) return fallback;
    const labels = { ...fallback, ...(typeof v === 'object' && v !== null ? v : {}) } as Record<string, unknown>;
    const values = [labels.first, labels.second, labels.tie];
    const valid =
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      Object.keys(v).every((k) => ['first', 'second', 'tie'].includes(k)) &&
      values.every((x) => typeof x === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,19}$/u.test(x)) &&
      new Set(values.map((x) => (x as string).toLowerCase())).size === 3;
    if (valid) return labels as unknown as PairwiseAnswers;
    this.problem(
      name,
      msg('must be {"first": "1", "second": "2", "tie": "tie"}: three different short labels ({0})', this.got(v)),
    );
    return undefined;
  }

  scale(name: string, fallback: ScoreScale, kind: ProtocolKind): ScoreScale | undefined {
    const v = this.value(name) as { min?: unknown; max?: unknown } | undefined;
    if (v === undefined) return fallback;
    const ok =
      typeof v === 'object' &&
      v !== null &&
      Number.isInteger(v.min) &&
      Number.isInteger(v.max) &&
      (v.min as number) < (v.max as number);
    if (!ok) {
      this.problem(name, msg('must be {"min": 1, "max": 6}: whole numbers, min below max ({0})', this.got(v)));
      return undefined;
    }
    const min = v.min as number;
    const max = v.max as number;
    const known = Object.values(KNOWN_SCALES).find((s) => s.min === min && s.max === max && s.name.startsWith(kind));
    return known ?? { name: `${kind}-${min}-${max}`, min, max };
  }

  /**
   * A system template must hold a placeholder, or be marked static: a file that fills none is sent as it is, so it
   * must be meant as a prompt.
   */
  systemTemplate(
    path: string,
    kind: ProtocolKind,
    read: (path: string) => string,
    isStatic: boolean,
  ): string | undefined {
    const text = this.template('systemTemplate', path, kind, 'system', read);
    if (text === undefined || isStatic || placeholderCount(text) > 0) return text;
    this.problem(
      'systemTemplate',
      msg(
        'template "{0}" has no placeholder such as {{language}}, so it would be sent as it is: if it is a fixed system message, say so with "staticSystemTemplate": true',
        path,
      ),
    );
    return undefined;
  }

  template(
    name: string,
    path: string,
    kind: ProtocolKind,
    role: TemplateRole,
    read: (path: string) => string,
  ): string | undefined {
    let text: string;
    try {
      text = read(path);
    } catch (err) {
      this.problem(
        name,
        err instanceof TemplateRefused
          ? msg('template "{0}" {1}', path, messageOf(err))
          : msg('cannot read the template "{0}": {1}', path, messageOf(err)),
      );
      return undefined;
    }
    const problems = templateProblems(text, kind, role);
    for (const message of problems) this.problem(name, msg('template "{0}": {1}', path, message));
    return problems.length ? undefined : text;
  }
}
