import { defineImageRule } from './defineImageRule';

const MB = 1024 * 1024;

/** Flags an image whose compressed layers add up to more than `maxSizeMb`. */
export const imageTooLarge = defineImageRule({
  id: 'image-too-large',
  pillar: 'minimal',
  severity: 'low',
  title: 'Image is large',
  message: 'The image is large: slower pulls and starts, more to patch.',
  rationale:
    'Every megabyte is pulled on each new node and scale-out, and everything in the image is attack surface and patch work. Large images usually carry build tools, caches or a full OS the process never uses.',
  remediation: {
    description:
      'Build in a multi-stage Dockerfile and copy only the artefact into a slim or distroless base; clean package caches in the same layer.',
    before: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]',
    after:
      'FROM golang:1.23 AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]',
  },
  options: {
    maxSizeMb: {
      type: 'number',
      default: 500,
      description:
        'Compressed size (sum of layers) above which the image is flagged, in MB.',
    },
  },
  check({ image, options }) {
    const sizeMb = image.compressedSize / MB;
    return sizeMb > options.maxSizeMb
      ? [
          {
            evidence: `compressed size: ${sizeMb.toFixed(1)} MB`,
            message: `The image is ${sizeMb.toFixed(0)} MB compressed (limit ${
              options.maxSizeMb
            } MB).`,
          },
        ]
      : [];
  },
});
