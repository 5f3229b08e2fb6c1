import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration for the Container Scorecard plugin. */
  containerScorecard?: {
    /**
     * When to sweep: make every entity in scope due for a scan in the shared queue, which every
     * replica's worker then works through (see docs/freshness.md). Default: every 30 minutes,
     * first sweep 10 seconds after start-up, 10 minutes timeout. With push events set up this is
     * only the safety net and can be slowed down (hours). A sweep starts on one replica at a time;
     * one that reaches its timeout stops claiming and the workers carry it on; a new sweep takes
     * first what the previous one did not reach.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** How the replicas share the scans through the database. */
    queue?: {
      /** How often each replica's worker looks for due entities. Default 10 seconds. */
      pollInterval?: HumanDuration | string;
      /**
       * How long a replica's claim on an entity lasts unless the replica renews it (it does every
       * third of it while scanning). A replica that dies holds its entities this long, then the
       * others scan them. Default 1 minute, within the 90 seconds after which a run whose
       * replicas all stopped reads as abandoned.
       */
      claimTimeout?: HumanDuration | string;
    };
    /**
     * Rescans on push events from the events backend's SCM modules (GitHub, GitLab, Bitbucket
     * Cloud): a push rescans the entities read from that repository and branch, when it changed
     * a path that can hold a container definition.
     */
    events?: {
      /** Default true (nothing happens without the events backend and an SCM module). */
      enabled?: boolean;
      /**
       * Longest age of the repository-to-entity index before a push rebuilds it from the catalog.
       * Default 5 minutes; a push no entity matches rebuilds an index older than 30 seconds.
       */
      indexMaxAge?: HumanDuration | string;
    };
    /** The organisation report and its exports. */
    reports?: {
      /**
       * How long a computed organisation report (its CSV and rule failures too) or team
       * scorecard is served again to callers whose catalog answer is identical. Default 30
       * seconds; past it the old answer is served (at most 5 minutes more) while one new one is
       * computed. Each caller's visible set (what the catalog lets them see) is remembered for
       * the same window, so a change of access reaches their reports within it. 0 reads the
       * catalog and computes on every request (concurrent identical requests still share one
       * computation). The entity scorecard is never cached.
       */
      cacheTtl?: HumanDuration | string;
    };
    /** Which catalog entities are scanned. */
    scope?: {
      /**
       * A catalog filter (as the catalog API takes it); a list means "any of". Default:
       * `{ kind: Component }`.
       */
      filter?:
        | { [key: string]: string | string[] }
        | Array<{ [key: string]: string | string[] }>;
    };
    /** Per-rule settings, by rule id: `enabled`, `severity`, `options`. */
    rules?: {
      [ruleId: string]: {
        enabled?: boolean;
        severity?: 'critical' | 'high' | 'medium' | 'low' | 'info';
        options?: { [name: string]: unknown };
      };
    };
    /** Registries images may come from, e.g. `registry.example.com` or `ghcr.io/acme`. */
    trustedRegistries?: string[];
    /** Central waivers: findings of `rule` in `paths` are shown as waived, with the reason. */
    waivers?: Array<{
      rule: string;
      paths?: string[];
      reason: string;
      /** Last day the waiver applies, YYYY-MM-DD. */
      until?: string;
    }>;
    /** Guards against files that should not be parsed. */
    limits?: {
      /** Larger files are reported as "could not analyse" without being fetched. Default 1 MiB. */
      maxFileBytes?: number;
      /** YAML documents expanding more aliases are not analysed. Default 100. */
      maxYamlAliasCount?: number;
      /**
       * Findings of one rule in one file listed, the first by position (those that cost points
       * before waived ones). The others are left out of the list, still count in the score and
       * the severity counts, and the file says how many ("findings-per-rule"). Default 100.
       */
      maxFindingsPerRule?: number;
      /**
       * YAML documents analysed per file. The ones after are counted, not parsed, and the result
       * is partial ("yaml-documents"). Default 1000.
       */
      maxYamlDocuments?: number;
      /**
       * Dockerfiles with more instructions are "could not analyse" before parsing (parsing holds
       * a few kilobytes per instruction). Default 10000.
       */
      maxDockerfileInstructions?: number;
      /**
       * Bytes a Helm chart may render to, all its templates together; beyond it the chart's
       * remaining templates are "could not analyse". Default 4194304 (4 MiB).
       */
      maxRenderedBytes?: number;
      /** Depth of nested template calls (include, template, tpl) and blocks. Default 100. */
      maxTemplateDepth?: number;
      /** Template actions executed per chart (each pipeline, each range turn). Default 1000000. */
      maxTemplateSteps?: number;
      /**
       * Entries (files and directories) looked at per repository, breadth-first from the root.
       * Beyond them the result is partial ("repository-files") and says how many were left out.
       * Default 20000.
       */
      maxRepositoryFiles?: number;
      /**
       * Bytes of file content read per entity, all files together, one file at a time
       * (Dockerfiles, then compose files, then other YAML). Files beyond the budget are not read
       * and the result is partial ("entity-bytes"). Default 20971520 (20 MiB).
       */
      maxEntityBytes?: number;
    };
    /** Days of history (daily snapshots, scan logs) to keep. Default 400. */
    retentionDays?: number;
    /** Entities scanned at the same time. Default 4. */
    concurrency?: number;
    /**
     * Longest time reading one entity's repository may take. Default 60 seconds. Analysis has
     * its own budget, `analysis.entityTimeout`, which starts when reading is done.
     */
    entityTimeout?: HumanDuration | string;
    /**
     * Analysis runs in worker threads, never on the backend's event loop, and each deadline is
     * enforced by ending the worker that passed it.
     */
    analysis?: {
      /** Worker threads. Default: one less than the available cores, at least 1. */
      workers?: number;
      /**
       * Longest time one file's analysis may take. Past it the worker is ended, the file is
       * "could not analyse" (`analysis-timeout`) and the entity's other files are analysed
       * again without it. Default 10 seconds.
       */
      fileTimeout?: HumanDuration | string;
      /**
       * Longest time one entity's analysis may take, from the moment a worker starts on it
       * (waiting for a free worker does not count). Files finished by then keep their results,
       * the others are "could not analyse" and the result is partial ("entity-timeout").
       * Default 60 seconds.
       */
      entityTimeout?: HumanDuration | string;
      /**
       * Heap limit of each worker, in MB. A worker that exceeds it is ended and the file it was
       * on is "could not analyse". Default 256.
       */
      maxOldGenerationSizeMb?: number;
    };
    /** Retries of failed reads (rate limits, server errors, timeouts). */
    retry?: {
      /** Retries after the first try. Default 3. */
      attempts?: number;
      /** First backoff in milliseconds, doubled each time. Default 1000. */
      baseDelayMs?: number;
    };
    /**
     * Directories `file:` locations may be read from (relative paths resolve against the
     * backend's working directory). Nothing outside them is ever read; none means `file:`
     * locations are not scanned.
     */
    localRoots?: string[];
    /**
     * Backstage notifications to an entity's owner when a scan finds it regressed (needs the
     * notifications backend; see docs/integrations.md). One notification per entity and change:
     * an unchanged result scanned again never notifies twice.
     */
    notifications?: {
      /**
       * Which changes notify. `all` (default): a lower grade, and unwaived critical or high
       * findings the owner was not told about before. `grade-drops`: only a lower grade.
       * `new-critical-high`: only new critical or high findings. `off`: none.
       */
      mode?: 'off' | 'grade-drops' | 'new-critical-high' | 'all';
    };
    /**
     * A `helm` binary to render charts with, instead of the built-in renderer. Each chart is
     * rendered with `<command> template release-name <chart> -f <values>...` (no shell) from a
     * private copy of the files read, one chart at a time. A run that fails, passes `timeout` or
     * writes more than `maxOutputBytes` makes the chart "could not analyse" with the reason.
     */
    helm?: {
      /** The executable, a path or a name on the backend's PATH. Unset: the built-in renderer. */
      command?: string;
      /** Longest run per chart. Default 30 seconds. */
      timeout?: HumanDuration | string;
      /** Bytes of output per chart. Default 4194304 (4 MiB). */
      maxOutputBytes?: number;
    };
    /**
     * Image inspection (docs/images.md): the images an entity's definitions run (final-stage
     * FROM, compose `image:`, Kubernetes containers) and those its `container-scorecard.io/images`
     * annotation names are read from their registries through the OCI Distribution API and
     * scored with the image rules. Off unless `enabled` is true and at least one registry is
     * listed: no registry outside `registries` is ever contacted.
     */
    images?: {
      /** Default false. */
      enabled?: boolean;
      /** The platform whose config is read from multi-platform images. Default `linux/amd64`. */
      platform?: string;
      /** The registries images may be read from. */
      registries?: Array<{
        /**
         * The host as image references write it, with the port when there is one (`ghcr.io`,
         * `docker.io` for Docker Hub, `127.0.0.1:5000`).
         */
        host: string;
        /** Basic credentials, sent to the registry or its token realm when they ask. */
        username?: string;
        /**
         * Password or access token for `username`.
         * @visibility secret
         */
        password?: string;
        /**
         * A bearer token sent as is, for registries that issue long-lived tokens.
         * @visibility secret
         */
        token?: string;
        /**
         * Other hosts this registry sends us to: its token realm and blob storage, when they are
         * not the registry itself. Docker Hub's are trusted with it.
         */
        trustedHosts?: string[];
        /** Plain HTTP; accepted for loopback hosts only (tests, the demo). */
        insecure?: boolean;
      }>;
      /**
       * Per image rule id: `enabled: false` turns it off; `options` over its defaults
       * (`image-too-old: { options: { maxAgeDays: 60 } }`).
       */
      rules?: {
        [ruleId: string]: {
          enabled?: boolean;
          options?: { [name: string]: unknown };
        };
      };
      /** Bounds on what inspection may cost; each ends in a visible "not inspected" or "could not inspect". */
      limits?: {
        /** Largest manifest or index accepted, in bytes. Default 4194304 (4 MiB). */
        maxManifestBytes?: number;
        /** Largest image config accepted, in bytes. Default 1048576 (1 MiB). */
        maxConfigBytes?: number;
        /** Images inspected per entity; the rest are listed as not inspected. Default 20. */
        maxImagesPerEntity?: number;
        /** Per registry request, the token request included. Default 15000. */
        requestTimeoutMs?: number;
      };
    };
    /** For the demo portal only. */
    demo?: {
      /**
       * A folder of earlier revisions of the example repositories (`examples/history`, each
       * revision a folder with `revision.yaml` and the files that differed). On the first scan of
       * an empty store each revision is scanned with its date as the scan time, so the demo
       * starts with a past. Refused when NODE_ENV is production, and for a folder whose parent
       * is not inside `localRoots`.
       */
      seedHistory?: string;
    };
  };
  /** The search backend's collators. */
  search?: {
    collators?: {
      /**
       * The Container Scorecard collator (`searchModuleContainerScorecardCollator`): when to
       * index every scanned entity's findings. Default every 3 hours, 15 minutes timeout.
       */
      containerScorecard?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
