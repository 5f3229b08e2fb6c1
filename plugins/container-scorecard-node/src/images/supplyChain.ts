import type { ImageSupplyChain } from '@container-scorecard/plugin-container-scorecard-common';
import { MANIFEST_ACCEPT, MEDIA_TYPES, parseManifest } from './manifests';
import type { RegistryHttp } from './registryHttp';

const SIGNATURE = /cosign\.artifact\.sig|notary\.signature|sigstore\.bundle/i;
const SBOM = /spdx|cyclonedx|sbom|syft/i;
const ATTESTATION = /in-toto|dsse|provenance/i;

/**
 * Signatures, SBOMs and attestations attached to `digest`: first the OCI referrers API
 * (distribution-spec 1.1), then cosign's tag scheme (`sha256-<hex>.sig`, `.sbom`, `.att`) that
 * registries without the API, and cosign by default, still use.
 */
export async function findSupplyChain(
  http: RegistryHttp,
  repository: string,
  digest: string,
  maxManifestBytes: number,
): Promise<ImageSupplyChain> {
  const referrers = await http.request({
    path: `/v2/${repository}/referrers/${digest}`,
    accept: MEDIA_TYPES.ociIndex,
    repository,
    maxBytes: maxManifestBytes,
    what: 'referrers index',
  });
  if (referrers.status === 200) {
    const found = fromReferrers(
      referrers.body,
      referrers.headers.get('content-type'),
    );
    if (found && (found.signed || found.sbom || found.attestation))
      return found;
  }
  const tagPrefix = digest.replace(':', '-');
  const [signed, sbom, attestation] = await Promise.all(
    ['sig', 'sbom', 'att'].map(async suffix => {
      const response = await http.request({
        path: `/v2/${repository}/manifests/${tagPrefix}.${suffix}`,
        method: 'HEAD',
        accept: MANIFEST_ACCEPT,
        repository,
        maxBytes: 0,
        what: `cosign .${suffix} manifest`,
      });
      return response.status === 200;
    }),
  );
  return { signed, sbom, attestation, via: 'cosign-tags' };
}

/** Reads the referrers index; undefined when it is not one (then the tag scheme decides). */
function fromReferrers(
  body: Buffer,
  contentType: string | null,
): ImageSupplyChain | undefined {
  try {
    const parsed = parseManifest(body, contentType);
    if (parsed.kind !== 'index') return undefined;
    const types = parsed.manifests.map(
      m => m.artifactType ?? m.mediaType ?? '',
    );
    return {
      signed: types.some(type => SIGNATURE.test(type)),
      sbom: types.some(type => SBOM.test(type)),
      attestation: types.some(type => ATTESTATION.test(type)),
      via: 'referrers',
    };
  } catch {
    return undefined;
  }
}
