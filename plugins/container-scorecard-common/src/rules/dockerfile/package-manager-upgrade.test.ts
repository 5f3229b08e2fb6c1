import { findingsFor, lines } from '../../testing';

const RULE = 'package-manager-upgrade';

const flagged = async (from: string, run: string) =>
  (await findingsFor(RULE, lines(from, run))).map(f => f.snippet);

describe('package-manager-upgrade', () => {
  it.each([
    [
      'FROM debian:12',
      'RUN apt-get update && apt-get -y upgrade',
      'apt-get -y upgrade',
    ],
    [
      'FROM debian:12',
      'RUN apt-get update && apt-get dist-upgrade -y',
      'apt-get dist-upgrade -y',
    ],
    ['FROM ubuntu:24.04', 'RUN apt full-upgrade -y', 'apt full-upgrade -y'],
    [
      'FROM debian:12',
      'RUN apt-get -o Dpkg::Options::=--force-confold upgrade -y',
      'apt-get -o Dpkg::Options::=--force-confold upgrade -y',
    ],
    [
      'FROM alpine:3.20',
      'RUN apk update && apk upgrade --no-cache',
      'apk upgrade --no-cache',
    ],
    ['FROM alpine:3.20', 'RUN apk -U upgrade', 'apk -U upgrade'],
    [
      'FROM rockylinux:9',
      'RUN yum -y update && yum clean all',
      'yum -y update',
    ],
    [
      'FROM fedora:41',
      'RUN dnf upgrade -y --refresh',
      'dnf upgrade -y --refresh',
    ],
    [
      'FROM registry.access.redhat.com/ubi9/ubi-minimal',
      'RUN microdnf update -y',
      'microdnf update -y',
    ],
    [
      'FROM opensuse/leap:15.6',
      'RUN zypper --non-interactive dup',
      'zypper --non-interactive dup',
    ],
    [
      'FROM debian:12',
      `RUN sudo sh -c 'apt-get upgrade -y'`,
      'apt-get upgrade -y',
    ],
  ])('flags %s / %s', async (from, run, snippet) => {
    expect(await flagged(from, run)).toEqual([snippet]);
  });

  it('finds the upgrade in a heredoc and with set -eux', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN <<EOF',
      'set -eux',
      'apt-get update',
      'apt-get upgrade -y',
      'EOF',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([5]);
  });

  it.each([
    [
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8',
    ],
    ['FROM debian:12', 'RUN apt-get install --only-upgrade -y openssl'],
    ['FROM debian:12', 'RUN apt-get upgrade -y openssl libssl3'],
    ['FROM alpine:3.20', 'RUN apk upgrade --no-cache busybox'],
    ['FROM alpine:3.20', 'RUN apk add --upgrade --no-cache curl'],
    ['FROM rockylinux:9', 'RUN yum update -y openssl && yum clean all'],
    ['FROM alpine:3.20', 'RUN apk update'],
    ['FROM debian:12', 'RUN echo apt-get upgrade'],
  ])('does not flag %s / %s', async (from, run) => {
    expect(await flagged(from, run)).toEqual([]);
  });

  it('does not read cmd or PowerShell on Windows images as shell', async () => {
    expect(
      await flagged(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN choco upgrade all -y; apt-get upgrade -y',
      ),
    ).toEqual([]);
  });

  it('checks every stage: a build stage is rebuilt too', async () => {
    const content = lines(
      'FROM debian:12 AS build',
      'RUN apt-get update && apt-get upgrade -y',
      'FROM gcr.io/distroless/static-debian12@sha256:6ec5aa99dc335666e79dc64e4a6c8b89c33a543a1967f20d360922a80dd21f02',
      'COPY --from=build /out /app',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([2]);
  });
});
