/**
 * medoffice/scheduling: availability, free slots and booking that never double-books, across
 * time zones and daylight-saving changes; waitlist, urgent holds, overbooking, reminders, day
 * sheets, metrics and FHIR R4 Schedule, Slot and Appointment.
 *
 * @packageDocumentation
 */
export { APPOINTMENT_STATUSES, AppointmentSchema, AppointmentStatusSchema, InstantSchema, holdsTime } from './appointment.js';
export type { Appointment, AppointmentStatus } from './appointment.js';
export { DateSchema, ExtraHoursSchema, ScheduleExceptionSchema, WeeklyRuleSchema } from './availabilityRules.js';
export type { ExtraHours, ScheduleException, WeeklyRule } from './availabilityRules.js';
export { book, draftAppointment, nextAppointmentId } from './book.js';
export type { BookOptions, Booked } from './book.js';
export { BookingRequestSchema } from './bookingRequest.js';
export type { BookingRequest } from './bookingRequest.js';
export { bookSeries, SeriesPatternSchema } from './bookSeries.js';
export type { BookedSeries, SeriesPattern } from './bookSeries.js';
export { cancel, changeStatus, checkIn, markNoShow } from './changeStatus.js';
export { checkBooking } from './checkBooking.js';
export type { BookingCheck, BookingCheckOptions } from './checkBooking.js';
export { AppointmentTypeSchema, ProviderSchema, ResourceRequirementSchema, ResourceSchema, providerMaySee } from './clinic.js';
export type { AppointmentType, Provider, Resource, ResourceRequirement } from './clinic.js';
export { ClinicFileSchema } from './clinicFile.js';
export type { ClinicFile, ClinicFileInput } from './clinicFile.js';
export { daySheet, formatDaySheet } from './daySheet.js';
export type { DaySheet, DaySheetRow } from './daySheet.js';
export { MAX_SEARCH_DAYS, findSlots } from './findSlots.js';
export {
  AppointmentIdSchema,
  AppointmentTypeIdSchema,
  EntryIdSchema,
  PatientIdSchema,
  ProviderIdSchema,
  ResourceIdSchema,
} from './ids.js';
export type { AppointmentId, AppointmentTypeId, EntryId, PatientId, ProviderId, ResourceId } from './ids.js';
export type { Interval } from './intervals.js';
export type { LoadProfile } from './loadProfile.js';
export { providerDayMetrics } from './metrics.js';
export { MetricsRangeSchema } from './metricsRange.js';
export type { ProviderDayMetrics } from './metrics.js';
export { overbookIssues } from './overbooking.js';
export type { OverbookCheck, ShowPredictor } from './overbooking.js';
export type { Occupancy } from './occupancy.js';
export type { PatientSpan, PatientTimes } from './patientTimes.js';
export { parseSchedule } from './parseSchedule.js';
export type { Footprint } from './providerTimeline.js';
export { MAX_HORIZON_DAYS, MAX_NOTICE_MINUTES, OverbookingSchema, SchedulingPolicySchema, UrgentHoldSchema } from './policy.js';
export type { Overbooking, SchedulingPolicy, UrgentHold } from './policy.js';
export { CalendarReminderSchema, ReminderPlanSchema, planReminders } from './reminders.js';
export type { CalendarReminder, Reminder, ReminderPlan } from './reminders.js';
export { reschedule } from './reschedule.js';
export type { RescheduleTo } from './reschedule.js';
export { toClinicFile } from './schedule.js';
export type { Schedule } from './schedule.js';
export type { SchedulingIssue } from './schedulingIssue.js';
export { SCHEDULING_ISSUE_CODES } from './issueCodes.js';
export type { SchedulingIssueCode } from './issueCodes.js';
export { NowSchema, SlotQuerySchema } from './slotQuery.js';
export type { Slot, SlotQuery } from './slotQuery.js';
export { canMove, nextStatuses } from './statusTransitions.js';
export { FreedTimeSchema } from './freedTime.js';
export { fillFromWaitlist, rankWaitlist } from './waitlist.js';
export type { FreedTime, WaitlistOffer } from './waitlist.js';
export { WaitlistEntrySchema, WaitlistWindowSchema } from './waitlistEntry.js';
export type { WaitlistEntry, WaitlistWindow } from './waitlistEntry.js';
export { WallTimeSchema } from './wallTime.js';
export type { WallTime } from './wallTime.js';
export { FhirAppointmentSchema, fromFhirAppointment, toFhirAppointment } from './fhir/fhirAppointment.js';
export type { FhirAppointment } from './fhir/fhirAppointment.js';
export { FhirScheduleSchema, fromFhirSchedule, toFhirSchedule } from './fhir/fhirSchedule.js';
export type { FhirSchedule } from './fhir/fhirSchedule.js';
export { FhirSlotSchema, fromFhirSlot, toFhirSlot } from './fhir/fhirSlot.js';
export type { FhirSlot } from './fhir/fhirSlot.js';
export { APPOINTMENT_TYPE_SYSTEM, CANCELLATION_REASON_SYSTEM, MEDOFFICE_FHIR_BASE } from './fhir/fhirTypes.js';
export { checkSession, DEFAULT_WEIGHTS, ObjectiveWeightsSchema, ScheduleSessionSchema } from './optimize/session.js';
export type { ObjectiveWeights, ScheduleIssue, ScheduleIssueCode, ScheduleSession } from './optimize/session.js';
export { evaluateSchedule } from './optimize/evaluateSchedule.js';
export { MAX_CONVOLUTION_WORK, MAX_GRID_POINTS } from './optimize/gridBounds.js';
export type { EvaluateOptions, ScheduleEvaluation } from './optimize/evaluateSchedule.js';
export { planGrid } from './optimize/gridPlan.js';
export type { GridPlan } from './optimize/gridPlan.js';
export { checkProblem, MAX_OPTIMIZED_INTERVALS, MAX_OPTIMIZED_PATIENTS, OptimizeProblemSchema } from './optimize/problem.js';
export type { OptimizeProblem } from './optimize/problem.js';
export { optimizeSchedule, sessionOf } from './optimize/optimizeSchedule.js';
export type { OptimizedSchedule, OptimizeOptions } from './optimize/optimizeSchedule.js';
export { CLASSIC_RULES, classicSchedule } from './optimize/classicRules.js';
export type { ClassicRule } from './optimize/classicRules.js';
export { compareWithBaselines } from './optimize/compareBaselines.js';
export type { BaselineComparison, PolicyEvaluation } from './optimize/compareBaselines.js';
export { MAX_EXTRA_BOOKINGS, MAX_OVERBOOKING_SLOTS, overbookedSlots, OverbookingQuestionSchema, recommendOverbooking } from './optimize/overbooking.js';
export type { OverbookingAdvice, OverbookingOption, OverbookingQuestion } from './optimize/overbooking.js';
export { checkScenario, MAX_PATIENTS_PER_SESSION, MAX_PROVIDERS, MAX_ROOMS, PatientClassSchema, ScenarioSchema } from './simulate/scenario.js';
export type { Scenario, SimulationIssue, SimulationIssueCode } from './simulate/scenario.js';
export { MAX_REPLICATIONS, REPORTED_PERCENTILES, simulateSessions, summarizeKpis } from './simulate/simulateSessions.js';
export type { SimulateOptions, SimulationResult } from './simulate/simulateSessions.js';
export { KPI_NAMES } from './simulate/kpis.js';
export type { KpiColumns, KpiName } from './simulate/kpis.js';
export type { EngineChoice } from './simulate/replications.js';
export { sweepScenarios } from './simulate/sweepScenarios.js';
export type { SweepOptions, SweepResult } from './simulate/sweepScenarios.js';
export { createSimulationPool } from './simulate/simulationPool.js';
export type { SimulationPool } from './simulate/simulationPool.js';
export type { SweepTask, SweepTaskResult } from './simulate/sweepTask.js';
export { policyScenarios } from './simulate/policies.js';
export type { PolicyScenario } from './simulate/policies.js';
export { buildSimulationReport } from './simulate/report/buildReport.js';
export type { SimulationReportData } from './simulate/report/buildReport.js';
export { renderSimulationReport } from './simulate/report/renderReport.js';
export type { PolicyBar } from './simulate/report/policyChart.js';
export type { Visit } from './simulate/eventEngine.js';
