// Triggers, keyed by their public key.
export default {};
