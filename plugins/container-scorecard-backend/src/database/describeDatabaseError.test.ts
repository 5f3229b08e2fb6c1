import { describeDatabaseError } from './describeDatabaseError';

describe('describeDatabaseError', () => {
  it('says the database could not be reached, naming no address', () => {
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 10.1.2.3:5432'),
      { code: 'ECONNREFUSED', address: '10.1.2.3', port: 5432 },
    );
    expect(describeDatabaseError(refused)).toBe(
      'the database could not be reached',
    );
    expect(
      describeDatabaseError(
        new Error(
          'Knex: Timeout acquiring a connection. The pool is probably full.',
        ),
      ),
    ).toBe('the database could not be reached');
    expect(
      describeDatabaseError(
        Object.assign(new Error('terminating connection'), { code: '57P01' }),
      ),
    ).toBe('the database could not be reached');
  });

  it("keeps the driver's reason without knex's SQL and bound values", () => {
    const tooLong = Object.assign(
      new Error(
        'insert into "container_scorecard_entities" ("title") values ($1) - value too long for type character varying(255)',
      ),
      { code: '22001' },
    );
    expect(describeDatabaseError(tooLong)).toBe(
      'the database refused it (value too long for type character varying(255))',
    );
  });

  it('removes addresses and bounds the length of what it keeps', () => {
    const text = describeDatabaseError(
      new Error(
        `select 1 - could not connect to postgresql://admin:secret@db.internal:5432/prod or 192.168.0.7:5432 ${'x'.repeat(
          500,
        )}`,
      ),
    );
    expect(text).not.toMatch(/secret|db\.internal|192\.168|admin/);
    expect(text.length).toBeLessThan(260);
  });

  it('falls back to a generic description', () => {
    expect(describeDatabaseError(undefined)).toBe(
      'an unexpected database error occurred',
    );
  });
});
