// Data sources, keyed by their public key.
export default {};
