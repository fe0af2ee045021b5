// The fields of a tier's strategy card, in the order every view shows them (the policy's
// `strategy` object; their names are strings.policy.strategyFields).
export const STRATEGY_FIELDS = ['service_level', 'discount', 'credit_terms', 'review_cycle', 'channel', 'owner', 'notes'];
