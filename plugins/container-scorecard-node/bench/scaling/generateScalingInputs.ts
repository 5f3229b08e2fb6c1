/*
 * Generated inputs for the scaling section of the engine benchmark: each shape grows one
 * dimension of a file (instructions, stages, heredocs, services, documents) while everything
 * else stays the same, so that time per line stays flat if and only if the engine is linear.
 * Each generator puts a little of everything the rules look at in every unit, so that every
 * rule does real work on every unit rather than skipping it.
 */

/** A generated file and how many units it was built from. */
export interface ScalingInput {
  path: string;
  content: string;
  lines: number;
}

/** One shape: a name and a generator of a file with `size` units. */
export interface ScalingShape {
  name: string;
  /** What `size` counts, for the printed table. */
  unit: string;
  sizes: number[];
  generate(size: number): ScalingInput;
}

function input(path: string, lines: string[]): ScalingInput {
  return { path, content: `${lines.join('\n')}\n`, lines: lines.length };
}

/** `RUN a` lines in one stage: the shape of the report (the SHELL lookup per RUN). */
export function plainRuns(size: number): ScalingInput {
  const lines = ['FROM alpine:3.19'];
  for (let i = 1; i < size; i++) {
    // A few different instructions so rules about ENV, COPY, USER and SHELL all have work.
    switch (i % 50) {
      case 10:
        lines.push(`ENV VAR_${i}=value_${i}`);
        break;
      case 20:
        lines.push(`COPY file_${i} /opt/file_${i}`);
        break;
      case 30:
        lines.push('SHELL ["/bin/sh", "-c"]');
        break;
      case 40:
        lines.push(`USER user${i}`);
        break;
      default:
        lines.push('RUN a');
    }
  }
  return input('scaling/plain/Dockerfile', lines);
}

/** RUNs of `&&` chains with pipes, redirects and package installs, one instruction per line. */
export function andChains(size: number): ScalingInput {
  const lines = ['FROM debian:12'];
  for (let i = 1; i < size; i++) {
    lines.push(
      `RUN apt-get install -y curl && curl -fsSL https://example.com/${i} | tar -x && pip install requests > /var/log/${i}.log && rm -rf /var/lib/apt/lists/*`,
    );
  }
  return input('scaling/chains/Dockerfile', lines);
}

/** Every stage built on the one before (`FROM s41 AS s42`): a deep stage chain. */
export function manyStages(size: number): ScalingInput {
  const lines = ['FROM alpine:3.19 AS s0'];
  for (let i = 1; i < size; i++) {
    if (i % 2 === 1) lines.push(`FROM s${i - 1} AS s${i + 1}`);
    else lines.push(`RUN apk add curl && echo ${i}`);
  }
  // The final stage copies from an early one, as real multi-stage builds do.
  lines.push('COPY --from=s0 /bin/sh /bin/sh', 'CMD ["/bin/sh"]');
  return input('scaling/stages/Dockerfile', lines);
}

/** RUN and COPY heredocs, the body of each a small script. */
export function heredocs(size: number): ScalingInput {
  const lines = ['FROM alpine:3.19'];
  for (let i = 1; i < size; i++) {
    if (i % 4 === 0) {
      lines.push(`COPY <<EOF /etc/conf_${i}`, `value=${i}`, 'EOF');
    } else {
      lines.push(
        'RUN <<EOF',
        `apk add curl && echo ${i} | tee /tmp/${i}`,
        'EOF',
      );
    }
  }
  return input('scaling/heredocs/Dockerfile', lines);
}

/** One RUN whose `&&` chain has `size` commands: one huge shell script. */
export function oneLongChain(size: number): ScalingInput {
  const lines = ['FROM debian:12', 'RUN set -e \\'];
  for (let i = 1; i < size; i++)
    lines.push(`    && echo ${i} | grep ${i} > /dev/null \\`);
  lines.push('    && true');
  return input('scaling/one-chain/Dockerfile', lines);
}

/** A compose file of `size` services, each with the settings compose rules read. */
export function composeServices(size: number): ScalingInput {
  const lines = ['services:'];
  for (let i = 0; i < size; i++) {
    lines.push(
      `  service-${i}:`,
      `    image: registry.example.com/team/service-${i}:1.${i}`,
      '    ports:',
      `      - "${8000 + (i % 1000)}:80"`,
      '    environment:',
      `      - LOG_LEVEL=info`,
      `      - API_TOKEN=secret-${i}`,
      '    volumes:',
      `      - ./data-${i}:/data`,
      '    cap_add:',
      '      - NET_ADMIN',
    );
  }
  return input('scaling/compose/compose.yaml', lines);
}

/** A Kubernetes file of `size` Deployment documents. */
export function kubernetesDocuments(size: number): ScalingInput {
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    lines.push(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: app-${i}`,
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels:',
      `      app: app-${i}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: app-${i}`,
      '    spec:',
      '      containers:',
      `        - name: app-${i}`,
      `          image: registry.example.com/app-${i}:latest`,
      '          ports:',
      '            - containerPort: 22',
      '          env:',
      '            - name: DB_PASSWORD',
      `              value: secret-${i}`,
      '          securityContext:',
      '            privileged: true',
      '      volumes:',
      '        - name: socket',
      '          hostPath:',
      '            path: /var/run/docker.sock',
    );
  }
  return input('scaling/k8s/manifests.yaml', lines);
}

/** Every shape of the scaling section, with the sizes the issue asks for. */
export function scalingShapes(
  options: { quick?: boolean } = {},
): ScalingShape[] {
  const dockerfileSizes = options.quick
    ? [1_000, 10_000]
    : [1_000, 10_000, 100_000];
  return [
    {
      name: 'Dockerfile: plain RUN lines',
      unit: 'instructions',
      sizes: dockerfileSizes,
      generate: plainRuns,
    },
    {
      name: 'Dockerfile: RUNs of && chains',
      unit: 'instructions',
      sizes: dockerfileSizes,
      generate: andChains,
    },
    {
      name: 'Dockerfile: many stages',
      unit: 'instructions',
      sizes: dockerfileSizes,
      generate: manyStages,
    },
    {
      name: 'Dockerfile: heredocs',
      unit: 'instructions',
      sizes: dockerfileSizes,
      generate: heredocs,
    },
    {
      name: 'Dockerfile: one RUN, long chain',
      unit: 'commands',
      sizes: dockerfileSizes,
      generate: oneLongChain,
    },
    {
      name: 'compose: services',
      unit: 'services',
      sizes: [1_000, 10_000],
      generate: composeServices,
    },
    {
      name: 'Kubernetes: Deployments',
      unit: 'documents',
      sizes: options.quick ? [1_000] : [1_000, 10_000],
      generate: kubernetesDocuments,
    },
  ];
}
