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
    ['a registry variable', lines('ARG REGISTRY', 'FROM ${REGISTRY}/ubuntu')],
    ['a namespace variable', lines('ARG ORG', 'FROM $ORG/app AS run')],
    [
      'an undeclared variable, which expands to nothing',
      lines('FROM alpine$TAG'),
    ],
    [
      'an ARG declared after the first FROM (FROM cannot see it)',
      lines('FROM alpine:3.20', 'ARG TAG', 'FROM alpine$TAG'),
    ],
  ])(
    'flags a tag that is certainly missing although a variable is unresolved: %s',
    async (_name, content) => {
      const findings = await findingsFor(RULE, content);
      expect(findings).toHaveLength(1);
    },
  );

  it.each([
    ['a variable that may be the tag', lines('ARG TAG', 'FROM ubuntu:$TAG')],
    ['a variable that may be the image', lines('ARG IMAGE', 'FROM $IMAGE')],
    [
      'a variable that may carry ":tag" in the name part',
      lines('ARG TAG', 'FROM alpine$TAG'),
    ],
    [
      'a registry variable with a tag',
      lines('ARG REGISTRY', 'FROM ${REGISTRY}/ubuntu:24.04'),
    ],
    ['an undeclared variable alone (the build fails)', lines('FROM $IMAGE')],
    [
      'a stage picked by a platform argument BuildKit always defines',
      lines(
        'FROM golang:1.23 AS build-amd64',
        'FROM golang:1.23 AS build-arm64',
        'FROM build-${TARGETARCH}',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  // Ported from hadolint/hadolint test/Hadolint/Rule/DL3006Spec.hs. hadolint's ONBUILD variant
  // only wraps RUN in ONBUILD, which does not change a FROM rule: the same answer is expected.
  it.each([
    ['no untagged', lines('FROM debian'), 1],
    ['no untagged with name', lines('FROM debian AS builder'), 1],
    [
      'untagged digest is not an error',
      lines('FROM ruby@sha256:f1dbca0f5dbc9'),
      0,
    ],
    ['tagged is not an error', lines('FROM ruby:2'), 0],
    ['using args is not an error', lines('FROM ${VALUE}'), 0],
    [
      'local aliases are OK to be untagged',
      lines(
        'FROM golang:1.9.3-alpine3.7 AS build',
        'RUN foo',
        'FROM build as unit-test',
        'RUN bar',
        'FROM alpine:3.7',
        'RUN baz',
      ),
      0,
    ],
    [
      'other untagged cases are not ok',
      lines(
        'FROM golang:1.9.3-alpine3.7 AS build',
        'RUN foo',
        'FROM node as unit-test',
        'RUN bar',
        'FROM alpine:3.7',
        'RUN baz',
      ),
      1,
    ],
    ['scratch', lines('FROM scratch'), 0],
  ])('hadolint DL3006 case "%s"', async (_name, content, count) => {
    expect(await findingsFor(RULE, content)).toHaveLength(count);
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
