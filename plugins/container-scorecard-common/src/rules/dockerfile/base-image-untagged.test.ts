import { findingsFor, lines } from '../../testing';

const RULE = 'base-image-untagged';

describe('base-image-untagged', () => {
  it('flags an image without tag or digest', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM python', 'RUN pip install x'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('python');
  });

  it('flags an untagged image named through an ARG default', async () => {
    const findings = await findingsFor(
      RULE,
      lines('ARG BASE=debian', 'FROM $BASE'),
    );
    expect(findings).toHaveLength(1);
  });

  it('flags a registry with a port but no tag (the port is not a tag)', async () => {
    expect(
      await findingsFor(RULE, lines('FROM localhost:5000/app')),
    ).toHaveLength(1);
  });

  it.each([
    ['a tag', lines('FROM python:3.12')],
    ['a digest alone', lines(`FROM python@sha256:${'b'.repeat(64)}`)],
    ['scratch', lines('FROM scratch')],
    [
      'an earlier stage, whatever its case',
      lines('FROM golang:1.23 AS Build', 'FROM build'),
    ],
    ['an unresolved ARG', lines('ARG BASE', 'FROM $BASE')],
    [':latest (the latest-tag rule reports it)', lines('FROM python:latest')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
