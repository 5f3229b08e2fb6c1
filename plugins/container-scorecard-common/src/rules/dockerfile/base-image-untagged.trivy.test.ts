/*
 * Trivy's published cases for DS-0001 (use-specific-tags), ported: aquasecurity/trivy-checks
 * checks/docker/latest_tag_test.rego. Trivy's one check covers both an untagged base and
 * `:latest`; here those are base-image-untagged and base-image-latest-tag, so a case agrees when
 * either of the two finds what Trivy denies, and neither does when Trivy allows. The rego inputs
 * are parsed stages; each is written as the Dockerfile that parses to it.
 * test_deny_global_arg_is_overrided_to_latest is left out: its input has an ARG inside a stage
 * before that stage's FROM, which no Dockerfile can express.
 *
 * | cases | agreed | deliberate differences                                               |
 * |    16 |     14 | 2: a stage-local ARG used in a later FROM (Docker does not see it),  |
 * |       |        |    a declared ARG that may carry the tag (`alpine$TAG`)              |
 */
import { findingsFor } from '../../testing';

const RULES = ['base-image-untagged', 'base-image-latest-tag'];
const l = (...text: string[]) => text.join('\n');

interface TrivyCase {
  name: string;
  dockerfile: string;
  trivyDenies: boolean;
  /** Why this project deliberately answers otherwise (as the rule's equivalentsNote says). */
  differs?: string;
}

const CASES: TrivyCase[] = [
  {
    name: 'test_allowed',
    dockerfile: 'FROM openjdk:8u292-oracle',
    trivyDenies: false,
  },
  {
    name: 'test_latest_tag_denied',
    dockerfile: 'FROM openjdk:latest',
    trivyDenies: true,
  },
  { name: 'test_no_tag_denied', dockerfile: 'FROM openjdk', trivyDenies: true },
  {
    name: 'test_scratch_allowed',
    dockerfile: 'FROM scratch',
    trivyDenies: false,
  },
  {
    name: 'test_with_variables_allowed',
    dockerfile: l(
      'FROM alpine:3.5',
      'ARG IMAGE=alpine:3.12',
      'FROM $IMAGE',
      'CMD ["python", "/usr/src/app/app.py"]',
    ),
    trivyDenies: false,
  },
  {
    name: 'test_with_variables_denied',
    dockerfile: l(
      'FROM alpine:3.5',
      'ARG IMAGE=all-in-one',
      'FROM $IMAGE',
      'CMD ["python", "/usr/src/app/app.py"]',
    ),
    trivyDenies: true,
    differs:
      'an ARG declared after the first FROM belongs to its stage: the next FROM sees no IMAGE (the build fails), not all-in-one',
  },
  {
    name: 'test_multi_stage_allowed',
    dockerfile: l(
      'FROM golang:1.15 as builder',
      'RUN apt-get update',
      'FROM alpine:3.13',
    ),
    trivyDenies: false,
  },
  {
    name: 'test_multi_stage_base_alias_allowed',
    dockerfile: l(
      'FROM node:14.18.1-bullseye as dependencies',
      'RUN apt-get update',
      'FROM dependencies as build',
    ),
    trivyDenies: false,
  },
  {
    name: 'test_multi_stage_denied',
    dockerfile: l(
      'FROM node:14.18.1-bullseye as dependencies',
      'RUN apt-get update',
      'FROM alpine:latest',
    ),
    trivyDenies: true,
  },
  {
    name: 'test_multi_stage_no_tag_denied',
    dockerfile: l(
      'FROM node:14.18.1-bullseye as dependencies',
      'RUN apt-get update',
      'FROM alpine',
    ),
    trivyDenies: true,
  },
  {
    name: 'test_deny_latest_tag_ref_to_global_arg_with_default_value',
    dockerfile: l('ARG TAG="latest"', 'FROM foo:${TAG}'),
    trivyDenies: true,
  },
  {
    name: 'test_allow_tag_ref_to_global_arg_without_default_value',
    dockerfile: l('ARG TAG', 'FROM foo:${TAG}'),
    trivyDenies: false,
  },
  {
    name: 'test_deny_image_ref_to_global_arg_without_default_value',
    dockerfile: l('ARG REGISTRY', 'FROM ${REGISTRY}/ubuntu'),
    trivyDenies: true,
  },
  {
    name: 'test_deny_image_ref_to_multiple_args_but_tag_latest',
    dockerfile: l(
      'ARG REPO=repo',
      'ARG IMAGE=image',
      'FROM $REPO/$IMAGE:latest',
    ),
    trivyDenies: true,
  },
  {
    name: 'test_deny_empty_tag_arg',
    dockerfile: l('ARG TAG', 'FROM alpine$TAG'),
    trivyDenies: true,
    differs:
      'TAG is declared, so --build-arg TAG=:3.20 may carry the tag: given the benefit of the doubt',
  },
  {
    name: 'test_deny_missing_tag_arg',
    dockerfile: 'FROM alpine$TAG',
    trivyDenies: true,
  },
];

async function weFind(dockerfile: string): Promise<boolean> {
  for (const rule of RULES)
    if ((await findingsFor(rule, `${dockerfile}\n`)).length > 0) return true;
  return false;
}

describe('base image rules against Trivy DS-0001 (latest_tag_test.rego)', () => {
  it.each(CASES)('$name', async ({ dockerfile, trivyDenies, differs }) => {
    expect(await weFind(dockerfile)).toBe(differs ? !trivyDenies : trivyDenies);
  });

  it('agrees on the figure its header reports', () => {
    const agreed = CASES.filter(c => !c.differs).length;
    expect({ agreed, total: CASES.length }).toEqual({ agreed: 14, total: 16 });
  });
});
