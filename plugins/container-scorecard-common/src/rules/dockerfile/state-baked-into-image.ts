import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn, finalImageInstructions } from './helpers/dockerfileScope';
import { baseName, copyArguments } from './helpers/copySources';

/** Database files and dumps. */
const DATA_FILE =
  /\.(db|db3|sqlite|sqlite3|rdb|mdf|ldf|ibd|dump|sql\.(gz|bz2|xz|zst))$/i;
/** Official images run these scripts once, into the data volume, at first start: fine. */
const INIT_DIRECTORY = /^\/docker-entrypoint-initdb\.d(\/|$)/;

/** What a build-time command does to a database, if it creates or loads one. */
function databaseAtBuild(command: ShellCommand): string | undefined {
  const values = command.args.map(a => a.value);
  switch (command.program) {
    case 'mysqld':
    case 'mariadbd':
      return values.some(v => v.startsWith('--initialize'))
        ? `${command.program} --initialize`
        : undefined;
    case 'mysql_install_db':
    case 'mariadb-install-db':
    case 'initdb':
    case 'pg_createcluster':
    case 'mongorestore':
    case 'pg_restore':
      return command.program;
    case 'pg_ctl':
    case 'pg_ctlcluster':
      return values.some(v => v === 'init' || v === 'initdb')
        ? `${command.program} initdb`
        : undefined;
    default:
      return undefined;
  }
}

/** Flags database files copied into the image and databases initialised at build time. */
export const stateBakedIntoImage = defineRule({
  id: 'state-baked-into-image',
  pillar: 'state-outside',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Database state baked into the image',
  message:
    'Database data is put into the image at build time: keep state in a volume or an external store.',
  rationale:
    'An image is a read-only template shared by every container started from it. Data baked into it is copied into each container, where writes are lost when the container is replaced, replicas drift apart, and the data ships to everyone who can pull the image. State belongs in a volume or a database service that outlives containers.',
  remediation: {
    description:
      'Create and seed the database at run time into a volume (the official database images run /docker-entrypoint-initdb.d scripts once, on an empty volume), or use a managed database; ship schema migrations, not data files.',
    before:
      'COPY app.sqlite /app/data/app.sqlite\nRUN mysqld --initialize-insecure && mysql < /seed.sql',
    after:
      'VOLUME /app/data\nCOPY seed.sql /docker-entrypoint-initdb.d/\n# the app creates or migrates its database at start-up',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    const shipped = finalImageInstructions(model);
    for (const instruction of shipped) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD')
        continue;
      const { sources, destination } = copyArguments(model, instruction);
      if (INIT_DIRECTORY.test(destination)) continue;
      // Files fetched by URL are reference data (lookup tables), not the service's state.
      const data = sources.filter(
        s => DATA_FILE.test(baseName(s)) && !/^[a-z]+:\/\//i.test(s),
      );
      if (data.length === 0) continue;
      reports.push({
        range: instruction.range,
        message: `${instruction.keyword} bakes database data (${data.join(
          ', ',
        )}) into the image: keep it in a volume or an external store.`,
      });
    }
    for (const { command } of commandsIn(model, shipped)) {
      const action = databaseAtBuild(command);
      if (!action) continue;
      reports.push({
        range: { start: command.nameWord.range.start, end: command.range.end },
        message: `\`${action}\` runs at build time, so the database's files become part of the image: initialise it at run time into a volume.`,
      });
    }
    return reports;
  },
});
