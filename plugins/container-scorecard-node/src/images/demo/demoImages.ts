import type { TestImageSpec } from '../testing/pushTestImage';

/** Where the demo's registry listens (app-config.yaml and the example annotations name it). */
export const DEMO_REGISTRY_HOST = '127.0.0.1:5050';

/** One image behind an example service, and what a newcomer should see for it. */
export interface DemoImage {
  repository: string;
  tag: string;
  /** One spec per platform; more than one pushes an OCI index. */
  platforms: TestImageSpec[];
  /** Attach cosign-style `.sig` and `.sbom` tags to the pushed digest. */
  signed?: boolean;
}

const fresh = () => new Date().toISOString();

/**
 * The demo's images, named by the `container-scorecard.io/images` annotation of the example
 * services (examples/repos/<service>/catalog-info.yaml), so the definitions' scores stay as they
 * were. Each shows a different side of the image rules.
 */
export function demoImages(): DemoImage[] {
  return [
    {
      // Lifted from a VM in 2017 and last rebuilt two years ago: root, shell-form start, no
      // health check, no provenance, unsigned.
      repository: 'northwind/legacy-billing-portal',
      tag: '2017.4',
      platforms: [
        {
          cmd: [
            '/bin/sh',
            '-c',
            'supervisord -n -c /etc/supervisor/supervisord.conf',
          ],
          created: '2024-10-15T09:30:00Z',
          layers: [
            {
              'etc/supervisor/supervisord.conf':
                '[supervisord]\nnodaemon=true\n',
            },
            { 'var/www/html/index.php': '<?php echo "invoices";\n' },
          ],
        },
      ],
    },
    {
      // The exemplary service: non-root, exec-form, health-checked, labelled, signed with an SBOM.
      repository: 'northwind/shipment-tracker-api',
      tag: '1.8.0',
      signed: true,
      platforms: [
        {
          user: '65532:65532',
          entrypoint: ['/shipment-tracker-api'],
          healthcheck: ['CMD', '/shipment-tracker-api', 'healthcheck'],
          labels: {
            'org.opencontainers.image.source':
              'https://git.northwind.example/route-planning/shipment-tracker-api',
            'org.opencontainers.image.revision':
              '4f2c9e1d7a0b3c5e8f6a2d1c0b9e8f7a6d5c4b3a',
          },
          created: fresh(),
          layers: [{ 'shipment-tracker-api': 'ELF placeholder\n' }],
        },
      ],
    },
    {
      // Built for amd64 and arm64 with OCI labels, non-root nginx, but nobody signed it.
      repository: 'northwind/storefront-web',
      tag: '3.2.1',
      platforms: ['amd64', 'arm64'].map(architecture => ({
        os: 'linux',
        architecture,
        user: '101',
        entrypoint: ['nginx', '-g', 'daemon off;'],
        healthcheck: [
          'CMD',
          'wget',
          '-q',
          '--spider',
          'http://127.0.0.1:8080/',
        ],
        labels: {
          'org.opencontainers.image.source':
            'https://git.northwind.example/storefront/storefront-web',
          'org.opencontainers.image.revision':
            '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b',
          'org.opencontainers.image.title': 'storefront-web',
        },
        created: fresh(),
        layers: [
          { 'usr/share/nginx/html/index.html': `<h1>${architecture}</h1>\n` },
        ],
      })),
    },
  ];
}
