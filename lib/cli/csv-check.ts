/**
 * `npm run csv:check`: checks device lists before they are uploaded, for
 * partners and for scripts. Every verdict comes from lib/autopilot.
 */
import { parseArgs } from 'node:util';
import {
  CATALOGUES,
  describeChange,
  describeProblem,
  fixUpload,
  isLang,
  type FileReport,
  type Lang,
  type Problem,
  type UploadFile,
  type Verdict,
  validateUpload,
} from '@/lib/autopilot';
import { CLI_TEXTS } from './texts';

export interface CliIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, bytes: Uint8Array): void;
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { accepted: 0, refused: 1, usage: 2 } as const;

interface Options {
  json: boolean;
  lang: Lang;
  groupTag: string | null;
  fix: string | null;
  files: string[];
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string } | { ok: 'help'; lang: Lang };

export function parseCliArgs(argv: string[]): Parsed {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        'group-tag': { type: 'string' },
        fix: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const lang = values.lang;
  if (!isLang(lang)) return { ok: false, message: CLI_TEXTS.en.badLang(lang) };
  if (values.help) return { ok: 'help', lang };
  if (positionals.length === 0) return { ok: false, message: CLI_TEXTS[lang].noFiles };
  if (values.fix === '') return { ok: false, message: CLI_TEXTS[lang].noFixTarget };
  return {
    ok: true,
    options: { json: values.json, lang, groupTag: values['group-tag'] ?? null, fix: values.fix ?? null, files: positionals },
  };
}

/** Runs the command; returns its exit code. */
export function runCsvCheck(argv: string[], io: CliIo): number {
  const parsed = parseCliArgs(argv);
  if (parsed.ok === 'help') {
    io.out(CLI_TEXTS[parsed.lang].usage);
    return EXIT.accepted;
  }
  if (!parsed.ok) {
    io.err(`csv:check: ${parsed.message}\n\n${CLI_TEXTS.en.usage}`);
    return EXIT.usage;
  }
  const { options } = parsed;
  const texts = CLI_TEXTS[options.lang];

  const files: UploadFile[] = [];
  for (const path of options.files) {
    try {
      files.push({ name: path, bytes: io.readFile(path) });
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      io.err(`csv:check: ${texts.cannotRead(path, reason)}\n`);
      return EXIT.usage;
    }
  }

  const verdict = validateUpload(files, { groupTag: options.groupTag });
  const fix = options.fix === null ? null : fixUpload(files, { groupTag: options.groupTag });
  if (fix?.ok) io.writeFile(options.fix!, fix.bytes);

  if (options.json) {
    io.out(JSON.stringify(jsonReport(verdict, options, fix), null, 2) + '\n');
  } else {
    io.out(humanReport(verdict, options.lang));
    if (fix) io.out(humanFix(fix, options));
  }
  if (fix) return fix.ok ? EXIT.accepted : EXIT.refused;
  return verdict.accepted ? EXIT.accepted : EXIT.refused;
}

function place(p: Problem): string {
  if (p.file === undefined) return '(upload)';
  return [p.file, p.line, p.column].filter((part) => part !== undefined).join(':');
}

function humanReport(v: Verdict, lang: Lang): string {
  const texts = CLI_TEXTS[lang];
  const lines = v.problems.map((p) => {
    const { message } = describeProblem(p, lang);
    return `${place(p)}  ${p.code}  ${p.severity === 'warning' ? texts.warning : ''}${message}`;
  });
  lines.push('', texts.summary(v));
  return lines.join('\n') + '\n';
}

function humanFix(fix: ReturnType<typeof fixUpload>, options: Options): string {
  const texts = CLI_TEXTS[options.lang];
  if (fix.ok) {
    const changes = fix.changes.map((c) => `  - ${describeChange(c, options.lang)}`);
    return [texts.fixed(options.fix!, fix.verdict.devices.length), ...(changes.length ? changes : [`  - ${texts.unchanged}`])].join('\n') + '\n';
  }
  const blocking = fix.blocking.map((p) => `  ${place(p)}  ${p.code}`);
  return [texts.notFixed(fix.blocking.length), ...blocking].join('\n') + '\n';
}

function jsonProblem(p: Problem, lang: Lang) {
  const { message, hint } = describeProblem(p, lang);
  return {
    code: p.code,
    severity: p.severity,
    fixable: p.fixable,
    ...(p.file !== undefined && { file: p.file }),
    ...(p.line !== undefined && { line: p.line }),
    ...(p.column !== undefined && { column: p.column }),
    message,
    hint,
    params: p.params,
  };
}

function jsonFile(f: FileReport, lang: Lang) {
  return {
    name: f.name,
    bytes: f.bytes,
    encoding: f.encoding,
    encodingName: f.encoding ? CATALOGUES[lang].encoding[f.encoding] : null,
    format: f.format,
    separator: f.separator,
    rows: f.rows,
    devices: f.devices,
    problems: f.problems.map((p) => jsonProblem(p, lang)),
  };
}

function jsonReport(v: Verdict, options: Options, fix: ReturnType<typeof fixUpload> | null) {
  const uploadProblems = v.problems.filter((p) => p.file === undefined);
  return {
    accepted: v.accepted,
    fixable: v.fixable,
    groupTag: { tag: v.groupTag.tag, managedDesktop: v.groupTag.managedDesktop, requiresHash: v.groupTag.requiresHash },
    devices: v.devices.length,
    errors: v.errors,
    warnings: v.warnings,
    problems: uploadProblems.map((p) => jsonProblem(p, options.lang)),
    files: v.files.map((f) => jsonFile(f, options.lang)),
    ...(fix && {
      fix: fix.ok
        ? {
            written: options.fix,
            devices: fix.verdict.devices.length,
            changes: fix.changes.map((c) => ({ ...c, description: describeChange(c, options.lang) })),
          }
        : { written: null, blocking: fix.blocking.map((p) => jsonProblem(p, options.lang)) },
    }),
  };
}
