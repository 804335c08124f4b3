/**
 * The municipal methodical asset (муниципальный методический актив, seed 004): who is
 * eligible (ASSET-3.1) and why, screening a district's teachers, membership as a decider,
 * the asset's activities (ASSET-4.1) and the read model that keeps supported teachers'
 * data confidential (ASSET-5.2). Clause-to-file map: `README.md` beside this file.
 *
 * @module
 */
export * as Activity from "./Activity.ts"
export * as Eligibility from "./Eligibility.ts"
export * as Explanation from "./Explanation.ts"
export * as Membership from "./Membership.ts"
export * as Messages from "./Messages.ts"
export * as Roster from "./Roster.ts"
export * as Screening from "./Screening.ts"
