import {
  pushCosignSignature,
  pushMultiPlatformImage,
  pushTestImage,
} from '../testing/pushTestImage';
import { demoImages, type DemoImage } from './demoImages';

/** What seeding did for one image. */
export interface SeededImage {
  reference: string;
  digest: string;
  /** False when the tag was there already and was left alone. */
  pushed: boolean;
}

/** The digest a tag points to, or undefined when the registry has no such tag. */
async function existingDigest(
  registryUrl: string,
  image: DemoImage,
): Promise<string | undefined> {
  const response = await fetch(
    `${registryUrl}/v2/${image.repository}/manifests/${image.tag}`,
    {
      method: 'HEAD',
      headers: {
        accept: [
          'application/vnd.oci.image.index.v1+json',
          'application/vnd.oci.image.manifest.v1+json',
        ].join(', '),
      },
    },
  ).catch(error => {
    throw new Error(
      `could not reach the demo registry at ${registryUrl}: ${
        error?.cause?.code ?? error?.cause?.message ?? error?.message ?? error
      }`,
    );
  });
  if (response.status === 404) return undefined;
  if (!response.ok) {
    throw new Error(
      `${registryUrl} answered ${response.status} for ${image.repository}:${image.tag}`,
    );
  }
  return response.headers.get('docker-content-digest') ?? undefined;
}

/** cosign's tag scheme: `sha256-<hex>.sig` and `.sbom` next to the signed digest. */
async function sign(registryUrl: string, image: DemoImage, digest: string) {
  await pushCosignSignature(registryUrl, image.repository, digest, 'sbom');
  // The signature last: its tag is what a rerun checks.
  await pushCosignSignature(registryUrl, image.repository, digest, 'sig');
}

async function hasTag(registryUrl: string, image: DemoImage, digest: string) {
  const tag = `${digest.replace(':', '-')}.sig`;
  const response = await fetch(
    `${registryUrl}/v2/${image.repository}/manifests/${tag}`,
    {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    },
  );
  return response.ok;
}

/**
 * Pushes the demo's images to a registry through its HTTP API, each only when its tag is
 * missing: a restarted demo keeps the digests (and the ages) its history was scanned with.
 */
export async function seedDemoRegistry(
  registryUrl: string,
  host: string,
): Promise<SeededImage[]> {
  const seeded: SeededImage[] = [];
  for (const image of demoImages()) {
    const reference = `${host}/${image.repository}:${image.tag}`;
    const existing = await existingDigest(registryUrl, image);
    if (existing) {
      // A seeding stopped between the image and its signature finishes the signature now.
      if (image.signed && !(await hasTag(registryUrl, image, existing)))
        await sign(registryUrl, image, existing);
      seeded.push({ reference, digest: existing, pushed: false });
      continue;
    }
    const [single] = image.platforms;
    const { digest } =
      image.platforms.length > 1
        ? await pushMultiPlatformImage(
            registryUrl,
            image.repository,
            image.tag,
            image.platforms.map(spec => ({
              ...spec,
              os: spec.os ?? 'linux',
              architecture: spec.architecture ?? 'amd64',
            })),
          )
        : await pushTestImage(registryUrl, image.repository, image.tag, single);
    if (image.signed) await sign(registryUrl, image, digest);
    seeded.push({ reference, digest, pushed: true });
  }
  return seeded;
}
