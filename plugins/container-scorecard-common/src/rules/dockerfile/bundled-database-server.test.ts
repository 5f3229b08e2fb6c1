import { findingsFor, lines } from '../../testing';

const RULE = 'bundled-database-server';

const flaggedLines = async (content: string) =>
  (await findingsFor(RULE, content)).map(f => f.range.start.line);

describe('bundled-database-server', () => {
  it.each([
    [
      'PostgreSQL with apt',
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y postgresql-16',
    ],
    [
      'MySQL with apt',
      'FROM php:8.3-apache',
      'RUN apt-get install -y mysql-server',
    ],
    [
      'MariaDB with apt',
      'FROM debian:12',
      'RUN apt-get install -y --no-install-recommends mariadb-server=1:10.11.6-0+deb12u1',
    ],
    [
      'MariaDB with apk',
      'FROM node:22-alpine',
      'RUN apk add --no-cache mariadb',
    ],
    ['Redis with apk', 'FROM node:22-alpine', 'RUN apk add redis'],
    ['Redis with apt', 'FROM ruby:3.3', 'RUN apt-get install -y redis-server'],
    ['MongoDB with dnf', 'FROM rockylinux:9', 'RUN dnf install -y mongodb-org'],
    [
      'PostgreSQL server with yum',
      'FROM centos:7',
      'RUN yum install -y postgresql16-server',
    ],
  ])('flags %s', async (_name, from, run) => {
    expect(await flaggedLines(lines(from, run, 'CMD ["/app/start"]'))).toEqual([
      2,
    ]);
  });

  it.each([
    [
      'client packages',
      'FROM python:3.12-slim',
      'RUN apt-get install -y postgresql-client libpq-dev default-mysql-client redis-tools',
    ],
    [
      'mariadb client on Alpine',
      'FROM alpine:3.20',
      'RUN apk add mariadb-client mariadb-connector-c',
    ],
  ])('does not flag %s', async (_name, from, run) => {
    expect(await flaggedLines(lines(from, run))).toEqual([]);
  });

  it('does not flag an image whose process is the database', async () => {
    expect(
      await flaggedLines(
        lines(
          'FROM debian:12',
          'RUN apt-get install -y postgresql-16',
          'USER postgres',
          'CMD ["/usr/lib/postgresql/16/bin/postgres", "-D", "/var/lib/postgresql/data"]',
        ),
      ),
    ).toEqual([]);
    expect(
      await flaggedLines(
        lines('FROM redis:7.4', 'RUN apt-get install -y redis-server'),
      ),
    ).toEqual([]);
  });

  it('does not flag a database installed in a test stage only', async () => {
    const content = lines(
      'FROM python:3.12 AS test',
      'RUN apt-get install -y postgresql',
      'RUN pytest',
      'FROM python:3.12-slim',
      'CMD ["gunicorn", "app:app"]',
    );
    expect(await flaggedLines(content)).toEqual([]);
  });

  it('recognises a database base image given through a build argument or a digest', async () => {
    expect(
      await flaggedLines(
        lines(
          'ARG BASE=postgres:16-bookworm',
          'FROM ${BASE}',
          'RUN apt-get install -y postgresql-16-pgvector postgresql-16',
        ),
      ),
    ).toEqual([]);
    expect(
      await flaggedLines(
        lines(
          'FROM mariadb@sha256:0c2a1fd1a6c1b7e0b6a50a7d3c0d1a1c2b3c4d5e6f708192a3b4c5d6e7f80912',
          'RUN apt-get install -y mariadb-server',
        ),
      ),
    ).toEqual([]);
  });

  it('ignores FROM scratch images, which install nothing', async () => {
    expect(
      await flaggedLines(
        lines('FROM scratch', 'COPY app /app', 'CMD ["/app"]'),
      ),
    ).toEqual([]);
  });
});
