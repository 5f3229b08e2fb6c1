import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  commandsIn,
  commandsOf,
  effectiveStartInstructions,
  finalImageInstructions,
  rootStage,
} from './helpers/dockerfileScope';
import { osPackageInstall, packageName } from './helpers/packageCommands';

/** OS packages that install a database server (clients and libraries do not match). */
const SERVER_PACKAGES: readonly RegExp[] = [
  /^mysql-server(-[\d.]+)?$/,
  /^(mysql-community-server|percona-server-server)(-.*)?$/,
  /^mariadb-server(-[\d.]+)?$/,
  /^postgresql(-?\d+(\.\d+)?)?(-server)?$/,
  /^mongodb(-org)?(-server)?$/,
  /^redis(-server)?$/,
  /^valkey(-server)?$/,
];
/** Alpine names the servers after the product. */
const APK_SERVER_PACKAGES = /^(mariadb|mysql)$/;

/** Server programs: when the container's own process is one, the image is a database image. */
const SERVER_PROGRAMS =
  /^(mysqld|mysqld_safe|mariadbd|mariadbd-safe|postgres|pg_ctl|pg_ctlcluster|mongod|redis-server|valkey-server)$/;
/** Official database images: building on them makes a database image, not an app image. */
const DATABASE_BASES =
  /(^|\/)(mysql|mariadb|postgres|postgis\/postgis|mongo|redis|valkey\/valkey|percona|bitnami\/(mysql|mariadb|postgresql|mongodb|redis))$/;

function serverPackage(command: ShellCommand): string | undefined {
  const install = osPackageInstall(command);
  if (!install) return undefined;
  return install.packages
    .map(p => packageName(p.value))
    .find(
      name =>
        SERVER_PACKAGES.some(pattern => pattern.test(name)) ||
        (install.manager === 'apk' && APK_SERVER_PACKAGES.test(name)),
    );
}

/**
 * Flags a database server installed into an image whose own process is something else (an
 * application): the database should be its own container or a managed service.
 */
export const bundledDatabaseServer = defineRule({
  id: 'bundled-database-server',
  pillar: 'one-concern',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'Database server bundled with the application',
  message:
    'The image installs a database server next to the application: run the database as its own container or service.',
  rationale:
    'An application and its database have different lives: the app is stateless and replaced on every deploy, the database holds state and must outlive it. In one container they scale together (each replica gets its own empty database), restart together, and the data lives in a filesystem that is thrown away with the container.',
  remediation: {
    description:
      'Remove the server package. Run the database from its official image as a separate service (compose, a StatefulSet) or use a managed database, and pass its address to the app through the environment.',
    before:
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y postgresql\nCMD ["gunicorn", "app:app"]',
    after:
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nCMD ["gunicorn", "app:app"]\n# compose: a separate "db" service from the postgres image',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    if (model.finalStage) {
      const base = rootStage(model, model.finalStage).from;
      if (DATABASE_BASES.test(base.repository.replace(/^library\//, '')))
        return [];
    }
    const runsServer = effectiveStartInstructions(model).some(instruction =>
      commandsOf(model, instruction).some(c => SERVER_PROGRAMS.test(c.program)),
    );
    if (runsServer) return [];
    const reports: RuleReport[] = [];
    for (const { command } of commandsIn(
      model,
      finalImageInstructions(model),
    )) {
      const name = serverPackage(command);
      if (!name) continue;
      reports.push({
        range: { start: command.nameWord.range.start, end: command.range.end },
        message: `The image installs the database server "${name}" next to the application: run the database as its own container or use a managed service.`,
      });
    }
    return reports;
  },
});
