import { defineRule } from '../framework/defineRule';
import { isTrue } from './composeHelpers';

/** Flags services whose root filesystem is writable (`read_only` not set to true). */
export const composeWritableRootFilesystem = defineRule({
  id: 'compose-writable-root-filesystem',
  pillar: 'least-privilege',
  severity: 'low',
  appliesTo: ['compose'],
  title: 'Service root filesystem is writable',
  message:
    'This service can write to its root filesystem: set `read_only: true` and mount what must be writable.',
  rationale:
    'The image is the tested artefact; a running container should not be able to change it. A read-only root filesystem stops an intruder from dropping tools or altering binaries, and it exposes state the service quietly keeps on its own layer, which would be lost on the next deploy anyway. What really needs writing gets a named volume or a tmpfs, where everybody can see it.',
  remediation: {
    description:
      'Set `read_only: true`; give scratch space a `tmpfs` and persistent data a volume.',
    before: 'services:\n  api:\n    image: acme/api:3.2',
    after:
      'services:\n  api:\n    image: acme/api:3.2\n    read_only: true\n    tmpfs:\n      - /tmp\n    volumes:\n      - uploads:/srv/uploads',
  },
  equivalents: {},
  check({ file }) {
    return file.compose.services.flatMap(service => {
      if (isTrue(service.value.read_only)) return [];
      const explicit =
        'read_only' in service.value
          ? service.locate(['read_only'])?.pairRange
          : undefined;
      return [
        {
          range: explicit ?? service.nameRange,
          message: explicit
            ? `Service "${service.name}" sets \`read_only\` to false: its root filesystem is writable.`
            : `Service "${service.name}" does not set \`read_only: true\`: its root filesystem is writable.`,
        },
      ];
    });
  },
});
