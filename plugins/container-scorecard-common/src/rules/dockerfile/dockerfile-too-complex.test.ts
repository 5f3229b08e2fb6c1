import { createTestEngine, findingsFor, lines } from '../../testing';

const RULE = 'dockerfile-too-complex';

describe('dockerfile-too-complex', () => {
  it('flags too many instructions at the first one past the limit', async () => {
    const content = lines(
      'FROM debian:12',
      ...Array.from({ length: 60 }, (_, i) => `ENV V${i}=${i}`),
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(61);
    expect(findings[0].message).toContain('61 instructions');
  });

  it('flags a RUN with too many commands, counting sh -c and heredoc bodies', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `echo ${i}`);
    const content = lines(
      'FROM debian:12',
      `RUN set -eux; \\`,
      `    ${many.slice(0, 25).join(' && ')} && \\`,
      `    sh -c '${many.slice(25).join('; ')}'`,
      'RUN <<EOF',
      ...many.slice(0, 20),
      'EOF',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
    expect(findings[0].message).toContain('52 commands');
  });

  it('flags too many stages at the first stage past the limit', async () => {
    const content = lines(
      ...Array.from({ length: 7 }, (_, i) => `FROM alpine:3.20 AS s${i}`),
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([7]);
  });

  it('takes its limits from options', async () => {
    const engine = await createTestEngine({
      config: {
        rules: {
          [RULE]: {
            options: { maxInstructions: 3, maxRunCommands: 1, maxStages: 1 },
          },
        },
      },
    });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: lines('FROM a AS x', 'RUN a && b', 'FROM b', 'RUN c'),
    });
    expect(
      result.findings
        .filter(f => f.ruleId === RULE)
        .map(f => f.range.start.line),
    ).toEqual([2, 3, 4]);
  });

  it('does not flag an ordinary Dockerfile', async () => {
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM node:22 AS build',
          'WORKDIR /app',
          'COPY . .',
          'RUN npm ci && npm run build',
          'FROM node:22-slim',
          'COPY --from=build /app/dist /app',
          'USER node',
          'CMD ["node", "/app/main.js"]',
        ),
      ),
    ).toEqual([]);
  });

  it('does not count PowerShell RUN text as shell commands', async () => {
    const script = Array.from(
      { length: 60 },
      (_, i) => `Write-Host ${i};`,
    ).join(' ');
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
          'SHELL ["powershell", "-Command"]',
          `RUN ${script}`,
        ),
      ),
    ).toEqual([]);
  });
});
