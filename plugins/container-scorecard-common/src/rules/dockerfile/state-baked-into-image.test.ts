import { findingsFor, lines } from '../../testing';

const RULE = 'state-baked-into-image';

const flaggedLines = async (...text: string[]) =>
  (await findingsFor(RULE, lines('FROM python:3.12-slim', ...text))).map(
    f => f.range.start.line,
  );

describe('state-baked-into-image', () => {
  it.each([
    'COPY app.sqlite3 /app/data/',
    'COPY data/app.db /app/data/app.db',
    'ADD backup/prod.dump /srv/',
    'COPY seed.sql.gz /tmp/',
    'COPY ["db.sqlite", "/app/"]',
    'COPY redis/dump.rdb /data/',
  ])('flags %s', async text => {
    expect(await flaggedLines(text)).toEqual([2]);
  });

  it.each([
    ['mysqld --initialize', 'RUN mysqld --initialize-insecure --user=mysql'],
    [
      'mysql_install_db',
      'RUN mysql_install_db --user=mysql --datadir=/var/lib/mysql',
    ],
    ['initdb in sh -c', 'RUN sh -c "initdb -D /var/lib/postgresql/data"'],
    ['pg_ctl initdb behind gosu', 'RUN gosu postgres pg_ctl initdb -D /data'],
    [
      'a restore in a chain',
      'RUN set -eux; service postgresql start; pg_restore -d app /tmp/app.dump',
    ],
  ])('flags %s at build time', async (_name, run) => {
    expect(await flaggedLines(run)).toEqual([2]);
  });

  it.each([
    [
      'seed scripts for the official image',
      'COPY init.sql.gz /docker-entrypoint-initdb.d/',
    ],
    ['schema migrations', 'COPY migrations/ /app/migrations/'],
    ['plain SQL files', 'COPY schema.sql /app/'],
    ['a database client', 'RUN apt-get install -y sqlite3=3.40.1-2'],
    ['mysqld as the process', 'CMD ["mysqld", "--initialize-insecure"]'],
    [
      'a GeoIP database (not state)',
      'COPY GeoLite2-City.mmdb /usr/share/geoip/',
    ],
    [
      'a lookup table fetched by URL',
      'ADD https://example.org/macvendor.db /macvendor.db',
    ],
  ])('does not flag %s', async (_name, text) => {
    expect(await flaggedLines(text)).toEqual([]);
  });

  it('ignores build stages that are not shipped', async () => {
    const content = lines(
      'FROM python:3.12 AS test',
      'COPY fixtures/test.db /tmp/',
      'FROM python:3.12-slim',
      'COPY --from=test /app /app',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
