import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';
import { plausiblePassword } from './value-shapes.js';

/*
 * Passwords written next to a user name where no key name says so: on a
 * command line (`mysql -p...`, `curl -u user:...`), in `.netrc`, in SQL
 * that creates a user, and in the constructors of credential objects. The
 * command or statement is the context, so the value only has to be a
 * plausible password, not a random key.
 */

/**
 * A flag's value, quoted or not, ending at a space, a shell operator or the
 * line's end. `tag` makes the group names unique in a pattern (`secretMy`,
 * `secretMyQ`); a `$VAR` or `%VAR%` is matched and then dropped by validation.
 */
function flagValue(tag: string): string {
  return String.raw`(?:(?<q${tag}>['"])(?<secret${tag}Q>[^'"\n]{4,128})\k<q${tag}>|` +
    // Not from `-`: `mongosh -p --authenticationDatabase` prompts, the next flag is no value.
    String.raw`(?<secret${tag}>[^\s'"\x60;|&-][^\s'"\x60;|&]{3,127}))(?=[\s;|&)]|$)`;
}

/** `user:password` after `curl -u`, quoted or not. */
const CURL_USER = String.raw`(?:(?<qCurl>['"])[^'"\s:]{1,64}:(?<secretCurlQ>[^'"\n]{3,128})` +
  String.raw`\k<qCurl>|[^'"\s:]{1,64}:(?<secretCurl>[^\s'"\x60;|&]{3,128}))(?=[\s;|&)]|$)`;

/** Tools that log in to a container registry with `-p` / `--password`. */
const REGISTRY_LOGIN = String.raw`(?:docker|podman|buildah|skopeo|nerdctl|oras|helm\s+registry)` +
  String.raw`\s+login`;

/** Rest of a command before the flag searched for: same line, no pipe or `;`. */
const SAME_COMMAND = String.raw`[^\n|;&]{0,200}?`;

/** A setting that holds a credential, either case (`_authToken`, `aws_secret_access_key`). */
const SETTING_NAME = String.raw`[\w.:/@-]*(?:[Tt]oken|_auth|[Pp]assw(?:or)?d|[Ss]ecret|` +
  String.raw`[Aa]pi[_-]?[Kk]ey|[Aa]ccess[_-]?[Kk]ey)[\w.-]*`;

/** Credentials in commands, `.netrc`, SQL and credential objects. */
export const LOGIN_RULES: readonly SecretRule[] = [
  {
    id: 'cli-password',
    description: 'Password or token given on a command line (mysql -p, curl -u, docker login...)',
    family: 'login',
    keywords: [
      'mysql', 'mariadb', 'sshpass', 'curl', 'redis-cli', 'convertto-securestring', 'htpasswd',
      'docker login', 'podman login', 'buildah login', 'skopeo login', 'nerdctl login',
      'oras login', 'helm registry', 'sqlcmd', 'osql', 'bcp ', 'mongo', 'ldap', 'openssl',
      'keytool', 'npm config', 'yarn config', 'pnpm config', 'aws configure', 'gcloud config',
      'az config',
    ],
    // Each keyword starts its command, so the window need not reach back.
    // Case matters: `-p` is mysql's password where `-P` is its port.
    pattern: new RegExp([
      String.raw`\b(?:mysql(?:dump|admin|import|check|sh)?|mariadb(?:-dump)?)\b${SAME_COMMAND}` +
        String.raw`[ \t]-p${flagValue('My')}`,
      String.raw`\bsshpass\s+(?:-[a-zA-Z]\s+)*-p\s*${flagValue('Ssh')}`,
      String.raw`\bcurl\b[^\n|;&]{0,300}?\s(?:-u|--user)(?:\s+|=)?${CURL_USER}`,
      String.raw`\b${REGISTRY_LOGIN}\b${SAME_COMMAND}\s-p\s+${flagValue('Reg')}`,
      String.raw`\bredis-cli\b${SAME_COMMAND}\s-a\s+${flagValue('Redis')}`,
      // PowerShell: `ConvertTo-SecureString "..." -AsPlainText -Force`.
      String.raw`ConvertTo-SecureString\s+(?:-String\s+)?(?<qPs>["'])(?<secretPs>[^"'\n]{4,128})` +
        String.raw`\k<qPs>\s+-AsPlainText`,
      // `htpasswd -b[c] FILE USER PASSWORD`.
      String.raw`\bhtpasswd\s+(?=(?:-[A-Za-z]+\s+)*-[A-Za-z]*b)(?:-[A-Za-z]+\s+)+[^\s-]\S*\s+` +
        String.raw`[^\s-]\S*\s+${flagValue('Ht')}`,
      String.raw`\b(?:sqlcmd|osql|bcp)\b${SAME_COMMAND}\s-P\s*${flagValue('Sql')}`,
      String.raw`\bmongo(?:sh|dump|restore|import|export|stat|top)?\b${SAME_COMMAND}\s-p\s+` +
        flagValue('Mongo'),
      String.raw`\bldap(?:search|add|modify|delete|passwd|whoami|compare|modrdn)\b` +
        String.raw`${SAME_COMMAND}\s-w\s+${flagValue('Ldap')}`,
      String.raw`\bopenssl\b${SAME_COMMAND}\s-pass(?:in|out)?\s+pass:${flagValue('Ssl')}`,
      String.raw`\bkeytool\b${SAME_COMMAND}\s-(?:src|dest|new)?(?:store|key)?pass\s+` +
        flagValue('Kt'),
      // `npm config set //host/:_authToken ...`, `aws configure set aws_secret_access_key ...`.
      String.raw`\b(?:npm|yarn|pnpm|aws|gcloud|az)\s+config(?:ure)?\s+set\s+(?:--?[\w-]+\s+)*` +
        String.raw`${SETTING_NAME}\s+${flagValue('Cfg')}`,
    ].join('|'), 'd'),
    window: { before: 0, after: 400 },
    entropy: 0,
    validate: plausiblePassword,
  },
  {
    id: 'netrc-password',
    description: 'Password in a .netrc entry (machine ... login ... password ...)',
    family: 'login',
    keywords: ['machine'],
    // Tokens of a `.netrc` entry may be split over lines.
    pattern: joinedPattern('d',
      String.raw`\bmachine[ \t]+\S+(?:\s+(?:login|account|port)\s+\S+)*\s+password\s+`,
      String.raw`(?<secret>\S{4,256})`),
    window: { before: 0, after: 400 },
    multiline: true,
    entropy: 0,
    validate: plausiblePassword,
  },
  {
    id: 'sql-password',
    description: 'Password in SQL that creates or alters a user (PASSWORD / IDENTIFIED BY)',
    family: 'login',
    keywords: [
      'create user', 'alter user', 'create role', 'alter role', 'create login', 'alter login',
      'set password',
    ],
    pattern: joinedPattern('di',
      String.raw`\b(?:create|alter)\s+(?:user|role|login)\b[^;\n]{0,200}?\b(?:identified\s+`,
      String.raw`(?:with\s+\w+\s+)?by|password)\s*=?\s*(?<q>['"])(?<secret>[^'"\n]{4,128})\k<q>|`,
      String.raw`\bset\s+password\b[^;\n]{0,120}?=\s*(?:password\s*\(\s*)?(?<qSet>['"])`,
      String.raw`(?<secretSet>[^'"\n]{4,128})\k<qSet>`),
    window: { before: 0, after: 400 },
    entropy: 0,
    validate: plausiblePassword,
  },
  {
    id: 'credential-call',
    description: 'Password passed with a user name to a credentials object or basic auth call',
    family: 'login',
    keywords: [
      'credential(', 'credentials(', 'basicauth(', 'digestauth(', 'passwordauthentication(',
      'credentials.basic(', 'auth=(', 'auth = (',
    ],
    // `new NetworkCredential("svc", "...")`, `HTTPBasicAuth('u', '...')`,
    // `new UsernamePasswordCredentials("u", "...")`, requests' `auth=('u', '...')`.
    pattern: joinedPattern('d',
      String.raw`(?<![\w$])(?:\w*(?:Credentials?|BasicAuth|DigestAuth|PasswordAuthentication)|`,
      String.raw`Credentials\.basic|auth\s*=\s*)\(\s*(?<q1>["'\x60])[^"'\x60\s]{1,64}\k<q1>\s*,`,
      String.raw`\s*(?<q2>["'\x60])(?<secret>[^"'\x60\s]{4,128})\k<q2>`),
    window: { before: 80, after: 300 },
    entropy: 0,
    validate: plausiblePassword,
  },
];
