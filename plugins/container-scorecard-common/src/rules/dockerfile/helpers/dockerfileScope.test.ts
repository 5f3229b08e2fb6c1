import { findingsFor, lines } from '../../../testing';

/*
 * Which shell runs a RUN: the SHELL written before it in its stage, else the shell its stage
 * inherits along `FROM <earlier stage>`, else the base image's (cmd on Windows). The lookup is
 * precomputed per Dockerfile; these cases pin what it must answer. package-manager-upgrade
 * stands in for every rule reading commands through `commandsOf`.
 */

const upgradeLines = async (content: string) =>
  (await findingsFor('package-manager-upgrade', content)).map(
    f => f.range.start.line,
  );

describe('the shell in effect at an instruction', () => {
  it('follows SHELL switches within a stage, in file order', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get upgrade',
      'SHELL ["pwsh", "-Command"]',
      'RUN apt-get upgrade',
      'SHELL ["/bin/sh", "-c"]',
      'RUN apt-get upgrade',
      'SHELL ["cmd", "/S", "/C"]',
      'RUN apt-get upgrade',
    );
    expect(await upgradeLines(content)).toEqual([2, 6]);
  });

  it('inherits the last SHELL of the stage built on, through a chain of stages', async () => {
    const content = lines(
      'FROM debian:12 AS base',
      'SHELL ["/bin/sh", "-c"]',
      'SHELL ["powershell", "-Command"]',
      'RUN apt-get upgrade',
      'FROM base AS middle',
      'RUN apt-get upgrade',
      'FROM middle AS last',
      'RUN apt-get upgrade',
      'SHELL ["/bin/bash", "-c"]',
      'RUN apt-get upgrade',
      'FROM last',
      'RUN apt-get upgrade',
    );
    expect(await upgradeLines(content)).toEqual([10, 12]);
  });

  it('uses cmd on a Windows base, also in stages built on it, until a POSIX SHELL', async () => {
    const content = lines(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win',
      'RUN apt-get upgrade',
      'FROM win AS child',
      'RUN apt-get upgrade',
      'FROM child',
      'SHELL ["/bin/sh", "-c"]',
      'RUN apt-get upgrade',
      'FROM debian:12',
      'RUN apt-get upgrade',
    );
    expect(await upgradeLines(content)).toEqual([7, 9]);
  });

  it('does not take a later stage of the same name as the base', async () => {
    const content = lines(
      'FROM mcr.microsoft.com/windows/nanoserver AS x',
      'FROM x AS y',
      'RUN apt-get upgrade',
      'FROM debian:12 AS x',
      'RUN apt-get upgrade',
    );
    expect(await upgradeLines(content)).toEqual([5]);
  });
});
