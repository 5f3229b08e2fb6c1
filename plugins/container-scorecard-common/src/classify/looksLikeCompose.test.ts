import { parse } from 'yaml';
import {
  looksLikeComposeDocument,
  looksLikeComposeHead,
} from './looksLikeCompose';

/** Compose files as people name them freely (`stack.yml`, `docker/app.yml`). */
const COMPOSE: Record<string, string> = {
  'swarm stack with x- anchors and deploy': `version: "3.8"
x-defaults: &defaults
  restart: unless-stopped
services:
  web:
    <<: *defaults
    image: nginx:1.27
    ports: ["80:80"]
  worker:
    build:
      context: .
      dockerfile: Dockerfile.worker
networks:
  default: {}
volumes:
  data:
`,
  'services only, build as a string': `services:
  app:
    build: .
`,
  'named project with extends': `name: shop
services:
  base:
    image: python:3.12-slim
  api:
    extends: base
    command: ["uvicorn", "main:app"]
secrets:
  token:
    file: ./token.txt
`,
};

/** Files with a `services` key that are not compose files. */
const NOT_COMPOSE: Record<string, string> = {
  'GitHub Actions workflow with job services': `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
    steps:
      - uses: actions/checkout@v4
`,
  'GitHub Actions workflow whose only key is jobs': `jobs:
  test:
    services:
      redis:
        image: redis:7
`,
  'GitLab CI with a services list': `image: docker:27
services:
  - docker:27-dind
stages: [build]
build:
  script: docker build .
`,
  'GitLab CI with services and variables only': `services:
  - name: postgres:16
    alias: db
variables:
  POSTGRES_DB: test
`,
  'Helm values with per-service image mappings': `services:
  api:
    image:
      repository: ghcr.io/acme/api
      tag: 1.2.3
  web:
    image:
      repository: ghcr.io/acme/web
`,
  'Helm values with other top-level keys': `replicaCount: 2
services:
  api:
    image: ghcr.io/acme/api:1.2.3
`,
  'Kubernetes Service': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`,
  'OpenAPI document': `openapi: 3.0.0
info:
  title: services
paths:
  /services:
    get: {}
`,
  'Render blueprint (services is a list)': `services:
  - type: web
    name: api
    runtime: docker
`,
  'Lando file (services typed, no image)': `name: site
services:
  appserver:
    type: php:8.2
`,
  'Traefik dynamic configuration': `http:
  services:
    app:
      loadBalancer:
        servers:
          - url: http://app:80
`,
  'compose v1 (services at the top level)': `web:
  image: nginx
  links: [db]
db:
  image: postgres
`,
  'empty services': `services: {}
`,
  'a service that is a string': `services:
  web: nginx
`,
};

describe('looksLikeComposeDocument', () => {
  it.each(Object.entries(COMPOSE))('%s is a compose file', (_, text) => {
    expect(looksLikeComposeDocument(parse(text, { merge: true }))).toBe(true);
  });

  it.each(Object.entries(NOT_COMPOSE))('%s is not', (_, text) => {
    expect(looksLikeComposeDocument(parse(text, { merge: true }))).toBe(false);
  });

  it('rejects scalars, lists and nothing', () => {
    expect(looksLikeComposeDocument(undefined)).toBe(false);
    expect(looksLikeComposeDocument('services')).toBe(false);
    expect(looksLikeComposeDocument([{ services: {} }])).toBe(false);
  });
});

describe('looksLikeComposeHead', () => {
  it.each(Object.entries(COMPOSE))('%s is a compose file', (_, text) => {
    expect(looksLikeComposeHead(text)).toBe(true);
  });

  it.each(
    Object.entries(NOT_COMPOSE).filter(
      // Only a parse can tell an image reference from an image mapping or a v1 file's service.
      ([name]) => !name.startsWith('Helm values with per-service'),
    ),
  )('%s is not', (_, text) => {
    expect(looksLikeComposeHead(text)).toBe(false);
  });

  it('judges a head cut mid-file, with a BOM, comments and quoted keys', () => {
    const head = `\uFEFF# generated
"services": # the stack
  api:
    image: acme/api:1.0
    environment:
      A: "1`;
    expect(looksLikeComposeHead(head)).toBe(true);
  });

  it('reads past a leading document marker', () => {
    expect(looksLikeComposeHead('---\nservices:\n  a:\n    image: x\n')).toBe(
      true,
    );
  });
});
