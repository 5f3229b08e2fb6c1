import { formatValue, isGoMap } from './goValues';

/**
 * Functions whose result Helm makes random, time-dependent or secret (passwords, keys,
 * certificates, the current date). Any value is as true as another for scoring, so they give a
 * fixed placeholder: the template renders, deterministically, instead of "could not analyse".
 */

/** The time `now` gives: fixed, so a render never depends on when it ran. */
const FIXED_NOW = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

const pem = (kind: string) =>
  `-----BEGIN ${kind}-----\nY29udGFpbmVyLXNjb3JlY2FyZC1wbGFjZWhvbGRlcg==\n-----END ${kind}-----\n`;

const certificate = () => ({
  Cert: pem('CERTIFICATE'),
  Key: pem('RSA PRIVATE KEY'),
});

const str = (value: unknown) =>
  value === null || value === undefined ? '' : formatValue(value);

function repeatTo(count: unknown, alphabet: string): string {
  const n = Math.max(0, Math.min(Math.trunc(Number(count) || 0), 4096));
  return alphabet.repeat(Math.ceil(n / alphabet.length)).slice(0, n);
}

function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  const parsed = new Date(str(value));
  return Number.isNaN(parsed.getTime()) ? FIXED_NOW : parsed;
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Go's time layout (`2006-01-02T15:04:05Z07:00`) for the fields charts use, in UTC. */
function formatGoDate(layout: string, date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const tokens: [string, () => string][] = [
    ['2006', () => String(date.getUTCFullYear())],
    ['Z07:00', () => 'Z'],
    ['-07:00', () => '+00:00'],
    ['-0700', () => '+0000'],
    [
      'January',
      () => date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }),
    ],
    [
      'Monday',
      () => date.toLocaleString('en-US', { weekday: 'long', timeZone: 'UTC' }),
    ],
    ['Jan', () => MONTHS[date.getUTCMonth()]],
    ['Mon', () => DAYS[date.getUTCDay()]],
    ['MST', () => 'UTC'],
    ['01', () => pad(date.getUTCMonth() + 1)],
    ['02', () => pad(date.getUTCDate())],
    ['15', () => pad(date.getUTCHours())],
    ['03', () => pad(date.getUTCHours() % 12 || 12)],
    ['04', () => pad(date.getUTCMinutes())],
    ['05', () => pad(date.getUTCSeconds())],
    ['06', () => pad(date.getUTCFullYear() % 100)],
    ['PM', () => (date.getUTCHours() < 12 ? 'AM' : 'PM')],
  ];
  let out = '';
  let i = 0;
  while (i < layout.length) {
    const at = i;
    const token = tokens.find(([t]) => layout.startsWith(t, at));
    if (token) {
      out += token[1]();
      i += token[0].length;
    } else out += layout[i++];
  }
  return out;
}

/** The placeholder functions, by name. */
export const PLACEHOLDER_FUNCTIONS: Record<
  string,
  (args: unknown[]) => unknown
> = {
  randAlphaNum: ([n]) => repeatTo(n, 'a1b2c3d4e5'),
  randAlpha: ([n]) => repeatTo(n, 'abcdefghij'),
  randNumeric: ([n]) => repeatTo(n, '0123456789'),
  randAscii: ([n]) => repeatTo(n, 'abc123!?'),
  randBytes: ([n]) => repeatTo(n, 'AAAA'),
  randInt: ([min]) => Math.trunc(Number(min) || 0),
  uuidv4: () => '00000000-0000-4000-8000-000000000000',
  derivePassword: () => 'placeholder-password',
  htpasswd: ([user]) =>
    `${str(user)}:$2a$10$placeholderplaceholderplaceholderplaceholder`,
  bcrypt: () => '$2a$10$placeholderplaceholderplaceholderplaceholder',
  encryptAES: () => 'cGxhY2Vob2xkZXI=',
  decryptAES: () => '',
  genPrivateKey: () => pem('RSA PRIVATE KEY'),
  genCA: certificate,
  genCAWithKey: certificate,
  genSelfSignedCert: certificate,
  genSelfSignedCertWithKey: certificate,
  genSignedCert: certificate,
  genSignedCertWithKey: certificate,
  buildCustomCert: certificate,
  getHostByName: () => '127.0.0.1',
  env: () => '',
  expandenv: ([s]) => str(s),
  now: () => FIXED_NOW,
  date: ([layout, time]) => formatGoDate(str(layout), asDate(time)),
  dateInZone: ([layout, time]) => formatGoDate(str(layout), asDate(time)),
  htmlDate: ([time]) => formatGoDate('2006-01-02', asDate(time)),
  htmlDateInZone: ([time]) => formatGoDate('2006-01-02', asDate(time)),
  unixEpoch: ([time]) => String(Math.floor(asDate(time).getTime() / 1000)),
  toDate: ([, text]) => asDate(text),
  dateModify: ([, time]) => asDate(time),
  ago: () => '0s',
  duration: ([seconds]) => `${Math.trunc(Number(seconds) || 0)}s`,
  semver: ([version]) => {
    const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([\w.-]+))?/.exec(str(version));
    return {
      Major: Number(match?.[1] ?? 0),
      Minor: Number(match?.[2] ?? 0),
      Patch: Number(match?.[3] ?? 0),
      Prerelease: match?.[4] ?? '',
      Original: str(version),
    };
  },
  isMap: ([value]) => isGoMap(value),
};
