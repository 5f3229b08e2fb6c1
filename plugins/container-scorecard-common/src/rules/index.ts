import type { ScorecardRule } from './framework/ruleTypes';
import { addInsteadOfCopy } from './dockerfile/add-instead-of-copy';
import { addRemoteUrlWithoutChecksum } from './dockerfile/add-remote-url-without-checksum';
import { apkAddUnpinnedPackages } from './dockerfile/apk-add-unpinned-packages';
import { apkAddWithoutNoCache } from './dockerfile/apk-add-without-no-cache';
import { aptGetMissingNoInstallRecommends } from './dockerfile/apt-get-missing-no-install-recommends';
import { aptGetUnpinnedPackages } from './dockerfile/apt-get-unpinned-packages';
import { aptListsNotCleaned } from './dockerfile/apt-lists-not-cleaned';
import { baseImageLatestTag } from './dockerfile/base-image-latest-tag';
import { baseImageUntagged } from './dockerfile/base-image-untagged';
import { bundledDatabaseServer } from './dockerfile/bundled-database-server';
import { cdInsteadOfWorkdir } from './dockerfile/cd-instead-of-workdir';
import { compiledStackWithoutMultiStage } from './dockerfile/compiled-stack-without-multi-stage';
import { consecutiveRunInstructions } from './dockerfile/consecutive-run-instructions';
import { cronDaemonInContainer } from './dockerfile/cron-daemon-in-container';
import { curlPipeToShell } from './dockerfile/curl-pipe-to-shell';
import { debugToolsInFinalStage } from './dockerfile/debug-tools-in-final-stage';
import { dockerfileTooComplex } from './dockerfile/dockerfile-too-complex';
import { exposeSshPort } from './dockerfile/expose-ssh-port';
import { fullOsBaseImage } from './dockerfile/full-os-base-image';
import { hardcodedEnvironmentEndpoint } from './dockerfile/hardcoded-environment-endpoint';
import { lastUserRoot } from './dockerfile/last-user-root';
import { logsWrittenToFiles } from './dockerfile/logs-written-to-files';
import { missingHealthcheck } from './dockerfile/missing-healthcheck';
import { multipleCmdInstructions } from './dockerfile/multiple-cmd-instructions';
import { multipleEntrypointInstructions } from './dockerfile/multiple-entrypoint-instructions';
import { noUserInFinalStage } from './dockerfile/no-user-in-final-stage';
import { nonNumericUser } from './dockerfile/non-numeric-user';
import { packageManagerUpgrade } from './dockerfile/package-manager-upgrade';
import { pipInstallUnpinnedPackages } from './dockerfile/pip-install-unpinned-packages';
import { pipeWithoutPipefail } from './dockerfile/pipe-without-pipefail';
import { pointlessContainerCommands } from './dockerfile/pointless-container-commands';
import { processSupervisor } from './dockerfile/process-supervisor';
import { secretBuildArgUsedInRun } from './dockerfile/secret-build-arg-used-in-run';
import { secretFileCopied } from './dockerfile/secret-file-copied';
import { secretInEnvOrArg } from './dockerfile/secret-in-env-or-arg';
import { shellFormCmd } from './dockerfile/shell-form-cmd';
import { shellWrapperWithoutExec } from './dockerfile/shell-wrapper-without-exec';
import { sshdInContainer } from './dockerfile/sshd-in-container';
import { sshHostKeysInImage } from './dockerfile/ssh-host-keys-in-image';
import { stateBakedIntoImage } from './dockerfile/state-baked-into-image';
import { sudoInRun } from './dockerfile/sudo-in-run';
import { worldWritablePermissions } from './dockerfile/world-writable-permissions';
import { dnfCacheNotCleaned } from './dockerfile/dnf-cache-not-cleaned';
import { pipInstallWithoutNoCacheDir } from './dockerfile/pip-install-without-no-cache-dir';
import { wgetAndCurlBothUsed } from './dockerfile/wget-and-curl-both-used';
import { yarnCacheNotCleaned } from './dockerfile/yarn-cache-not-cleaned';
import { yumCacheNotCleaned } from './dockerfile/yum-cache-not-cleaned';
import { zypperCacheNotCleaned } from './dockerfile/zypper-cache-not-cleaned';
import { dnfInstallUnpinnedPackages } from './dockerfile/dnf-install-unpinned-packages';
import { gemInstallUnpinnedPackages } from './dockerfile/gem-install-unpinned-packages';
import { goInstallUnpinnedPackages } from './dockerfile/go-install-unpinned-packages';
import { npmInstallUnpinnedPackages } from './dockerfile/npm-install-unpinned-packages';
import { yumInstallUnpinnedPackages } from './dockerfile/yum-install-unpinned-packages';
import { zypperInstallUnpinnedPackages } from './dockerfile/zypper-install-unpinned-packages';
import { tlsVerificationDisabled } from './dockerfile/tls-verification-disabled';
import { missingDockerignore } from './repository/missing-dockerignore';
import { perEnvironmentDockerfiles } from './repository/per-environment-dockerfiles';
import { composeAddedCapabilities } from './compose/compose-added-capabilities';
import { composeDockerSocketMount } from './compose/compose-docker-socket-mount';
import { composeHostNamespaces } from './compose/compose-host-namespaces';
import { composeImageNotPinned } from './compose/compose-image-not-pinned';
import { composeMissingHealthcheck } from './compose/compose-missing-healthcheck';
import { composeMissingResourceLimits } from './compose/compose-missing-resource-limits';
import { composePrivileged } from './compose/compose-privileged';
import { composeSecretsInEnvironment } from './compose/compose-secrets-in-environment';
import { composeSshPort } from './compose/compose-ssh-port';
import { composeWritableRootFilesystem } from './compose/compose-writable-root-filesystem';
import { composeNoNewPrivileges } from './compose/compose-no-new-privileges';
import { composePidsLimitUnset } from './compose/compose-pids-limit-unset';
import { composePortsAllInterfaces } from './compose/compose-ports-all-interfaces';
import { composeSecurityProfileDisabled } from './compose/compose-security-profile-disabled';
import { composeSensitiveHostMount } from './compose/compose-sensitive-host-mount';
import { k8sCapabilitiesNotDropped } from './kubernetes/k8s-capabilities-not-dropped';
import { k8sDockerSocketMount } from './kubernetes/k8s-docker-socket-mount';
import { k8sHostNamespaces } from './kubernetes/k8s-host-namespaces';
import { k8sHostPathVolume } from './kubernetes/k8s-host-path-volume';
import { k8sImageNotPinned } from './kubernetes/k8s-image-not-pinned';
import { k8sMissingProbes } from './kubernetes/k8s-missing-probes';
import { k8sMissingResourceLimits } from './kubernetes/k8s-missing-resource-limits';
import { k8sPrivilegeEscalation } from './kubernetes/k8s-privilege-escalation';
import { k8sPrivilegedContainer } from './kubernetes/k8s-privileged-container';
import { k8sRunAsRoot } from './kubernetes/k8s-run-as-root';
import { k8sSecretsInEnv } from './kubernetes/k8s-secrets-in-env';
import { k8sSshPort } from './kubernetes/k8s-ssh-port';
import { k8sWritableRootFilesystem } from './kubernetes/k8s-writable-root-filesystem';
import { k8sApparmorUnconfined } from './kubernetes/k8s-apparmor-unconfined';
import { k8sHostPort } from './kubernetes/k8s-host-port';
import { k8sHostProcess } from './kubernetes/k8s-host-process';
import { k8sProcMountUnmasked } from './kubernetes/k8s-proc-mount-unmasked';
import { k8sRootGroup } from './kubernetes/k8s-root-group';
import { k8sSeccompUnconfined } from './kubernetes/k8s-seccomp-unconfined';
import { k8sServiceAccountTokenAutomount } from './kubernetes/k8s-service-account-token-automount';
import { k8sUnsafeSysctls } from './kubernetes/k8s-unsafe-sysctls';
import { k8sProbePortNotExposed } from './kubernetes/k8s-probe-port-not-exposed';

/**
 * Every scorecard rule, registered here once. Add a rule by creating its file under
 * `rules/<applies-to>/<rule-id>.ts` with its test next to it, then listing it below.
 *
 * @public
 */
export const allRules: readonly ScorecardRule[] = [
  // Dockerfiles
  addInsteadOfCopy,
  addRemoteUrlWithoutChecksum,
  apkAddUnpinnedPackages,
  apkAddWithoutNoCache,
  aptGetMissingNoInstallRecommends,
  aptGetUnpinnedPackages,
  aptListsNotCleaned,
  baseImageLatestTag,
  baseImageUntagged,
  bundledDatabaseServer,
  cdInsteadOfWorkdir,
  compiledStackWithoutMultiStage,
  consecutiveRunInstructions,
  cronDaemonInContainer,
  curlPipeToShell,
  debugToolsInFinalStage,
  dockerfileTooComplex,
  exposeSshPort,
  fullOsBaseImage,
  hardcodedEnvironmentEndpoint,
  lastUserRoot,
  logsWrittenToFiles,
  missingHealthcheck,
  multipleCmdInstructions,
  multipleEntrypointInstructions,
  noUserInFinalStage,
  nonNumericUser,
  packageManagerUpgrade,
  pipInstallUnpinnedPackages,
  pipeWithoutPipefail,
  pointlessContainerCommands,
  processSupervisor,
  secretBuildArgUsedInRun,
  secretFileCopied,
  secretInEnvOrArg,
  shellFormCmd,
  shellWrapperWithoutExec,
  sshdInContainer,
  sshHostKeysInImage,
  stateBakedIntoImage,
  sudoInRun,
  worldWritablePermissions,
  dnfCacheNotCleaned,
  pipInstallWithoutNoCacheDir,
  wgetAndCurlBothUsed,
  yarnCacheNotCleaned,
  yumCacheNotCleaned,
  zypperCacheNotCleaned,
  dnfInstallUnpinnedPackages,
  gemInstallUnpinnedPackages,
  goInstallUnpinnedPackages,
  npmInstallUnpinnedPackages,
  yumInstallUnpinnedPackages,
  zypperInstallUnpinnedPackages,
  tlsVerificationDisabled,
  // Repositories (several files together)
  missingDockerignore,
  perEnvironmentDockerfiles,
  // Compose files
  composeAddedCapabilities,
  composeDockerSocketMount,
  composeHostNamespaces,
  composeImageNotPinned,
  composeMissingHealthcheck,
  composeMissingResourceLimits,
  composePrivileged,
  composeSecretsInEnvironment,
  composeSshPort,
  composeWritableRootFilesystem,
  composeNoNewPrivileges,
  composePidsLimitUnset,
  composePortsAllInterfaces,
  composeSecurityProfileDisabled,
  composeSensitiveHostMount,
  // Kubernetes manifests
  k8sCapabilitiesNotDropped,
  k8sDockerSocketMount,
  k8sHostNamespaces,
  k8sHostPathVolume,
  k8sImageNotPinned,
  k8sMissingProbes,
  k8sMissingResourceLimits,
  k8sPrivilegeEscalation,
  k8sPrivilegedContainer,
  k8sRunAsRoot,
  k8sSecretsInEnv,
  k8sSshPort,
  k8sWritableRootFilesystem,
  k8sApparmorUnconfined,
  k8sHostPort,
  k8sHostProcess,
  k8sProcMountUnmasked,
  k8sRootGroup,
  k8sSeccompUnconfined,
  k8sServiceAccountTokenAutomount,
  k8sUnsafeSysctls,
  k8sProbePortNotExposed,
];
