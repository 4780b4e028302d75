package stamp

import (
	"io/fs"
	"syscall"
)

// Entry takes what the quick comparison needs from a file's information:
// on Linux the inode's change time too, which no program can set back.
func Entry(info fs.FileInfo) File {
	f := File{Mode: uint32(info.Mode()), Size: info.Size(), Mtime: info.ModTime().UnixNano()}
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		f.Change = st.Ctim.Nano()
		f.Inode = st.Ino
	}
	return f
}
