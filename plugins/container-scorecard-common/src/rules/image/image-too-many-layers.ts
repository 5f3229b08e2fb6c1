import { defineImageRule } from './defineImageRule';

/** Flags an image with more than `maxLayers` layers. */
export const imageTooManyLayers = defineImageRule({
  id: 'image-too-many-layers',
  pillar: 'minimal',
  severity: 'low',
  title: 'Image has many layers',
  message:
    'The image has many layers: files deleted in later layers still ship.',
  rationale:
    'Each layer is downloaded and unpacked separately, and a file removed in a later layer still ships in the earlier one. Many layers usually mean a long chain of RUN steps copied from a provisioning script, or a deep chain of base images.',
  remediation: {
    description:
      'Combine related RUN steps, clean up in the step that created the files, and copy only the final artefact into a fresh stage.',
    before:
      'RUN apt-get update\nRUN apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*',
    after:
      'RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*',
  },
  options: {
    maxLayers: {
      type: 'number',
      default: 40,
      description: 'Layer counts above this are flagged.',
    },
  },
  check({ image, options }) {
    return image.layerCount > options.maxLayers
      ? [
          {
            evidence: `layers: ${image.layerCount}`,
            message: `The image has ${image.layerCount} layers (limit ${options.maxLayers}).`,
          },
        ]
      : [];
  },
});
