package ingest

// Parsed counts the input files parsed, not taken from the cache.
var Parsed = &parsed
