import { errorIssue, type Issue } from '../../core/issue.js';
import { fail, ok, type Checked } from '../../core/result.js';
import { InstantSchema } from '../appointment.js';
import { isMedofficeExtension, medofficeExtension, type FhirExtension } from './fhirTypes.js';
import { toMilliseconds, withSeconds } from './fhirTime.js';

/**
 * The medoffice extensions carrying a slot's start and end in the patient's zone
 * (`patient-start`, `patient-end`, as `valueInstant`s to the second), when the slot has them.
 *
 * @example
 * ```ts
 * patientTimeExtensions({ patientStart: '2026-11-02T14:00:00+00:00', patientEnd: '2026-11-02T14:20:00+00:00' });
 * // [{ url: '…/patient-start', valueInstant: '2026-11-02T14:00:00+00:00' }, { url: '…/patient-end', … }]
 * ```
 */
export function patientTimeExtensions(slot: { readonly patientStart?: string | undefined; readonly patientEnd?: string | undefined }): FhirExtension[] {
  return [
    ...(slot.patientStart !== undefined ? [medofficeExtension('patient-start', { valueInstant: withSeconds(slot.patientStart) })] : []),
    ...(slot.patientEnd !== undefined ? [medofficeExtension('patient-end', { valueInstant: withSeconds(slot.patientEnd) })] : []),
  ];
}

/**
 * A FHIR Slot's start and end in the patient's zone, read from the `patient-start` and `patient-end`
 * extensions: both or neither, each an instant naming the same moment as the slot's `start` (resp.
 * `end`). Anything else is `fhir.schema` at the extension.
 *
 * @param extensions - the Slot's `extension`
 * @param start - the Slot's `start`
 * @param end - the Slot's `end`
 * @example
 * ```ts
 * slotPatientTimes(resource.extension, resource.start, resource.end); // ok({ patientStart, patientEnd }) or ok({})
 * ```
 */
export function slotPatientTimes(
  extensions: readonly FhirExtension[] | undefined,
  start: string,
  end: string,
): Checked<{ patientStart?: string; patientEnd?: string }> {
  const all = extensions ?? [];
  const read = (name: string, same: string): { at: number; value?: string; issue?: Issue } => {
    const at = all.findIndex((e) => isMedofficeExtension(e, name));
    const written = all[at]?.valueInstant;
    const value = written === undefined ? undefined : toMilliseconds(written);
    if (at < 0) return { at };
    const valid = value !== undefined && InstantSchema.safeParse(value).success && Date.parse(value) === Date.parse(same);
    return valid ? { at, value } : { at, issue: errorIssue('fhir.schema', ['extension', at], `the ${name} extension is not an instant at the slot's ${name.slice(8)}`) };
  };
  const from = read('patient-start', start);
  const to = read('patient-end', end);
  const issues = [from.issue, to.issue].filter((i): i is Issue => i !== undefined);
  if (issues.length > 0) return fail(issues);
  if (from.value === undefined && to.value === undefined) return ok({});
  if (from.value === undefined || to.value === undefined) {
    const lone = from.value === undefined ? to.at : from.at;
    return fail([errorIssue('fhir.schema', ['extension', lone], 'a slot has both patient-start and patient-end, or neither')]);
  }
  return ok({ patientStart: from.value, patientEnd: to.value });
}
