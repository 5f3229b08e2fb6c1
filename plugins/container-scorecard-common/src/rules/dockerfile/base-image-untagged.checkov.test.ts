/*
 * Checkov's published examples for the untagged-base checks, ported: bridgecrewio/checkov
 * tests/dockerfile/checks/example_ReferenceLatestTag/* (CKV_DOCKER_7, test_ReferenceLatestTag.py;
 * its failure examples are not in the stored tree and are left out) and
 * tests/dockerfile/checks/example_SpecifyImageVersion/* (CKV_DOCKER_10,
 * test_SpecifyImageVersion.py).
 *
 * | examples | agreed | deliberate differences |
 * |        8 |      8 | none                   |
 */
import { findingsFor } from '../../testing';

const RULE = 'base-image-untagged';

const EXAMPLES: {
  check: string;
  path: string;
  dockerfile: string;
  fails: boolean;
}[] = [
  {
    check: 'CKV_DOCKER_7',
    path: 'success/Dockerfile',
    dockerfile: 'FROM alpine:3',
    fails: false,
  },
  {
    check: 'CKV_DOCKER_7',
    path: 'success_arg_default_tag/Dockerfile',
    dockerfile: 'ARG BASE_IMAGE=node:18.17.0\nFROM ${BASE_IMAGE}',
    fails: false,
  },
  {
    check: 'CKV_DOCKER_7',
    path: 'success_multi_stage_capital/Dockerfile',
    dockerfile:
      'FROM alpine:3 AS base\nCOPY test.sh /test.sh\n\nFROM base AS build\nLABEL maintainer=checkov\n\nFROM base',
    fails: false,
  },
  {
    check: 'CKV_DOCKER_7',
    path: 'success_multi_stage_platform/Dockerfile',
    dockerfile:
      'FROM --platform=$BUILDPLATFORM python:3.11-slim AS build\nCOPY test.sh /test.sh\n\nFROM build as run\nLABEL maintainer=checkov',
    fails: false,
  },
  {
    check: 'CKV_DOCKER_7',
    path: 'success_multi_stage_scratch/Dockerfile',
    dockerfile:
      'FROM scratch as base\nCOPY test.sh /test.sh\n\nFROM base\nLABEL maintainer=checkov',
    fails: false,
  },
  {
    check: 'CKV_DOCKER_10',
    path: 'failure/Dockerfile',
    dockerfile:
      'FROM alpine\nRUN apk add --update py2-pip\nCOPY app.py /usr/src/app/\nCMD ["python", "/usr/src/app/app.py"]',
    fails: true,
  },
  {
    check: 'CKV_DOCKER_10',
    path: 'success/Dockerfile',
    dockerfile:
      'FROM alpine:3.14\nRUN apk add --update py2-pip\nCOPY app.py /usr/src/app/\nCMD ["python", "/usr/src/app/app.py"]',
    fails: false,
  },
  {
    check: 'CKV_DOCKER_10',
    path: 'success/Dockerfile.scratch',
    dockerfile: 'FROM scratch',
    fails: false,
  },
];

describe('base-image-untagged against Checkov CKV_DOCKER_7 and CKV_DOCKER_10 examples', () => {
  it.each(EXAMPLES)('$check $path', async ({ dockerfile, fails }) => {
    const findings = await findingsFor(RULE, `${dockerfile}\n`);
    expect(findings.length > 0).toBe(fails);
  });
});
