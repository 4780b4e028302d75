//go:build !windows

package main

// setupConsole has nothing to do where terminals speak UTF-8.
func setupConsole() (restore func()) { return func() {} }
