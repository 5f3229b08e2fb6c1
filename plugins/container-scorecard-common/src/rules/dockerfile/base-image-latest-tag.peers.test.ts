import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

const KICS = "Image Version Using 'latest'";
const KICS_DIR =
  'Checkmarx/kics assets/queries/dockerfile/image_version_using_latest/test';
const CHECKOV = 'CKV_DOCKER_7';
const CHECKOV_DIR =
  'bridgecrewio/checkov tests/dockerfile/checks/example_ReferenceLatestTag';
const TRIVY = 'DS-0001';
const TRIVY_TEST =
  'aquasecurity/trivy-checks checks/docker/latest_tag_test.rego';
const APP = [
  'RUN apk add --update py2-pip',
  'COPY app.py /usr/src/app/',
  'EXPOSE 5000',
  'CMD ["python", "/usr/src/app/app.py"]',
];

function dockerfileCase(
  peer: PeerCase['peer'],
  check: string,
  source: string,
  name: string,
  peerReports: boolean,
  content: string[],
  differsBecause?: string,
): PeerCase {
  return {
    peer,
    check,
    source,
    name,
    peerReports,
    content: lines(...content),
    path: 'Dockerfile',
    differsBecause,
  };
}

// The Trivy cases are the Dockerfiles its rego test inputs stand for (one stage per `Stages` entry).
const UNKNOWN_ARGUMENT =
  'a build argument with no default is supplied at build time (`--build-arg TAG=:3.20`), so the reference is unknown until then; base-image-untagged and this rule report only what the file decides';

const cases: PeerCase[] = [
  dockerfileCase(
    'kics',
    KICS,
    `${KICS_DIR}/positive1.dockerfile`,
    'FROM alpine:latest',
    true,
    ['FROM alpine:latest', ...APP],
  ),
  dockerfileCase(
    'kics',
    KICS,
    `${KICS_DIR}/positive2.dockerfile`,
    'lower-case from alpine:latest',
    true,
    [
      'from alpine:latest',
      'run apk add --update py2-pip',
      'cmd ["python", "/usr/src/app/app.py"]',
    ],
  ),
  dockerfileCase(
    'kics',
    KICS,
    `${KICS_DIR}/negative.dockerfile`,
    'a version, and latest pinned by digest',
    false,
    [
      'FROM alpine:3.5',
      ...APP,
      '',
      'FROM 923847651029.dkr.ecr.eu-west-1.amazonaws.com/echo/echo-fips:latest@sha256:a1f3c2e9b0d74682f5a3c1e8b2d09f47c6e1a3b8d2f04c7e9a1b3d5f7c2e4a6b8',
      ...APP,
    ],
  ),
  dockerfileCase(
    'kics',
    KICS,
    `${KICS_DIR}/negative2.dockerfile`,
    'lower-case from alpine:3.5',
    false,
    ['from alpine:3.5', 'run apk add --update py2-pip'],
  ),
  dockerfileCase(
    'checkov',
    CHECKOV,
    `${CHECKOV_DIR}/success/Dockerfile`,
    'alpine:3',
    false,
    ['FROM alpine:3'],
  ),
  dockerfileCase(
    'checkov',
    CHECKOV,
    `${CHECKOV_DIR}/success_arg_default_tag/Dockerfile`,
    'a tag from an ARG default',
    false,
    ['ARG BASE_IMAGE=node:18.17.0', 'FROM ${BASE_IMAGE}'],
  ),
  dockerfileCase(
    'checkov',
    CHECKOV,
    `${CHECKOV_DIR}/success_multi_stage_capital/Dockerfile`,
    'stages built on a pinned base',
    false,
    [
      'FROM alpine:3 AS base',
      'COPY test.sh /test.sh',
      '',
      'FROM base AS build',
      'LABEL maintainer=checkov',
      '',
      'FROM base',
    ],
  ),
  dockerfileCase(
    'checkov',
    CHECKOV,
    `${CHECKOV_DIR}/success_multi_stage_platform/Dockerfile`,
    'a platform flag',
    false,
    [
      'FROM --platform=$BUILDPLATFORM python:3.11-slim AS build',
      'COPY test.sh /test.sh',
      '',
      'FROM build as run',
    ],
  ),
  dockerfileCase(
    'checkov',
    CHECKOV,
    `${CHECKOV_DIR}/success_multi_stage_scratch/Dockerfile`,
    'scratch',
    false,
    ['FROM scratch as base', 'COPY test.sh /test.sh', '', 'FROM base'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_allowed`,
    'a version tag',
    false,
    ['FROM openjdk:8u292-oracle'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_latest_tag_denied`,
    'latest',
    true,
    ['FROM openjdk:latest'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_no_tag_denied`,
    'no tag',
    true,
    ['FROM openjdk'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_scratch_allowed`,
    'scratch',
    false,
    ['FROM scratch'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_multi_stage_allowed`,
    'two pinned stages',
    false,
    ['FROM golang:1.15 as builder', 'RUN apt-get update', 'FROM alpine:3.13'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_multi_stage_base_alias_allowed`,
    'a stage alias',
    false,
    [
      'FROM node:14.18.1-bullseye as dependencies',
      'RUN apt-get update',
      'FROM dependencies as build',
    ],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_multi_stage_denied`,
    'latest in a second stage',
    true,
    [
      'FROM node:14.18.1-bullseye as dependencies',
      'RUN apt-get update',
      'FROM alpine:latest',
    ],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_multi_stage_no_tag_denied`,
    'no tag in a second stage',
    true,
    [
      'FROM node:14.18.1-bullseye as dependencies',
      'RUN apt-get update',
      'FROM alpine',
    ],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_deny_latest_tag_ref_to_global_arg_with_default_value`,
    'latest through a quoted global ARG default',
    true,
    ['ARG TAG="latest"', 'FROM foo:${TAG}'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_allow_tag_ref_to_global_arg_without_default_value`,
    'a tag ARG without default',
    false,
    ['ARG TAG', 'FROM foo:${TAG}'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_deny_image_ref_to_multiple_args_but_tag_latest`,
    'latest after two ARGs',
    true,
    ['ARG REPO=repo', 'ARG IMAGE=image', 'FROM $REPO/$IMAGE:latest'],
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_deny_empty_tag_arg`,
    'a tag ARG without default glued to the name',
    true,
    ['ARG TAG', 'FROM alpine$TAG'],
    UNKNOWN_ARGUMENT,
  ),
  dockerfileCase(
    'trivy',
    TRIVY,
    `${TRIVY_TEST} test_deny_image_ref_to_global_arg_without_default_value`,
    'a registry ARG without default',
    true,
    ['ARG REGISTRY', 'FROM ${REGISTRY}/ubuntu'],
  ),
];

describe('base-image-latest-tag (with base-image-untagged) against its peers', () => {
  // Trivy DS-0001 and Checkov CKV_DOCKER_7 report latest and untagged bases in one check; this
  // project reports them as two rules, so the cases are judged on both together.
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(
        await agreesAsExpected(
          ['base-image-latest-tag', 'base-image-untagged'],
          peerCase,
        ),
      ).toBe(true);
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      [`kics ${KICS}`]: '4/4',
      [`checkov ${CHECKOV}`]: '5/5',
      [`trivy ${TRIVY}`]: '12/13',
    });
  });
});
