//go:build !linux

package stamp

import "io/fs"

// Entry takes what the quick comparison needs from a file's information:
// elsewhere its size and modification time.
func Entry(info fs.FileInfo) File {
	return File{Mode: uint32(info.Mode()), Size: info.Size(), Mtime: info.ModTime().UnixNano()}
}
