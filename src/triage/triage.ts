// Triage reads a case through the understanding engine (src/understanding/) and keeps the keys the
// workflow, the back office and `npm run triage` have always used.
export * from '../understanding/rules.ts';
