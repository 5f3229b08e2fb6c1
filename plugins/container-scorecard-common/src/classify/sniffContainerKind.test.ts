import { oversizedYamlKind, sniffContainerKind } from './sniffContainerKind';

describe('sniffContainerKind', () => {
  it.each([
    ['# syntax=docker/dockerfile:1\n\nFROM alpine:3.20\n', 'dockerfile'],
    ['\uFEFFarg BASE=debian\nfrom $BASE\n', 'dockerfile'],
    ['apiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['services:\n  web:\n    image: nginx:1.27\n', 'compose'],
  ])('%j is %s', (head, kind) => {
    expect(sniffContainerKind(head)).toBe(kind);
  });

  it.each([
    // A YAML key named like an instruction is not one.
    'from: alice\nto: bob\n',
    'Notes about this image.\n',
    'jobs:\n  test:\n    services:\n      db:\n        image: postgres\n',
    'image: docker:27\nservices:\n  - docker:27-dind\n',
    '',
  ])('%j is nothing we analyse', head => {
    expect(sniffContainerKind(head)).toBeUndefined();
  });
});

describe('oversizedYamlKind', () => {
  it('reports workloads and compose files, not other large YAML', () => {
    expect(oversizedYamlKind('apiVersion: apps/v1\nkind: StatefulSet\n')).toBe(
      'kubernetes',
    );
    expect(
      oversizedYamlKind('version: "3"\nservices:\n  db:\n    image: x\n'),
    ).toBe('compose');
    expect(
      oversizedYamlKind(
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n',
      ),
    ).toBeUndefined();
    expect(oversizedYamlKind('openapi: 3.0.0\npaths: {}\n')).toBeUndefined();
  });
});
