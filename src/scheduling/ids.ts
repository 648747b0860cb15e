import { z } from 'zod';

const idText = z.string().min(1).max(128);

/** Schema of a provider id such as `dr-lee`. */
export const ProviderIdSchema = idText.brand<'ProviderId'>();
/** Identifies one provider (a clinician whose time is booked). */
export type ProviderId = z.infer<typeof ProviderIdSchema>;

/** Schema of a resource id such as `room-1` or `ultrasound`. */
export const ResourceIdSchema = idText.brand<'ResourceId'>();
/** Identifies one room or piece of equipment. */
export type ResourceId = z.infer<typeof ResourceIdSchema>;

/** Schema of an appointment type id such as `new-patient`. */
export const AppointmentTypeIdSchema = idText.brand<'AppointmentTypeId'>();
/** Identifies one appointment type. */
export type AppointmentTypeId = z.infer<typeof AppointmentTypeIdSchema>;

/** Schema of an appointment id. */
export const AppointmentIdSchema = idText.brand<'AppointmentId'>();
/** Identifies one appointment. */
export type AppointmentId = z.infer<typeof AppointmentIdSchema>;

/** Schema of a patient id. */
export const PatientIdSchema = idText.brand<'PatientId'>();
/** Identifies one patient. */
export type PatientId = z.infer<typeof PatientIdSchema>;

/** Schema of an id of an availability rule, extra-hours entry, exception or waitlist entry. */
export const EntryIdSchema = idText.brand<'EntryId'>();
/** Identifies one rule, exception or waitlist entry. */
export type EntryId = z.infer<typeof EntryIdSchema>;
