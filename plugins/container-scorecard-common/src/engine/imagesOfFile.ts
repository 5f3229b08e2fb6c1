import type { ImageReference } from '../model/types';
import type { ParsedFile } from '../rules/framework/ruleTypes';
import type { DockerfileModel } from '../parsing/dockerfile/dockerfileTypes';
import { rootStage } from '../rules/dockerfile/helpers/dockerfileScope';

/** The stage whose external image the final stage descends from, following `FROM <stage>`. */
function finalStageBaseIndex(model: DockerfileModel): number | undefined {
  return model.finalStage
    ? rootStage(model, model.finalStage).index
    : undefined;
}

/** The container images a file refers to, for inventories and image-level reports. */
export function imagesOfFile(file: ParsedFile): ImageReference[] {
  switch (file.kind) {
    case 'dockerfile': {
      const finalBase = finalStageBaseIndex(file.dockerfile);
      return file.dockerfile.stages
        .filter(
          stage =>
            !stage.from.isScratch &&
            stage.from.baseStageIndex === undefined &&
            stage.from.image,
        )
        .map(stage => ({
          ref: stage.from.image,
          line: stage.from.imageRange.start.line,
          ...(stage.name ? { stage: stage.name } : {}),
          ...(stage.index === finalBase ? { finalStageBase: true } : {}),
        }));
    }
    case 'compose':
      return file.compose.services.flatMap(service =>
        service.image
          ? [
              {
                ref: service.image,
                line:
                  service.locate(['image'])?.range.start.line ??
                  service.range.start.line,
              },
            ]
          : [],
      );
    case 'kubernetes':
      return file.kubernetes.workloads.flatMap(workload =>
        workload.containers.flatMap(container =>
          container.image
            ? [
                {
                  ref: container.image,
                  line:
                    container.locate(['image'])?.range.start.line ??
                    container.range.start.line,
                },
              ]
            : [],
        ),
      );
    default:
      return [];
  }
}
