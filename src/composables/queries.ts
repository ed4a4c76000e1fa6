/**
 * Read functions for views and components (they never import src/db). Reads only: every write goes
 * through src/commands, which stamps provenance.
 * The Digitale Agenda's and the Leistungsinventar's reads are in strategy-queries.ts (only their
 * screens load them).
 */
export { getAssessment, listAssessmentsOf, listAssessmentsOfRound } from '@/db/assessments'
export { lastOpenAssessment, listSummariesOfRound } from '@/db/summaries'
export { getDepartment, listDepartments } from '@/db/departments'
export { getRound, listRounds } from '@/db/rounds'
export { listOrganisations } from '@/db/organisations'
export { catalogUsage, listStoredCatalogs } from '@/db/catalogs'
export { backupStatus } from '@/db/backup-status'
export { quarantineList, storedDataCheckDue } from '@/db/quarantine'
export { syncWanted } from '@/db/sync-settings'
