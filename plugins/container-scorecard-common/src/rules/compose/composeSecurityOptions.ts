import type { SourceRange } from '../../model/types';
import type { ComposeService } from '../../parsing/compose/composeTypes';
import { scalarText, valueRangeOf } from './composeHelpers';

/** One entry of a service's `security_opt:`, split the way Docker splits `--security-opt`. */
export interface ComposeSecurityOption {
  index: number;
  /** `no-new-privileges`, `seccomp`, `apparmor`, `label`, `systempaths`... (lower case). */
  key: string;
  /** The value after `=` (or the legacy `:`); undefined for a bare key such as `no-new-privileges`. */
  value?: string;
  /** The entry as written. */
  text: string;
  range: SourceRange;
}

/**
 * The entries of `security_opt:`. Docker splits each at the first `=`, and accepts the older `:`
 * separator when there is no `=` (`seccomp:unconfined`, `no-new-privileges:true`).
 */
export function securityOptions(
  service: ComposeService,
): ComposeSecurityOption[] {
  const options = service.value.security_opt;
  if (!Array.isArray(options)) return [];
  const entries: ComposeSecurityOption[] = [];
  options.forEach((item, index) => {
    const text = scalarText(item);
    if (text === undefined) return;
    const trimmed = text.trim();
    const equals = trimmed.indexOf('=');
    const colon = trimmed.indexOf(':');
    const cut = equals >= 0 ? equals : colon;
    entries.push({
      index,
      key: (cut >= 0 ? trimmed.slice(0, cut) : trimmed).trim().toLowerCase(),
      value: cut >= 0 ? trimmed.slice(cut + 1).trim() : undefined,
      text,
      range: valueRangeOf(service, ['security_opt', index]),
    });
  });
  return entries;
}
