//go:build windows

package main

import "golang.org/x/sys/windows"

// utf8CodePage is Windows' code page number for UTF-8.
const utf8CodePage = 65001

// setupConsole makes the console show the UTF-8 the program writes. A
// Chinese Windows console reads output in its code page, 936 (GBK), where
// UTF-8 is garbled; cmd and PowerShell both honour a UTF-8 output page set
// by the program. The page the console had is given back on exit. Without
// a console (output to a file or pipe) nothing changes: the bytes are UTF-8.
func setupConsole() (restore func()) {
	out, errOut := windows.GetConsoleOutputCP()
	in, errIn := windows.GetConsoleCP()
	if errOut != nil || out == utf8CodePage {
		return func() {}
	}
	if windows.SetConsoleOutputCP(utf8CodePage) != nil {
		return func() {}
	}
	if errIn == nil {
		_ = windows.SetConsoleCP(utf8CodePage) // what new's questions read
	}
	return func() {
		_ = windows.SetConsoleOutputCP(out)
		if errIn == nil {
			_ = windows.SetConsoleCP(in)
		}
	}
}
