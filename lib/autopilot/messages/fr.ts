import { COLUMN_NAMES, headerLine } from '../header';
import type { DeviceField } from '../problems';
import type { Catalogue } from './types';

// Fields are named by their column, as written in the file in every language.
const FIELD = COLUMN_NAMES;

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
const fields = (names: DeviceField[]) => list(names.map((f) => `« ${FIELD[f]} »`));
const number = (n: number) => n.toLocaleString('fr-FR');
const devices = (n: number) => `${number(n)} ${n <= 1 ? 'appareil' : 'appareils'}`;
const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`
    : `${Math.max(1, Math.round(bytes / 1024))} Ko`;
const REGENERATE =
  'Collectez de nouveau la liste avec Get-WindowsAutoPilotInfo (avec -Partner pour le format à 5 colonnes).';

export const fr: Catalogue = {
  encoding: {
    ascii: 'ANSI (ASCII simple)',
    'windows-1252': 'ANSI (Windows-1252)',
    'utf-8': 'UTF-8 avec des caractères non ASCII',
    'utf-8-bom': 'UTF-8 avec BOM, tel que l’écrivent « CSV UTF-8 » d’Excel et PowerShell 7',
    'utf-16le-bom': 'UTF-16 little-endian avec BOM, tel que l’écrit Windows PowerShell 5.1',
    'utf-16le': 'UTF-16 little-endian sans BOM',
    'utf-16be-bom': 'UTF-16 big-endian avec BOM',
    'utf-16be': 'UTF-16 big-endian sans BOM',
  },
  allowedCombinations:
    'hachage matériel et ID de produit ; hachage matériel et numéro de série ; hachage matériel, ID de produit et numéro de série ; hachage matériel seul ; ID de produit seul ; numéro de série, fabricant et modèle ensemble',
  problems: {
    UPLOAD_EMPTY: () => ({
      message: 'Aucune liste d’appareils n’a été fournie.',
      hint: 'Choisissez un ou plusieurs fichiers .csv.',
    }),
    UPLOAD_TOO_LARGE: ({ bytes, limit }) => ({
      message: `L’envoi pèse ${size(bytes)} ; ${size(limit)} au plus sont acceptés. Rien n’en a été lu.`,
      hint: 'Répartissez les appareils en plusieurs envois de 500 appareils au plus.',
    }),
    TOO_MANY_DEVICES: ({ count, limit }) => ({
      message: `L’envoi compte ${devices(count)} ; ${devices(limit)} au plus peuvent être ajoutés à la fois.`,
      hint: `Répartissez la liste en envois de ${number(limit)} appareils au plus.`,
    }),
    GROUP_TAG_EMPTY: () => ({
      message: 'Aucune balise de groupe n’a été choisie.',
      hint: 'Choisissez le profil d’appareil et le mode : la balise de groupe en découle.',
    }),
    GROUP_TAG_NOT_EXACT: ({ found, expected }) => ({
      message: `La balise de groupe « ${found} » n’est pas l’orthographe exacte de Microsoft, « ${expected} ».`,
      hint: `Les balises de groupe respectent la casse : des appareils balisés « ${found} » ne recevraient pas le profil Managed Desktop. Utilisez « ${expected} ».`,
    }),
    GROUP_TAG_NOT_SUPPORTED: ({ found }) => ({
      message: `« ${found} » : le profil Utilisateur avancé ne prend pas en charge le mode appareil partagé.`,
      hint: 'Choisissez Utilisateur avancé en mode standard (Microsoft365Managed_PowerUser), ou un autre profil pour les appareils partagés.',
    }),
    GROUP_TAG_INVALID: ({ found, character }) => ({
      message:
        character === ' '
          ? `La balise de groupe « ${found} » commence ou finit par une espace.`
          : `La balise de groupe « ${found} » contient un caractère invisible ou qui change l’affichage du texte autour de lui (U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}).`,
      hint: 'Les balises de groupe doivent correspondre exactement : retirez ce caractère.',
    }),
    DUPLICATE_DEVICE: ({ key, otherFile, otherLine, identical, here, there, hashLengths }) => ({
      message: `${identical ? 'Le même appareil figure deux fois' : 'Cet appareil figure déjà dans la liste'} : ${
        key === 'hardwareHash'
          ? 'même hachage matériel'
          : key === 'productKey'
            ? 'même Windows Product ID'
            : 'mêmes numéro de série, fabricant et modèle'
      } que ${otherFile}, ligne ${otherLine} (ZtdDeviceDuplicated)${
        hashLengths
          ? `, écrit avec ${number(hashLengths.there)} caractères là-bas et ${number(hashLengths.here)} ici : les mêmes données, avec et sans leur remplissage de zéros`
          : here !== null && there !== null
            ? `, écrit « ${there} » là-bas et « ${here} » ici`
            : ''
      }.`,
      hint: identical
        ? 'Supprimez l’une des deux lignes ; elles sont identiques, rien n’est perdu.'
        : hashLengths || (here !== null && there !== null)
          ? 'La casse, les espaces, les tirets d’apparence semblable, les caractères invisibles et le remplissage d’un hachage ne font pas un autre appareil : gardez l’une des deux lignes.'
          : 'Les deux lignes divergent sur cet appareil : gardez la bonne et supprimez l’autre.',
    }),
    DEVICE_RECAPTURED: ({ serialNumber, otherFile, otherLine }) => ({
      message: `Le numéro de série « ${serialNumber} » figure aussi dans ${otherFile}, ligne ${otherLine}, avec un autre hachage matériel : l’appareil semble avoir été capturé deux fois.`,
      hint: 'Les deux lignes seraient inscrites, comme deux appareils. Gardez la ligne de la capture la plus récente et supprimez l’autre, sauf s’il s’agit vraiment de deux appareils.',
    }),
    FILE_EMPTY: () => ({
      message: 'Le fichier est vide.',
      hint: `Une liste d’appareils commence par la ligne d’en-tête « ${headerLine('partner')} » (ou ses trois premières colonnes), puis une ligne par appareil.`,
    }),
    FILE_NOT_TEXT: ({ kind }) => ({
      message:
        kind === 'xlsx'
          ? 'Ce fichier est un classeur Excel (.xlsx), pas un fichier .csv.'
          : kind === 'xls'
            ? 'Ce fichier est un classeur Excel 97-2003 (.xls), pas un fichier .csv.'
            : 'Ce fichier n’est pas un fichier texte.',
      hint: `Envoyez le fichier .csv écrit par Get-WindowsAutoPilotInfo, pas un classeur ; une liste enregistrée depuis Excel n’est pas utilisable. ${REGENERATE}`,
    }),
    ENCODING_NOT_ANSI: ({ encoding, asciiOnly, character }) => ({
      message: asciiOnly
        ? `Le fichier est en ${fr.encoding[encoding]} ; l’Espace partenaires n’accepte que des fichiers texte ANSI.`
        : `Le fichier est en ${fr.encoding[encoding]} et contient « ${character ?? ''} », qui n’est pas un caractère ANSI ; l’Espace partenaires n’accepte que des fichiers texte ANSI.`,
      hint: asciiOnly
        ? 'Tous ses caractères sont ASCII : il se convertit en ANSI sans perte. Utilisez « Convertir en ANSI » (ou csv:check --fix).'
        : 'Retirez ou remplacez les caractères non ASCII, puis enregistrez le fichier en ANSI (dans le Bloc-notes : Enregistrer sous, Encodage « ANSI »).',
    }),
    SEPARATOR_NOT_COMMA: ({ separator }) => ({
      message:
        separator === 'semicolon'
          ? 'Les colonnes sont séparées par des points-virgules (;), comme les enregistre Excel en français ; l’Espace partenaires attend des virgules.'
          : 'Les colonnes sont séparées par des tabulations ; l’Espace partenaires attend des virgules.',
      hint: `Séparez les colonnes par des virgules. ${REGENERATE}`,
    }),
    HEADER_MISSING: ({ expected }) => ({
      message: 'La première ligne est un appareil, pas la ligne d’en-tête.',
      hint: `Ajoutez la ligne d’en-tête « ${expected} » en première ligne.`,
    }),
    HEADER_CASE: ({ found, expected }) => ({
      message: `La colonne « ${found} » doit s’écrire « ${expected} » : les en-têtes respectent la casse.`,
      hint: `Écrivez l’en-tête exactement « ${expected} ».`,
    }),
    HEADER_SPACES: ({ found, expected }) => ({
      message: `Le nom de la colonne « ${found} » est entouré d’espaces ; il doit être exactement « ${expected} ».`,
      hint: 'Retirez les espaces autour du nom de la colonne.',
    }),
    HEADER_COLUMN_NAME: ({ found, expected }) => ({
      message: `La colonne « ${found} » est lue comme « ${expected} », mais seul le nom exact est accepté.`,
      hint: `Renommez la colonne « ${expected} ».`,
    }),
    HEADER_ORDER: ({ found, expected }) => ({
      message: `Les colonnes ne sont pas dans le bon ordre. Attendu : « ${expected} » ; trouvé : « ${found} ».`,
      hint: 'Remettez les colonnes dans l’ordre attendu.',
    }),
    HEADER_MISSING_COLUMN: ({ name, expected }) => ({
      message: `La colonne « ${name} » manque. En-tête attendu : « ${expected} ».`,
      hint: `Ajoutez la colonne « ${name} » (elle peut rester vide sur chaque ligne).`,
    }),
    HEADER_EXTRA_COLUMN: ({ name, expected }) => ({
      message: `La colonne « ${name} » ne fait pas partie d’une liste d’appareils : les colonnes supplémentaires ne sont pas prises en charge. En-tête attendu : « ${expected} ».`,
      hint: 'Retirez cette colonne de l’en-tête et de chaque ligne.',
    }),
    HEADER_INTUNE_COLUMN: ({ name, expected }) => ({
      message: `La colonne « ${name} » appartient au format d’importation d’Intune, pas à celui de l’Espace partenaires. En-tête attendu : « ${expected} ».`,
      hint: 'Retirez la colonne : ici, la balise de groupe vient du profil d’appareil choisi, et aucun utilisateur n’est attribué. Get-WindowsAutoPilotInfo l’écrit avec -GroupTag ou -AssignedUser ; lancez-le sans.',
    }),
    NO_DEVICES: () => ({
      message: 'Le fichier a une ligne d’en-tête mais aucun appareil.',
      hint: 'Ajoutez une ligne par appareil sous l’en-tête.',
    }),
    BLANK_LINE: ({ separatorsOnly }) => ({
      message: separatorsOnly
        ? 'Cette ligne ne contient que des séparateurs, comme Excel en laisse pour une ligne vide.'
        : 'Cette ligne est vide.',
      hint: 'Supprimez la ligne.',
    }),
    QUOTES: () => ({
      message: 'Cette ligne contient un guillemet (") : les guillemets ne sont pas pris en charge.',
      hint: 'Retirez tous les guillemets. Les valeurs ne peuvent pas contenir de virgule : elles n’ont jamais besoin de guillemets.',
    }),
    FIELD_COUNT: ({ found, expected }) => ({
      message: `Cette ligne a ${found} ${found <= 1 ? 'valeur' : 'valeurs'} ; l’en-tête a ${expected} colonnes.`,
      hint:
        found > expected
          ? 'Une valeur contient peut-être une virgule, ce qui est interdit : retirez-la, pour que chaque ligne ait une valeur par colonne.'
          : 'Chaque ligne doit avoir une valeur par colonne ; une valeur peut rester vide, mais gardez sa virgule.',
    }),
    TRAILING_EMPTY_COLUMNS: ({ found, expected, onHeader }) => ({
      message: `${onHeader ? 'L’en-tête se termine par' : 'Cette ligne se termine par'} ${found - expected} ${found - expected <= 1 ? 'colonne vide' : 'colonnes vides'}, comme Excel en ajoute${onHeader ? '' : ` ; l’en-tête a ${expected} colonnes`}.`,
      hint: 'Retirez les virgules en fin de ligne.',
    }),
    IDENTIFIERS_MISSING: () => ({
      message: 'Cette ligne n’identifie aucun appareil : numéro de série, ID de produit et hachage matériel sont tous vides.',
      hint: `Indiquez le hachage matériel, ou supprimez la ligne. ${REGENERATE}`,
    }),
    IDENTIFIERS_HASH_AND_TUPLE: ({ fields: f }) => ({
      message: `Cette ligne a un hachage matériel et aussi ${fields(f)} : un appareil s’identifie par son hachage, ou par numéro de série, fabricant et modèle, pas les deux.`,
      hint: `Videz ${fields(f)} pour l’inscrire par hachage, ou videz « Hardware Hash » pour l’inscrire par numéro de série, fabricant et modèle.`,
    }),
    IDENTIFIERS_INCOMPLETE_TUPLE: ({ missing }) => ({
      message: `Sans hachage matériel, un appareil doit avoir ensemble son numéro de série, son fabricant et son modèle ; ${fields(missing)} ${missing.length === 1 ? 'est vide' : 'sont vides'}.`,
      hint: `Renseignez ${fields(missing)} exactement comme le microprogramme (SMBIOS) de l’appareil les indique, ou indiquez le hachage matériel.`,
    }),
    IDENTIFIERS_COMBINATION: ({ present }) => ({
      message: `Cette ligne indique ${fields(present)}, ce qui n’est pas une des combinaisons acceptées : ${fr.allowedCombinations}.`,
      hint: 'Gardez une combinaison acceptée et videz les autres valeurs ; le hachage matériel est toujours le choix le plus sûr.',
    }),
    HASH_REQUIRED: ({ groupTag }) => ({
      message: `Cet appareil n’a pas de hachage matériel ; chaque appareil sous la balise de groupe Managed Desktop « ${groupTag} » en a besoin.`,
      hint: 'Collectez le hachage sur l’appareil avec Get-WindowsAutoPilotInfo.',
    }),
    HASH_NOT_BASE64: ({ character }) => ({
      message: `Le hachage matériel contient ${character === ' ' ? 'une espace' : `« ${character} »`}, qui n’est pas un caractère base64.`,
      hint: 'Copiez de nouveau le hachage depuis le fichier écrit par Get-WindowsAutoPilotInfo ; il ne contient que des lettres, des chiffres, + et /, et = à la fin.',
    }),
    HASH_BAD_PADDING: ({ detail }) => ({
      message:
        detail === 'misplaced'
          ? 'Le hachage matériel contient « = » avant sa fin : « = » ne peut que le terminer.'
          : detail === 'missing'
            ? 'Le hachage matériel se termine sans le remplissage « = » que demande sa longueur.'
            : detail === 'excess'
              ? 'Le hachage matériel se termine par plus de signes « = » que sa longueur ne le permet.'
              : 'Le dernier caractère du hachage matériel avant « = » n’est pas une fin valide.',
      hint: 'Le hachage a été abîmé en le copiant : copiez-le de nouveau depuis le fichier écrit par Get-WindowsAutoPilotInfo.',
    }),
    HASH_TRUNCATED: ({ characters, declaredBytes, decodedBytes }) => ({
      message:
        declaredBytes !== null && declaredBytes > decodedBytes
          ? `Le hachage matériel est tronqué : il compte ${number(characters)} caractères, mais son propre en-tête annonce ${number(declaredBytes)} octets de données (seuls ${number(decodedBytes)} sont présents).`
          : `Le hachage matériel est tronqué : il s’arrête en cours de route (${number(characters)} caractères ; un hachage complet en compte en général 4 000).`,
      hint: 'Copiez de nouveau le hachage entier depuis le fichier écrit par Get-WindowsAutoPilotInfo.',
    }),
    HASH_TOO_SHORT: ({ decodedBytes, minimumBytes }) => ({
      message: `Le hachage matériel est trop court pour être un hachage 4K : ${number(decodedBytes)} octets, quand il en faut au moins ${minimumBytes}.`,
      hint: 'Les anciens hachages de 128 octets ne sont pas pris en charge. Collectez le hachage 4K avec Get-WindowsAutoPilotInfo.',
    }),
    HASH_UNRECOGNISED: () => ({
      message: 'La valeur de « Hardware Hash » est en base64, mais ce n’est pas un hachage matériel (un hachage 4K commence par « T0 »).',
      hint: 'Vérifiez l’ordre des colonnes, et copiez le hachage depuis le fichier écrit par Get-WindowsAutoPilotInfo.',
    }),
    HASH_LENGTH: ({ characters, usual }) => ({
      message: `Le hachage matériel compte ${number(characters)} caractères, et non les ${number(usual)} qu’écrit Get-WindowsAutoPilotInfo : ses données sont complètes, ${
        characters < usual ? 'sans tout le remplissage de zéros qui les suit d’habitude' : 'suivies de plus de zéros de remplissage que d’habitude'
      }.`,
      hint: 'Rien à changer : un hachage complet est accepté quelle que soit sa longueur, et avec ou sans remplissage, c’est le même appareil.',
    }),
    PRODUCT_ID_INVALID: ({ value, looksLike }) => ({
      message:
        looksLike === 'scientific'
          ? `Le Windows Product ID « ${value} » est un nombre qu’Excel a réécrit en notation scientifique ; les chiffres sont perdus.`
          : looksLike === 'product-key'
            ? `« ${value} » est une clé de produit, pas le Windows Product ID : l’ID de produit est le nombre à 13 chiffres imprimé sur la boîte.`
            : `Le Windows Product ID « ${value} » n’est pas un nombre à 13 chiffres.`,
      hint:
        looksLike === 'scientific'
          ? 'Reprenez les ID de produit à leur source ; n’ouvrez pas la liste dans Excel.'
          : 'Indiquez l’ID de produit à 13 chiffres (PKID), ou laissez la colonne vide et inscrivez l’appareil par hachage matériel.',
    }),
    SERIAL_SCIENTIFIC: ({ value }) => ({
      message: `Le numéro de série « ${value} » est un nombre qu’Excel a réécrit en notation scientifique ; le vrai numéro de série est perdu.`,
      hint: 'Reprenez les numéros de série sur les appareils ou dans la liste d’origine ; une liste ouverte et enregistrée dans Excel n’est pas utilisable.',
    }),
    VALUE_CONTROL_CHARACTER: ({ field, codePoint }) => ({
      message: `« ${FIELD[field]} » contient un caractère invisible ou qui change l’affichage du texte autour de lui (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}).`,
      hint: 'Retirez ce caractère ; les valeurs doivent correspondre exactement à ce que l’appareil indique.',
    }),
    VALUE_SPACES: ({ field, value }) => ({
      message: `La valeur « ${value} » de « ${FIELD[field]} » commence ou finit par une espace.`,
      hint:
        field === 'serialNumber'
          ? 'Les numéros de série sont gardés tels qu’écrits : retirez les espaces, sauf si l’appareil les indique.'
          : 'Le fabricant et le modèle doivent correspondre exactement aux valeurs SMBIOS de l’appareil : retirez les espaces, sauf si l’appareil les indique.',
    }),
  },
  fixes: {
    converted: (from) => `converti de ${fr.encoding[from]} en ANSI`,
    merged: (files, count) => `${number(files)} fichiers fusionnés en une liste de ${devices(count)}`,
    header: (format) => `en-tête écrit « ${headerLine(format)} »`,
    dropped: (what, n) => {
      const s = n <= 1 ? '' : 's';
      if (what === 'blank') return `${number(n)} ligne${s} vide${s} supprimée${s}`;
      if (what === 'duplicate') return `${number(n)} ligne${s} répétée${s} supprimée${s}`;
      if (what === 'column') return `${number(n)} colonne${s} vide${s} supprimée${s}`;
      return `colonnes vides retirées en fin de ${number(n)} ligne${s}`;
    },
    separator: () => 'colonnes séparées par des virgules',
  },
};
