import type { Lang, Verdict } from '@/lib/autopilot';

interface CliTexts {
  usage: string;
  badLang: (lang: string) => string;
  noFiles: string;
  noFixTarget: string;
  cannotRead: (path: string, reason: string) => string;
  warning: string;
  summary: (v: Verdict) => string;
  fixed: (path: string, devices: number) => string;
  unchanged: string;
  notFixed: (count: number) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const pluralFr = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

export const CLI_TEXTS: Record<Lang, CliTexts> = {
  en: {
    usage: `Usage: npm run csv:check -- [--json] [--lang en|fr] [--group-tag TAG] [--fix OUT] FILE...

Checks device lists (.csv) as Partner Center's Add devices would, and more
exactly: one line per problem, then a summary.

  --json           print a JSON report instead
  --lang en|fr     language of the messages (default en)
  --group-tag TAG  the group tag the devices will get; a Microsoft Managed
                   Desktop tag must be exact, and then every device needs a
                   hardware hash
  --fix OUT        when every problem can be fixed without loss (encoding,
                   BOM, blank lines, empty columns, several files...), write
                   one correct ANSI list to OUT; otherwise refuse and say why

Exit status: 0 when the upload would be accepted (or was fixed), 1 when not,
2 on bad usage.
`,
    badLang: (lang) => `--lang must be en or fr, not "${lang}"`,
    noFiles: 'no file given',
    noFixTarget: '--fix needs the path of the file to write',
    cannotRead: (path, reason) => `cannot read ${path} (${reason})`,
    warning: 'warning: ',
    summary: (v) => {
      const counts = `${plural(v.files.length, 'file', 'files')}, ${plural(v.devices.length, 'device', 'devices')}: ${plural(v.errors, 'error', 'errors')}, ${plural(v.warnings, 'warning', 'warnings')}.`;
      if (v.accepted) {
        return `${counts} Accepted: ${plural(v.devices.length, 'device', 'devices')} would be registered${v.groupTag.tag ? ` with group tag ${v.groupTag.tag}` : ''}.`;
      }
      return `${counts} Not accepted.${v.fixable ? ' Every error can be fixed without loss: run again with --fix OUT.' : ''}`;
    },
    fixed: (path, devices) => `Fixed: wrote ${path} (${plural(devices, 'device', 'devices')}), which passes. Changes:`,
    unchanged: 'nothing needed changing',
    notFixed: (count) =>
      `Not fixed: ${plural(count, 'problem', 'problems')} cannot be fixed without losing or guessing data; correct ${count === 1 ? 'it' : 'them'} in the source:`,
  },
  fr: {
    usage: `Utilisation : npm run csv:check -- [--json] [--lang en|fr] [--group-tag BALISE] [--fix SORTIE] FICHIER...

Vérifie des listes d'appareils (.csv) comme le ferait « Ajouter des appareils »
de l'Espace partenaires, en plus exact : une ligne par problème, puis un bilan.

  --json               affiche un rapport JSON
  --lang en|fr         langue des messages (en par défaut)
  --group-tag BALISE   la balise de groupe que recevront les appareils ; une
                       balise Microsoft Managed Desktop doit être exacte, et
                       chaque appareil a alors besoin d'un hachage matériel
  --fix SORTIE         si chaque problème se corrige sans perte (encodage,
                       BOM, lignes vides, colonnes vides, plusieurs
                       fichiers...), écrit dans SORTIE une liste ANSI correcte ;
                       sinon refuse et dit pourquoi

Code de sortie : 0 si l'envoi serait accepté (ou a été corrigé), 1 sinon,
2 en cas de mauvaise utilisation.
`,
    badLang: (lang) => `--lang vaut en ou fr, pas « ${lang} »`,
    noFiles: 'aucun fichier indiqué',
    noFixTarget: '--fix demande le chemin du fichier à écrire',
    cannotRead: (path, reason) => `impossible de lire ${path} (${reason})`,
    warning: 'avertissement : ',
    summary: (v) => {
      const counts = `${pluralFr(v.files.length, 'fichier', 'fichiers')}, ${pluralFr(v.devices.length, 'appareil', 'appareils')} : ${pluralFr(v.errors, 'erreur', 'erreurs')}, ${pluralFr(v.warnings, 'avertissement', 'avertissements')}.`;
      if (v.accepted) {
        return `${counts} Accepté : ${pluralFr(v.devices.length, 'appareil serait inscrit', 'appareils seraient inscrits')}${v.groupTag.tag ? ` avec la balise de groupe ${v.groupTag.tag}` : ''}.`;
      }
      return `${counts} Refusé.${v.fixable ? ' Chaque erreur se corrige sans perte : relancez avec --fix SORTIE.' : ''}`;
    },
    fixed: (path, devices) =>
      `Corrigé : ${path} écrit (${pluralFr(devices, 'appareil', 'appareils')}), et il est accepté. Modifications :`,
    unchanged: 'rien à modifier',
    notFixed: (count) =>
      `Non corrigé : ${pluralFr(count, 'problème ne se corrige pas', 'problèmes ne se corrigent pas')} sans perdre ou deviner des données ; corrigez-les à la source :`,
  },
};
