// Package config reads site.yaml and the scheme file into typed, validated
// configuration.
//
// It takes the site folder and returns a Config and every problem found, each
// with file, line, column and the full key path. An unknown key is a problem,
// never silently ignored. It must not read any data file: that is ingest's work.
package config
